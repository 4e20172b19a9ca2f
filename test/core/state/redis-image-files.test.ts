// Proves shared image names on Redis: a name minted on one replica is served (rendered, or its
// upload's bytes) by another, held names live until their last release, loose ones and uploads are
// bounded, and the names' lifecycle matches the memory ImageFiles op for op.
import { beforeAll, expect, it } from 'vitest'
import type { Redis } from 'ioredis'
import { createImageFiles, type ImageStore } from '../../../src/core/images/image-files.js'
import { createImageRenderer } from '../../../src/core/images/render-image.js'
import type { ImageRecipe } from '../../../src/core/images/recipe.js'
import { asAsync } from '../../../src/core/state/async.js'
import {
  createRedisImageStore,
  type RedisImageStoreOptions,
} from '../../../src/core/state/redis/image-files.js'
import { solidImage } from '../../support/images.js'
import { describeWithRedis } from '../../support/needs-redis.js'
import { useRedis } from '../../support/redis-replicas.js'
import { pollUntil } from '../../support/poll.js'

const DAY_MS = 24 * 60 * 60 * 1000

const MB = 1024 * 1024

const db = useRedis('images-test')
let one: Redis
let two: Redis

beforeAll(async () => {
  ;[one, two] = await Promise.all([db.connect(), db.connect()])
})

const recipe = (prompt: string, index = 0): ImageRecipe => ({
  provider: 'openai',
  model: 'gpt-image-2',
  prompt,
  size: { width: 128, height: 96 },
  format: index % 2 ? 'jpeg' : 'png',
  compression: 80,
  transparent: false,
  quality: 'low',
  seed: 'seed',
  count: 2,
  index,
})

const localFiles = (looseRecipes = 100) =>
  createImageFiles({
    renderer: createImageRenderer({ encodedCacheBytes: 4 * MB, backgroundCacheBytes: 16 * MB }),
    uploadBytes: 4 * MB,
    looseRecipes,
  })

/** Replicas of one emulator: a store per Redis client, each with its own local ImageFiles. */
function replicas(options: Partial<RedisImageStoreOptions> = {}) {
  const prefix = db.freshPrefix()
  const settings = { looseRecipes: 100, uploadBytes: 4 * MB, ...options }
  const on = (redis: Redis) =>
    createRedisImageStore({ redis, prefix }, localFiles(settings.looseRecipes), settings)
  return { prefix, on, a: on(one), b: on(two) }
}

describeWithRedis('redis image names: shared by replicas', () => {
  it('serves on one replica the recipes another published or holds, rendered alike', async () => {
    const { a, b } = replicas()
    const published = await a.publish(recipe('a cat'))
    const held = await a.hold(recipe('a dog', 1))
    const reference = localFiles()
    for (const [name, made] of [
      [published, recipe('a cat')],
      [held, recipe('a dog', 1)],
    ] as const) {
      const file = await b.read(name)
      expect(file?.contentType).toBe(made.index ? 'image/jpeg' : 'image/png')
      expect(file?.bytes.equals(await reference.render(made))).toBe(true)
    }
    expect(await b.read('0123456789abcdef0123456789abcdef.png')).toBeUndefined()
  })

  it('keeps a held name until its last release, from whichever replica', async () => {
    const { a, b, on } = replicas()
    const name = await a.hold(recipe('held'))
    await b.hold(recipe('held'))
    await b.release([name])
    expect(await on(two).read(name)).toBeDefined()
    await a.release([name, name])
    expect(await b.read(name)).toBeUndefined()
    expect(await a.read(name)).toBeUndefined()
  })

  it('counts holds taken and let go concurrently on two replicas exactly', async () => {
    const { a, b } = replicas()
    const names = await Promise.all(
      Array.from({ length: 100 }, (_, i) => (i % 2 ? b : a).hold(recipe('busy'))),
    )
    await Promise.all(names.slice(1).map((name, i) => (i % 2 ? b : a).release([name])))
    expect(await b.read(names[0]!)).toBeDefined()
    await a.release([names[0]!])
    expect(await b.read(names[0]!)).toBeUndefined()
  })

  it('serves on one replica the uploads another kept, bytes and type', async () => {
    const { a, b, on } = replicas()
    const png = await solidImage(8, 8, 'png')
    const webp = await solidImage(8, 8, 'webp')
    const names = [await a.keep(png, 'png'), await a.keep(webp, 'webp')]
    expect(await b.read(names[0]!)).toEqual({ bytes: png, contentType: 'image/png' })
    expect(await on(two).read(names[1]!)).toEqual({ bytes: webp, contentType: 'image/webp' })
  })

  it('bounds uploads by bytes, oldest first, and lets them expire', async () => {
    const images = await Promise.all([1, 2, 3].map((side) => solidImage(side * 4, 8, 'png')))
    const sizes = images.map((bytes) => bytes.length)
    const bound = sizes[1]! + sizes[2]!
    const { a, on, prefix } = replicas({ uploadBytes: bound })
    const names = []
    for (const bytes of images) names.push(await a.keep(bytes, 'png'))
    const fresh = on(two)
    expect(await fresh.read(names[0]!)).toBeUndefined()
    expect((await fresh.read(names[1]!))?.bytes).toEqual(images[1])
    expect((await fresh.read(names[2]!))?.bytes).toEqual(images[2])
    expect(Number(await one.get(`${prefix}images:upload-bytes`))).toBe(bound)

    const tooBig = await solidImage(64, 64, 'png')
    expect(tooBig.length).toBeGreaterThan(bound)
    expect(await on(two).read(await a.keep(tooBig, 'png'))).toBeUndefined()

    // Kept with a time to live: readable meanwhile (a day here, so however slow the machine)...
    const lasting = replicas({ uploadTtlMs: DAY_MS })
    const kept = await lasting.a.keep(images[0]!, 'png')
    expect(await lasting.on(two).read(kept)).toBeDefined()
    const ttl = await one.pttl(`${lasting.prefix}images:upload:${kept}`)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(DAY_MS)
    // ...and gone once it is up.
    const brief = replicas({ uploadTtlMs: 40 })
    const name = await brief.a.keep(images[0]!, 'png')
    await pollUntil(
      () => brief.on(two).read(name),
      (read) => read === undefined,
      { intervalMs: 10 },
    )
    // The next keep forgets the expired upload: only the new one counts against the bound.
    await brief.a.keep(images[1]!, 'png')
    expect(Number(await one.get(`${brief.prefix}images:upload-bytes`))).toBe(sizes[1])
    expect(await one.zrange(`${brief.prefix}images:uploads`, '0', '-1')).toHaveLength(1)
  })

  it('clears the shared names and uploads, every key under the prefix', async () => {
    const { a, b, on, prefix } = replicas()
    const names = [
      await a.publish(recipe('loose')),
      await a.hold(recipe('held')),
      await a.keep(await solidImage(4, 4, 'png'), 'png'),
    ]
    const keys = await one.keys(`*${prefix}*`)
    expect(keys.length).toBeGreaterThan(0)
    for (const key of keys) expect(key.startsWith(prefix)).toBe(true)
    await b.clear()
    for (const name of names) expect(await on(two).read(name)).toBeUndefined()
    expect(await one.keys(`${prefix}*`)).toEqual([])
  })
})

describeWithRedis('redis image names: parity with memory', () => {
  it('publishes, holds, releases and evicts the least recent loose name alike', async () => {
    const looseRecipes = 3
    const memory = asAsync(localFiles(looseRecipes))
    const { a: redis } = replicas({ looseRecipes })
    const recipes = ['r0', 'r1', 'r2', 'r3', 'r4'].map((prompt) => recipe(prompt))
    const name = (i: number) => recipes[i]!.prompt
    type Op = (store: ImageStore, names: Map<string, string>) => Promise<unknown>
    const publish =
      (i: number): Op =>
      async (s, names) =>
        names.set(name(i), await s.publish(recipes[i]!)).get(name(i))
    const hold =
      (i: number): Op =>
      async (s, names) =>
        names.set(name(i), await s.hold(recipes[i]!)).get(name(i))
    const release =
      (...i: number[]): Op =>
      (s, names) =>
        s.release(i.map((n) => names.get(name(n)) ?? 'unknown.png'))
    /** Which of the recipes each store serves now (reading bumps a loose name, in both). */
    const served =
      (...i: number[]): Op =>
      async (s, names) => {
        const files = []
        for (const n of i) files.push(await s.read(names.get(name(n)) ?? 'unknown.png'))
        return files.map((file) => file?.bytes.length ?? 'gone')
      }
    const steps: Op[] = [
      publish(0),
      publish(1),
      publish(2),
      served(0),
      publish(3),
      served(0, 1, 2, 3),
      hold(4),
      publish(4),
      release(4),
      served(4),
      hold(1),
      publish(1),
      publish(0),
      release(1, 1),
      served(0, 1, 2, 3, 4),
      hold(2),
      hold(2),
      release(2),
      publish(4),
      served(2, 4),
      release(2, 2),
      served(0, 1, 2, 3, 4),
    ]
    const names = { memory: new Map<string, string>(), redis: new Map<string, string>() }
    const answers = []
    for (const [i, step] of steps.entries()) {
      const expected = await step(memory, names.memory)
      expect(await step(redis, names.redis), `step ${i}`).toEqual(expected)
      answers.push(expected)
    }
    // The run did evict, release and keep: some names served, some gone.
    expect(answers.at(-1)).toEqual([
      'gone',
      'gone',
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
    ])
  })
})
