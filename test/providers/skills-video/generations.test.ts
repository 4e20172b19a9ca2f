import { afterEach, describe, expect, it } from 'vitest'
import { Webhook } from 'standardwebhooks'
import { useEmulator, jsonRequest } from '../../support/emulator.js'
import { createSpecValidator, sseData } from '../../support/spec-validator.js'
import { decode, solidImage } from '../../support/images.js'
import { pollUntil } from '../../support/poll.js'
import { startReceiver, type Receiver, type Received } from '../../support/receiver.js'
import {
  CREATE,
  CREATE_SSE,
  KEY,
  MOUNT,
  createClient,
  createWebhookBodyCheck,
  download,
  type Headers,
  type Part,
} from './client.js'

const server = useEmulator({
  timing: 'instant',
  // A receiver on a busy machine may take a while to answer: no retry (and duplicate) for that.
  callbacks: { maxAttempts: 3, backoffMs: 50, timeoutMs: 2_000 },
})
const spec = createSpecValidator('skills-video', MOUNT)
const client = createClient(server, spec)
const { headers, create, get, credits } = client
const checkWebhookBody = createWebhookBodyCheck()

const TERMINAL = ['COMPLETED', 'FAILED', 'CANCELED']
/** A 1x1 GIF: an image, but not a format the API takes. */
const GIF = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'
/** Keeps a generation queued long enough for a test to act on it. */
const HOLD = { 'x-emulator-timing': 'queue=5000;run=5000' }

const untilDone = (h: Headers, id: string) =>
  pollUntil(
    () => get(h, id).then((r) => r.json),
    (g) => TERMINAL.includes(g.status),
    { intervalMs: 15 },
  )
const finished = async (h: Headers, body: Record<string, unknown>) => {
  const created = await create(h, body)
  expect(created.status).toBe(200)
  return (await untilDone(h, created.json.id)).at(-1)
}
const accountOf = (h: Headers) => ({
  namespace: h['x-emulator-namespace']!,
  provider: 'skills-video',
  apiKey: KEY,
})

let receiver: Receiver | undefined
afterEach(async () => {
  await receiver?.close()
  receiver = undefined
})

describe('skills.video generation lifecycle', () => {
  it('goes IN_QUEUE -> IN_PROGRESS -> COMPLETED, each polled, and serves the image', async () => {
    // Each state lasts 600 ms: seen by a 20 ms poll even when the machine is busy.
    const h = headers({ 'x-emulator-timing': 'queue=600;run=600' })
    const created = await create(h, { prompt: 'a cat', aspect_ratio: '1:1' })
    expect(created.status).toBe(200)
    expect(created.json).toEqual({
      id: expect.stringMatching(/^gen_[0-9a-f]{24}$/),
      status: 'IN_QUEUE',
      input: {
        prompt: 'a cat',
        aspect_ratio: '1:1',
        resolution: '1024x1024',
        n: 1,
        quality: 'high',
        output_format: 'png',
        sync_mode: false,
      },
      usage: { total: 20, subscription: 20, permanent: 0 },
    })
    const seen = await untilDone(h, created.json.id)
    expect(seen.map((g) => g.status)).toEqual(['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED'])
    expect(seen[0]).toEqual({ ...created.json, data: null })
    expect(seen[1].data).toBeNull()
    const { data } = seen[2]
    expect(data).toEqual({
      type: 'image',
      n: 1,
      actual_prompt: 'a cat',
      images: [
        {
          url: expect.stringMatching(/\/files\/[0-9a-f]{32}\.png$/),
          file_name: expect.stringMatching(/^[0-9a-f]{32}\.png$/),
          content_type: 'image/png',
          width: 1024,
          height: 1024,
        },
      ],
      image: data.images[0],
    })
    expect(data.images[0].url).toBe(`${server.url}/files/${data.images[0].file_name}`)
    const image = await download(data.image.url)
    expect(image.contentType).toBe('image/png')
    expect(await decode(image.bytes)).toMatchObject({ format: 'png', width: 1024, height: 1024 })
  })

  it('echoes the normalized input: defaults resolved, resolution rewritten to pixels', async () => {
    const { json } = await create(headers(), { prompt: 'defaults' })
    expect(json.input).toEqual({
      prompt: 'defaults',
      aspect_ratio: '4:3',
      resolution: '1024x768',
      n: 1,
      quality: 'high',
      output_format: 'png',
      sync_mode: false,
    })
  })

  it.each([
    [{ aspect_ratio: '16:9', resolution: '2K' }, '2048x1152'],
    [{ aspect_ratio: '3:2' }, '1536x1024'],
    [{ aspect_ratio: '9:16', resolution: '1K' }, '864x1536'],
    [{ aspect_ratio: '2:3', resolution: '4K' }, '2336x3520'],
  ])('renders %j at %s and says so in the input', async (sizing, pixels) => {
    const done = await finished(headers(), { prompt: 'sizes', ...sizing })
    expect(done.input.resolution).toBe(pixels)
    const [width, height] = pixels.split('x').map(Number)
    expect(done.data.image).toMatchObject({ width, height })
    expect(await decode((await download(done.data.image.url)).bytes)).toMatchObject({
      width,
      height,
    })
  })

  it.each([
    ['square_hd', '1:1', '1024x1024'],
    ['square', '1:1', '1024x1024'],
    ['auto', '1:1', '1024x1024'],
    ['portrait_4_3', '3:4', '768x1024'],
    ['portrait_16_9', '9:16', '864x1536'],
    ['landscape_4_3', '4:3', '1024x768'],
    ['landscape_16_9', '16:9', '1536x864'],
  ])('maps the image_size preset %s to %s', async (preset, ratio, pixels) => {
    const { json } = await create(headers(), { prompt: 'preset', image_size: preset })
    expect(json.input).toMatchObject({ aspect_ratio: ratio, resolution: pixels })
  })

  it('takes the tier from resolution when image_size sets the ratio', async () => {
    const { json } = await create(headers(), {
      prompt: 'preset',
      image_size: 'landscape_16_9',
      resolution: '2K',
    })
    expect(json.input).toMatchObject({ aspect_ratio: '16:9', resolution: '2048x1152' })
    expect(json.usage.total).toBe(40)
  })

  it('lets aspect_ratio win when image_size is sent too', async () => {
    const { json } = await create(headers(), {
      prompt: 'both',
      image_size: 'portrait_16_9',
      aspect_ratio: '3:2',
    })
    expect(json.input).toMatchObject({ aspect_ratio: '3:2', resolution: '1536x1024' })
  })

  it.each([
    ['jpeg', 'image/jpeg', /\.jpg$/],
    ['webp', 'image/webp', /\.webp$/],
    ['png', 'image/png', /\.png$/],
  ])('renders output_format %s as %s', async (format, contentType, extension) => {
    const done = await finished(headers(), {
      prompt: 'formats',
      output_format: format,
      quality: 'low',
    })
    expect(done.input).toMatchObject({ output_format: format, quality: 'low' })
    expect(done.data.image).toMatchObject({
      content_type: contentType,
      file_name: expect.stringMatching(extension),
    })
    const image = await download(done.data.image.url)
    expect(image.contentType).toBe(contentType)
    expect((await decode(image.bytes)).format).toBe(format)
  })

  it.each([
    [{}, 1],
    [{ num_images: 3 }, 3],
    [{ n: 2 }, 2],
    [{ n: 2, num_images: 4 }, 2],
  ])('makes %j into %i images, charged per image', async (counts, count) => {
    const h = headers()
    const done = await finished(h, { prompt: 'counting', aspect_ratio: '1:1', ...counts })
    expect(done.input.n).toBe(count)
    expect(done.usage).toEqual({ total: 20 * count, subscription: 20 * count, permanent: 0 })
    expect(done.data.n).toBe(count)
    expect(done.data.images).toHaveLength(count)
    expect(done.data.image).toEqual(done.data.images[0])
    expect(new Set(done.data.images.map((i: { file_name: string }) => i.file_name)).size).toBe(
      count,
    )
  })

  it('returns data URIs instead of links with sync_mode', async () => {
    const done = await finished(headers(), {
      prompt: 'inline',
      sync_mode: true,
      output_format: 'webp',
      aspect_ratio: '16:9',
    })
    expect(done.input.sync_mode).toBe(true)
    expect(done.data.image.url).toMatch(/^data:image\/webp;base64,/)
    expect(done.data.image.file_name).toMatch(/\.webp$/)
    expect(await decode((await download(done.data.image.url)).bytes)).toMatchObject({
      format: 'webp',
      width: 1536,
      height: 864,
    })
  })

  it('runs an edit with image_urls and mask_url and echoes both', async () => {
    const done = await finished(headers(), {
      prompt: 'add a hat',
      image_urls: ['https://example.com/cat.png', 'https://example.com/hat.png'],
      mask_url: 'https://example.com/mask.png',
    })
    expect(done.status).toBe('COMPLETED')
    expect(done.input).toMatchObject({
      image_urls: ['https://example.com/cat.png', 'https://example.com/hat.png'],
      mask_url: 'https://example.com/mask.png',
    })
  })

  it('treats an empty image_urls and a null mask_url as text to image', async () => {
    const { status, json } = await create(headers(), {
      prompt: 'plain',
      image_urls: [],
      mask_url: null,
    })
    expect(status).toBe(200)
    expect(json.input).not.toHaveProperty('image_urls')
    expect(json.input).not.toHaveProperty('mask_url')
  })
})

describe('skills.video multipart requests', () => {
  it('takes repeated image_urls (URLs or uploads), serving uploads under /files/', async () => {
    const upload = await solidImage(64, 48, 'jpeg')
    const h = headers()
    const { status, json } = await client.form(CREATE, h, [
      ['prompt', 'merge these'],
      ['image_urls', 'https://example.com/a.png'],
      ['image_urls', upload, 'b.jpg'],
      ['mask_url', await solidImage(64, 48, 'png', true), 'mask.png'],
      ['n', '2'],
      ['sync_mode', 'false'],
      ['resolution', '2K'],
    ])
    expect(status).toBe(200)
    expect(json.input).toMatchObject({
      prompt: 'merge these',
      n: 2,
      sync_mode: false,
      resolution: '2048x1536',
      image_urls: [
        'https://example.com/a.png',
        expect.stringMatching(new RegExp(`^${server.url}/files/[0-9a-f]{32}\\.jpg$`)),
      ],
      mask_url: expect.stringMatching(/\/files\/[0-9a-f]{32}\.png$/),
    })
    expect(json.usage.total).toBe(80)
    const stored = await download(json.input.image_urls[1])
    expect(stored.contentType).toBe('image/jpeg')
    expect(stored.bytes.equals(upload)).toBe(true)
    expect((await untilDone(h, json.id)).at(-1).data.images).toHaveLength(2)
  })

  it('takes a plain text-to-image form with numbers and booleans as text', async () => {
    const { status, json } = await client.form(CREATE, headers(), [
      ['prompt', 'form'],
      ['num_images', '3'],
      ['sync_mode', 'true'],
      ['aspect_ratio', '1:1'],
    ])
    expect(status).toBe(200)
    expect(json.input).toMatchObject({ n: 3, sync_mode: true, aspect_ratio: '1:1' })
  })

  it.each<[string, Part[], string]>([
    [
      'an upload that is no image',
      [['image_urls', Buffer.from('not an image'), 'a.png']],
      "'image_urls.0' must be a PNG, JPEG or WebP image.",
    ],
    [
      'a GIF upload',
      [
        ['image_urls', 'https://e.com/a.png'],
        ['image_urls', Buffer.from(GIF, 'base64'), 'a.gif'],
      ],
      "'image_urls.1' must be a PNG, JPEG or WebP image, not gif.",
    ],
    [
      'a file in a text field',
      [['quality', Buffer.from('high'), 'q.txt']],
      "'quality' must be a text field, not a file.",
    ],
    ['n that is no number', [['n', 'two']], "'n' must be a number."],
    ['sync_mode that is no boolean', [['sync_mode', 'yes']], "'sync_mode' must be a boolean."],
    [
      'a mask without images',
      [['mask_url', 'https://e.com/m.png']],
      "'mask_url' needs 'image_urls': a mask applies only in edit mode.",
    ],
  ])('refuses %s with 400 IMAGE_GENERATION_INVALID_INPUT', async (_, parts, message) => {
    const { status, json } = await client.form(CREATE, headers(), [['prompt', 'x'], ...parts])
    expect(status).toBe(400)
    expect(json).toEqual({
      error: 'IMAGE_GENERATION_INVALID_INPUT',
      code: 'IMAGE_GENERATION_INVALID_INPUT',
      message,
    })
  })

  it('refuses a multipart body that cannot be parsed', async () => {
    const response = await fetch(server.url + MOUNT + CREATE, {
      method: 'POST',
      headers: { ...headers(), 'content-type': 'multipart/form-data; boundary=nope' },
      body: 'this is not multipart',
    })
    const text = await response.text()
    await spec.check('POST', MOUNT + CREATE, response, text)
    expect(response.status).toBe(400)
    expect(JSON.parse(text).code).toBe('IMAGE_GENERATION_INVALID_INPUT')
  })
})

describe('skills.video running generations', () => {
  it("lists the caller's queued and in-progress generations, newest first, to limit", async () => {
    const h = headers(HOLD)
    const ids: string[] = []
    for (const prompt of ['first', 'second', 'third'])
      ids.push((await create(h, { prompt })).json.id)
    await create({ ...h, authorization: 'Bearer someone-else' }, { prompt: 'not mine' })
    await create(
      { ...h, 'x-emulator-namespace': `${h['x-emulator-namespace']}-other` },
      { prompt: 'another namespace' },
    )
    const done = (await create(headers(), { prompt: 'finishes at once' })).json.id

    const all = await client.call('GET', '/api/v1/generations/running', h)
    expect(all.status).toBe(200)
    expect(all.json.map((g: { id: string }) => g.id)).toEqual([...ids].reverse())
    expect(all.json[0]).toEqual({
      id: ids[2],
      status: 'IN_QUEUE',
      usage: { total: 20, subscription: 20, permanent: 0 },
      input: expect.objectContaining({ prompt: 'third' }),
    })
    expect(all.json.map((g: { id: string }) => g.id)).not.toContain(done)

    const limited = await client.call(
      'GET',
      '/api/v1/generations/running?limit=2&workspace=ws_123',
      h,
    )
    expect(limited.json.map((g: { id: string }) => g.id)).toEqual([ids[2], ids[1]])

    await server.emulator.runtime.tasks.complete(ids[1]!)
    const after = await client.call('GET', '/api/v1/generations/running', h)
    expect(after.json.map((g: { id: string }) => g.id)).toEqual([ids[2], ids[0]])
    for (const id of ids) await server.emulator.runtime.tasks.cancel(id)
  })

  it('shows IN_PROGRESS for a generation that has started', async () => {
    const h = headers({ 'x-emulator-timing': 'queue=0;run=5000' })
    const { json } = await create(h, { prompt: 'running' })
    await pollUntil(
      () => get(h, json.id).then((r) => r.json.status),
      (s) => s === 'IN_PROGRESS',
    )
    const running = await client.call('GET', '/api/v1/generations/running', h)
    expect(running.json).toEqual([expect.objectContaining({ id: json.id, status: 'IN_PROGRESS' })])
    await server.emulator.runtime.tasks.cancel(json.id)
  })

  it.each([
    ['0', "'limit' must be at least 1."],
    ['101', "'limit' must be at most 100."],
    ['abc', "'limit' must be a number."],
    ['1.5', "'limit' must be an integer."],
  ])('refuses limit=%s with 400 naming the parameter', async (limit, message) => {
    const { status, json } = await client.call(
      'GET',
      `/api/v1/generations/running?limit=${limit}`,
      headers(),
    )
    expect(status).toBe(400)
    expect(json).toEqual({
      error: 'IMAGE_GENERATION_INVALID_INPUT',
      code: 'IMAGE_GENERATION_INVALID_INPUT',
      message,
    })
  })
})

describe('skills.video credits', () => {
  it('charges 20, 40 and 80 credits per image for 1K, 2K, 4K and shows the balance', async () => {
    const h = headers(HOLD)
    expect(await credits(h)).toEqual({ total: 1000, subscription: 1000, permanent: 0 })
    await create(h, { prompt: 'one 1K' })
    await create(h, { prompt: 'two 2K', resolution: '2K', n: 2 })
    await create(h, { prompt: 'one 4K', resolution: '4K' })
    expect(await credits(h)).toEqual({ total: 820, subscription: 820, permanent: 0 })
  })

  it('spends subscription credits before permanent ones; usage reports the split', async () => {
    const h = headers()
    await server.emulator.runtime.credits.setBalance(accountOf(h), {
      subscription: 30,
      permanent: 100,
    })
    const { json } = await create(h, { prompt: 'split', resolution: '2K' })
    expect(json.usage).toEqual({ total: 40, subscription: 30, permanent: 10 })
    expect(await credits(h)).toEqual({ total: 90, subscription: 0, permanent: 90 })
    expect((await untilDone(h, json.id)).at(-1).usage).toEqual({
      total: 40,
      subscription: 30,
      permanent: 10,
    })
  })

  it('refunds a failed generation, which reports FAILED with its code and message', async () => {
    const h = headers(HOLD)
    await server.emulator.runtime.credits.setBalance(accountOf(h), {
      subscription: 10,
      permanent: 50,
    })
    const { json } = await create(h, { prompt: 'doomed' })
    expect(await credits(h)).toEqual({ total: 40, subscription: 0, permanent: 40 })
    await server.emulator.runtime.tasks.fail(json.id, {
      code: 'IMAGE_GENERATION_TIMEOUT',
      message: 'Generation timed out',
    })
    const { json: failed } = await get(h, json.id)
    expect(failed).toEqual({
      id: json.id,
      status: 'FAILED',
      input: json.input,
      data: null,
      usage: { total: 0, subscription: 0, permanent: 0 },
      code: 'IMAGE_GENERATION_TIMEOUT',
      message: 'Generation timed out',
    })
    expect(await credits(h)).toEqual({ total: 60, subscription: 10, permanent: 50 })
  })

  it('reports a code outside the IMAGE_GENERATION family as IMAGE_GENERATION_FAILED', async () => {
    const h = headers(HOLD)
    const { json } = await create(h, { prompt: 'doomed' })
    await server.emulator.runtime.tasks.fail(json.id, {
      code: 'boom',
      message: 'Generation failed',
    })
    expect((await get(h, json.id)).json).toMatchObject({
      status: 'FAILED',
      code: 'IMAGE_GENERATION_FAILED',
      message: 'Generation failed',
    })
  })

  it('refunds a canceled generation, which reports CANCELED', async () => {
    const h = headers(HOLD)
    const { json } = await create(h, { prompt: 'never mind', n: 3 })
    expect((await credits(h)).total).toBe(940)
    await server.emulator.runtime.tasks.cancel(json.id)
    expect((await get(h, json.id)).json).toEqual({
      id: json.id,
      status: 'CANCELED',
      input: json.input,
      data: null,
      usage: { total: 0, subscription: 0, permanent: 0 },
      code: 'IMAGE_GENERATION_CANCELED',
      message: 'Generation canceled',
    })
    expect((await credits(h)).total).toBe(1000)
  })

  it('answers 402 when the balance is short, and keeps the balance', async () => {
    const h = headers()
    await server.emulator.runtime.credits.setBalance(accountOf(h), {
      subscription: 30,
      permanent: 9,
    })
    const refused = await create(h, { prompt: 'too dear', resolution: '2K' })
    expect(refused.status).toBe(402)
    expect(refused.json).toEqual({
      error: 'INSUFFICIENT_CREDITS',
      code: 'IMAGE_GENERATION_INSUFFICIENT_CREDITS',
      message: 'Insufficient credits for this generation.',
    })
    expect(await credits(h)).toEqual({ total: 39, subscription: 30, permanent: 9 })
    expect((await create(h, { prompt: 'affordable', n: 1 })).status).toBe(200)
  })

  it('keeps each key its own balance', async () => {
    const h = headers(HOLD)
    await create(h, { prompt: 'mine', n: 4 })
    expect((await credits({ ...h, authorization: 'Bearer another-key' })).total).toBe(1000)
    expect((await credits(h)).total).toBe(920)
  })
})

describe('skills.video errors', () => {
  it.each([
    ['no prompt', {}, "'prompt' is required."],
    ['an empty prompt', { prompt: '' }, "'prompt' must not be empty."],
    ['a prompt that is no string', { prompt: 42 }, "'prompt' must be a string."],
    [
      'a 32,001-character prompt',
      { prompt: 'x'.repeat(32_001) },
      "'prompt' must be at most 32000 characters.",
    ],
    [
      'image_urls that is no array',
      { prompt: 'x', image_urls: 'https://e.com/a.png' },
      "'image_urls' must be an array.",
    ],
    [
      '17 image_urls',
      { prompt: 'x', image_urls: Array(17).fill('https://e.com/a.png') },
      "'image_urls' must have at most 16 items.",
    ],
    [
      'an ftp image url',
      { prompt: 'x', image_urls: ['ftp://e.com/a.png'] },
      "'image_urls.0' must be a valid url.",
    ],
    [
      'a mask_url that is no URL',
      { prompt: 'x', image_urls: ['https://e.com/a.png'], mask_url: 'mask.png' },
      "'mask_url' must be a valid url.",
    ],
    [
      'a mask_url without image_urls',
      { prompt: 'x', mask_url: 'https://e.com/m.png' },
      "'mask_url' needs 'image_urls': a mask applies only in edit mode.",
    ],
    [
      'a mask_url with empty image_urls',
      { prompt: 'x', image_urls: [], mask_url: 'https://e.com/m.png' },
      "'mask_url' needs 'image_urls': a mask applies only in edit mode.",
    ],
    [
      'aspect_ratio 21:9',
      { prompt: 'x', aspect_ratio: '21:9' },
      "'aspect_ratio' must be one of: 1:1, 16:9, 9:16, 4:3, 3:4, 3:2, 2:3.",
    ],
    [
      'resolution 1k in lowercase',
      { prompt: 'x', resolution: '1k' },
      "'resolution' must be one of: 1K, 2K, 4K.",
    ],
    [
      'image_size huge',
      { prompt: 'x', image_size: 'huge' },
      "'image_size' must be one of: auto, square_hd, square, " +
        'portrait_4_3, portrait_16_9, landscape_4_3, landscape_16_9.',
    ],
    [
      'quality ultra',
      { prompt: 'x', quality: 'ultra' },
      "'quality' must be one of: low, medium, high.",
    ],
    ['num_images 5', { prompt: 'x', num_images: 5 }, "'num_images' must be at most 4."],
    ['n 0', { prompt: 'x', n: 0 }, "'n' must be at least 1."],
    ['n 1.5', { prompt: 'x', n: 1.5 }, "'n' must be an integer."],
    ['n as a string', { prompt: 'x', n: '2' }, "'n' must be a number."],
    [
      'output_format gif',
      { prompt: 'x', output_format: 'gif' },
      "'output_format' must be one of: jpeg, png, webp.",
    ],
    ['sync_mode as a string', { prompt: 'x', sync_mode: 'true' }, "'sync_mode' must be a boolean."],
    ['a JSON array', [], 'The request body must be a JSON object.'],
  ])(
    'answers %s with 400 IMAGE_GENERATION_INVALID_INPUT naming the field',
    async (_, body, message) => {
      const h = headers()
      const { status, json } = await client.call('POST', CREATE, h, body)
      expect(status).toBe(400)
      expect(json).toEqual({
        error: 'IMAGE_GENERATION_INVALID_INPUT',
        code: 'IMAGE_GENERATION_INVALID_INPUT',
        message,
      })
      expect((await credits(h)).total).toBe(1000)
    },
  )

  it('answers malformed JSON with 400 IMAGE_GENERATION_INVALID_INPUT', async () => {
    const { status, json } = await client.call('POST', CREATE, headers(), '{"prompt": ')
    expect(status).toBe(400)
    expect(json.code).toBe('IMAGE_GENERATION_INVALID_INPUT')
    expect(json.message).toMatch(/JSON/)
  })

  it('ignores fields the docs do not list', async () => {
    const { status, json } = await create(headers(), { prompt: 'x', model: 'whatever', seed: 7 })
    expect(status).toBe(200)
    expect(json.input).not.toHaveProperty('model')
  })

  it.each([
    [{}],
    [{ authorization: 'Basic dXNlcjpwYXNz' }],
    [{ authorization: 'Bearer' }],
    [{ authorization: KEY }],
  ])('answers auth %j with 401 UNAUTHORIZED', async (auth) => {
    const { status, json } = await client.call('POST', CREATE, auth, { prompt: 'x' })
    expect(status).toBe(401)
    expect(json).toMatchObject({
      error: 'UNAUTHORIZED',
      code: 'UNAUTHORIZED',
      message: expect.any(String),
    })
  })

  it('answers every read without a key with 401', async () => {
    for (const path of [
      '/api/v1/generation/gen_000000000000000000000000',
      '/api/v1/generations/running',
      '/api/v1/credits',
    ]) {
      expect((await client.call('GET', path, {})).status).toBe(401)
    }
    expect((await client.stream({}, { prompt: 'x' })).status).toBe(401)
  })

  it("answers an unknown generation, another key's or namespace's with 404 NOT_FOUND", async () => {
    const h = headers()
    const unknown = await get(h, 'gen_ffffffffffffffffffffffff')
    expect(unknown.status).toBe(404)
    expect(unknown.json).toEqual({
      error: 'NOT_FOUND',
      code: 'NOT_FOUND',
      message: 'Resource not found.',
    })
    const { json } = await create(h, { prompt: 'mine' })
    expect((await get({ ...h, authorization: 'Bearer someone-else' }, json.id)).status).toBe(404)
    expect((await get({ ...h, 'x-emulator-namespace': 'elsewhere' }, json.id)).status).toBe(404)
    expect((await get(h, json.id)).status).toBe(200)
  })

  it('answers a path it does not serve with 404 NOT_FOUND in its envelope', async () => {
    const response = await fetch(
      `${server.url}${MOUNT}/api/v1/generation/openai/gpt-image-2/extra`,
      jsonRequest({}, headers()),
    )
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ error: 'NOT_FOUND', code: 'NOT_FOUND' })
  })

  it.each([
    ['/api/v1/generation/google/veo-3.1', 'google/veo-3.1'],
    ['/api/v1/generation/sse/openai/gpt-image-1.5', 'openai/gpt-image-1.5'],
  ])('answers %s with 400 IMAGE_GENERATION_UNSUPPORTED_MODEL', async (path, model) => {
    const { status, json } = await client.call('POST', path, headers(), { prompt: 'x' })
    expect(status).toBe(400)
    expect(json).toEqual({
      error: 'IMAGE_GENERATION_UNSUPPORTED_MODEL',
      code: 'IMAGE_GENERATION_UNSUPPORTED_MODEL',
      message: `Model '${model}' is not supported: the emulator serves openai/gpt-image-2.`,
    })
    expect((await client.call('POST', path, {}, { prompt: 'x' })).status).toBe(401)
  })

  it.each([CREATE, CREATE_SSE])(
    'answers a prompt with a trigger term on %s with 422 and charges nothing',
    async (path) => {
      const h = headers()
      const { status, json } = await client.call('POST', path, h, {
        prompt: 'this is unsafe-content',
      })
      expect(status).toBe(422)
      expect(json).toEqual({
        error: 'IMAGE_GENERATION_CONTENT_REJECTED',
        code: 'IMAGE_GENERATION_CONTENT_REJECTED',
        message: 'Upstream moderation rejected the prompt or inputs.',
      })
      expect((await credits(h)).total).toBe(1000)
    },
  )

  it.each([
    CREATE,
    CREATE_SSE,
    '/api/v1/generation/fal-ai/flux',
    '/api/v1/generation/sse/fal-ai/flux',
  ])('answers an oversized body on %s with 413', async (path) => {
    const { status, json } = await client.call('POST', path, headers(), {
      prompt: 'x'.repeat(1_100_000),
    })
    expect(status).toBe(413)
    expect(json.code).toBe('IMAGE_GENERATION_INVALID_INPUT')
  })

  const catalogue = [
    ['image_generation_invalid_input', 400, 'IMAGE_GENERATION_INVALID_INPUT'],
    ['image_generation_unsupported_model', 400, 'IMAGE_GENERATION_UNSUPPORTED_MODEL'],
    ['unauthorized', 401, 'UNAUTHORIZED'],
    ['insufficient_credits', 402, 'IMAGE_GENERATION_INSUFFICIENT_CREDITS'],
    ['forbidden', 403, 'FORBIDDEN'],
    ['image_generation_content_rejected', 422, 'IMAGE_GENERATION_CONTENT_REJECTED'],
    ['image_generation_rate_limited', 429, 'IMAGE_GENERATION_RATE_LIMITED'],
    ['internal_error', 500, 'INTERNAL_ERROR'],
    ['image_generation_failed', 502, 'IMAGE_GENERATION_FAILED'],
    ['image_generation_provider_unavailable', 503, 'IMAGE_GENERATION_PROVIDER_UNAVAILABLE'],
    ['image_generation_timeout', 504, 'IMAGE_GENERATION_TIMEOUT'],
  ] as const

  it.each(
    catalogue.flatMap(([name, status, code]) =>
      [CREATE, CREATE_SSE].map((path) => [name, path, status, code] as const),
    ),
  )(
    'answers X-Emulator-Error: %s on %s with %i in the flat envelope',
    async (name, path, status, code) => {
      const h = headers()
      const result = await client.call(
        'POST',
        path,
        { ...h, 'x-emulator-error': name },
        { prompt: 'x' },
      )
      expect(result.status).toBe(status)
      expect(result.json).toMatchObject({ code, message: expect.any(String) })
      expect(result.json.error).toBe(
        name === 'insufficient_credits' ? 'INSUFFICIENT_CREDITS' : code,
      )
      expect((await credits(h)).total).toBe(1000)
    },
  )

  it('refuses a bad X-Emulator-Timing in the emulator envelope, charging nothing', async () => {
    const h = headers()
    const response = await fetch(
      server.url + MOUNT + CREATE,
      jsonRequest({ prompt: 'x' }, { ...h, 'x-emulator-timing': 'soon' }),
    )
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      emulator_error: { code: 'invalid_header', field: 'X-Emulator-Timing' },
    })
    expect((await credits(h)).total).toBe(1000)
  })

  it('sends retry-after with 429', async () => {
    const { headers: sent } = await create(
      headers({ 'x-emulator-error': 'image_generation_rate_limited' }),
      { prompt: 'x' },
    )
    expect(sent.get('retry-after')).toBe('1')
  })

  const READS = [
    '/api/v1/generation/gen_000000000000000000000000',
    '/api/v1/generations/running',
    '/api/v1/credits',
  ]
  const FORCED_ON_READS: [string, string, number][] = [
    [READS[0]!, 'not_found', 404],
    ...READS.flatMap((path): [string, string, number][] => [
      [path, 'forbidden', 403],
      [path, 'image_generation_rate_limited', 429],
      [path, 'internal_error', 500],
    ]),
  ]

  it.each(FORCED_ON_READS)(
    'GET %s can answer X-Emulator-Error: %s with %i',
    async (path, name, status) => {
      expect((await client.call('GET', path, headers({ 'x-emulator-error': name }))).status).toBe(
        status,
      )
    },
  )
})

describe('skills.video with createStatus 202', () => {
  const accepting = useEmulator({ timing: 'instant', skillsVideo: { createStatus: 202 } })

  it('answers a create with 202 and the same body', async () => {
    const other = createClient(accepting, spec)
    const { status, json } = await other.create(other.headers(), { prompt: 'accepted' })
    expect(status).toBe(202)
    expect(json).toMatchObject({ status: 'IN_QUEUE', usage: { total: 20 } })
  })
})

describe('skills.video server-sent events', () => {
  it('streams bare data frames IN_QUEUE, IN_PROGRESS, COMPLETED and then closes', async () => {
    const h = headers({ 'x-emulator-timing': 'fast' })
    const {
      status,
      headers: sent,
      text,
      frames,
    } = await client.stream(h, { prompt: 'stream me', aspect_ratio: '1:1', n: 2 })
    expect(status).toBe(200)
    expect(sent.get('content-type')).toMatch(/^text\/event-stream/)
    expect(text).toMatch(/^data: \{/)
    expect(text).not.toMatch(/^event:/m)
    expect(text).not.toContain('[DONE]')
    expect(frames.map((f) => f.status)).toEqual(['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED'])
    const id = frames[0].id
    expect(frames[0]).toEqual({
      id: expect.stringMatching(/^gen_[0-9a-f]{24}$/),
      status: 'IN_QUEUE',
      data: null,
      usage: { total: 40, subscription: 40, permanent: 0 },
    })
    const polled = (await get(h, id)).json
    expect(frames[2]).toEqual({ id, status: 'COMPLETED', data: polled.data, usage: polled.usage })
    expect(frames[2].data.images).toHaveLength(2)
    expect(polled.input).toMatchObject({ prompt: 'stream me', n: 2 })
  })

  it('streams an instant generation to the end as well', async () => {
    const { frames } = await client.stream(headers(), { prompt: 'quick' })
    expect(frames.map((f) => f.status)).toEqual(['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED'])
  })

  it.each([
    [
      'canceled',
      (id: string) => server.emulator.runtime.tasks.cancel(id),
      { status: 'CANCELED', code: 'IMAGE_GENERATION_CANCELED', message: 'Generation canceled' },
    ],
    [
      'failed',
      (id: string) =>
        server.emulator.runtime.tasks.fail(id, {
          code: 'IMAGE_GENERATION_PROVIDER_UNAVAILABLE',
          message: 'Upstream provider unavailable',
        }),
      {
        status: 'FAILED',
        code: 'IMAGE_GENERATION_PROVIDER_UNAVAILABLE',
        message: 'Upstream provider unavailable',
      },
    ],
  ] as const)(
    'ends the stream with the terminal frame when the generation is %s',
    async (_, end, terminal) => {
      const h = headers(HOLD)
      const response = await fetch(
        server.url + MOUNT + CREATE_SSE,
        jsonRequest({ prompt: 'interrupted' }, h),
      )
      const reader = response.body!.getReader()
      const decoder = new TextDecoder()
      let text = ''
      while (sseData(text).length === 0)
        text += decoder.decode((await reader.read()).value, { stream: true })
      const first = JSON.parse(sseData(text)[0]!)
      expect(first.status).toBe('IN_QUEUE')
      await end(first.id)
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
        text += decoder.decode(chunk.value, { stream: true })
      await spec.check('POST', MOUNT + CREATE_SSE, response, text)
      const frames = sseData(text).map((d) => JSON.parse(d))
      expect(frames.map((f) => f.status)).toEqual(['IN_QUEUE', terminal.status])
      expect(frames[1]).toEqual({
        id: first.id,
        data: null,
        usage: { total: 0, subscription: 0, permanent: 0 },
        ...terminal,
      })
    },
  )

  it('refuses a bad body as JSON before any stream starts', async () => {
    const { status, headers: sent, json } = await client.stream(headers(), { prompt: 'x', n: 9 })
    expect(status).toBe(400)
    expect(sent.get('content-type')).toMatch(/^application\/json/)
    expect(json).toEqual({
      error: 'IMAGE_GENERATION_INVALID_INPUT',
      code: 'IMAGE_GENERATION_INVALID_INPUT',
      message: "'n' must be at most 4.",
    })
  })

  it('refuses a short balance with 402 before any stream starts', async () => {
    const h = headers()
    await server.emulator.runtime.credits.setBalance(accountOf(h), { subscription: 10 })
    expect((await client.stream(h, { prompt: 'x' })).status).toBe(402)
  })

  it('takes a multipart body too', async () => {
    const { status, text } = await client.form(CREATE_SSE, headers(), [
      ['prompt', 'form stream'],
      ['image_urls', await solidImage(16, 16), 'a.png'],
    ])
    expect(status).toBe(200)
    expect(sseData(text).map((d) => JSON.parse(d).status)).toEqual([
      'IN_QUEUE',
      'IN_PROGRESS',
      'COMPLETED',
    ])
  })
})

describe('skills.video webhooks', () => {
  const bodyOf = (r: Received) => JSON.parse(r.body)
  const verify = (secret: string, r: Received) =>
    new Webhook(secret).verify(r.body, {
      'webhook-id': String(r.headers['webhook-id']),
      'webhook-timestamp': String(r.headers['webhook-timestamp']),
      'webhook-signature': String(r.headers['webhook-signature']),
    })

  it('sends task.created, task.started, task.completed, signed as Standard Webhooks', async () => {
    receiver = await startReceiver()
    const h = headers({ 'x-emulator-timing': 'fast' })
    const { secret } = await client.addEndpoint(h, `${receiver.url}/hooks`)
    const { json } = await create(h, { prompt: 'notify me' })
    const received = await receiver.waitFor(3)
    const bodies = received.map(bodyOf)
    expect(
      bodies.map((b) => [b.type, b.prediction.state, b.prediction.status, b.data.status]),
    ).toEqual([
      ['task.created', 'queued', 'IN_QUEUE', 'IN_QUEUE'],
      ['task.started', 'running', 'IN_PROGRESS', 'IN_PROGRESS'],
      ['task.completed', 'succeeded', 'COMPLETED', 'COMPLETED'],
    ])
    for (const r of received) {
      expect(r.path).toBe('/hooks')
      expect(r.headers['content-type']).toBe('application/json')
      expect(r.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{24}$/)
      expect(verify(secret, r)).toEqual(bodyOf(r))
      checkWebhookBody(bodyOf(r))
    }
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(3)
    expect(bodies[0].data).toEqual({ ...json, data: null })
    expect(bodies[2].data).toEqual((await get(h, json.id)).json)
    expect(bodies[2].prediction.id).toBe(json.id)
    expect(Date.parse(bodies[2].timestamp)).toBeGreaterThanOrEqual(Date.parse(bodies[0].timestamp))
  })

  it("signs with the endpoint's own secret, over the exact body", async () => {
    receiver = await startReceiver()
    const h = headers()
    await client.addEndpoint(h, receiver.url, ['task.created'])
    await create(h, { prompt: 'signed' })
    const [received] = await receiver.waitFor(1)
    const { secret: otherSecret } = await client.addEndpoint(headers(), receiver.url)
    expect(() => verify(otherSecret, received!)).toThrow()
    expect(() =>
      verify(otherSecret, { ...received!, body: received!.body.replace('signed', 'forged') }),
    ).toThrow()
  })

  it('keeps the webhook-id across a retried delivery and signs every attempt', async () => {
    receiver = await startReceiver((i) => (i === 0 ? 500 : 200))
    const h = headers()
    const { secret } = await client.addEndpoint(h, receiver.url, ['task.completed'])
    const { json } = await create(h, { prompt: 'flaky receiver' })
    const [first, second] = await receiver.waitFor(2)
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id'])
    expect(second!.body).toBe(first!.body)
    expect(verify(secret, first!)).toEqual(verify(secret, second!))
    const log = await client.deliveries(h, json.id)
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({
      id: first!.headers['webhook-id'],
      provider: 'skills-video',
      event: 'task.completed',
      status: 'delivered',
    })
    expect(
      log[0].attempts.map((a: { status: number; outcome: string }) => [a.status, a.outcome]),
    ).toEqual([
      [500, 'retrying'],
      [200, 'delivered'],
    ])
  })

  it('sends an endpoint only its subscribed events, and nothing to other namespaces', async () => {
    receiver = await startReceiver()
    const h = headers()
    await client.addEndpoint(h, `${receiver.url}/completed-only`, ['task.completed'])
    await client.addEndpoint(h, `${receiver.url}/all`)
    await client.addEndpoint(headers(), `${receiver.url}/other-namespace`)
    await create(h, { prompt: 'filtered' })
    await receiver.waitFor(4)
    await new Promise((resolve) => setTimeout(resolve, 150))
    const byPath = (path: string) =>
      receiver!.received.filter((r) => r.path === path).map((r) => bodyOf(r).type)
    expect(byPath('/completed-only')).toEqual(['task.completed'])
    expect(byPath('/all').sort()).toEqual(['task.completed', 'task.created', 'task.started'])
    expect(byPath('/other-namespace')).toEqual([])
  })

  it.each([
    [
      'task.canceled',
      'canceled',
      'CANCELED',
      (id: string) => server.emulator.runtime.tasks.cancel(id),
    ],
    [
      'task.failed',
      'failed',
      'FAILED',
      (id: string) =>
        server.emulator.runtime.tasks.fail(id, {
          code: 'IMAGE_GENERATION_FAILED',
          message: 'Generation failed',
        }),
    ],
  ] as const)('sends %s with the refunded generation', async (event, state, status, end) => {
    receiver = await startReceiver()
    const h = headers(HOLD)
    const { secret } = await client.addEndpoint(h, receiver.url, [event])
    const { json } = await create(h, { prompt: 'ends early' })
    await end(json.id)
    const [received] = await receiver.waitFor(1)
    const body = bodyOf(received!)
    expect(verify(secret, received!)).toEqual(body)
    checkWebhookBody(body)
    expect(body).toMatchObject({ type: event, prediction: { id: json.id, state, status } })
    expect(body.data).toEqual((await get(h, json.id)).json)
    expect(body.data.usage).toEqual({ total: 0, subscription: 0, permanent: 0 })
  })

  it('announces generations created over SSE too', async () => {
    receiver = await startReceiver()
    const h = headers()
    await client.addEndpoint(h, receiver.url, ['task.created', 'task.completed'])
    const { frames } = await client.stream(h, { prompt: 'sse and webhooks' })
    const received = await receiver.waitFor(2)
    expect(received.map((r) => bodyOf(r).type).sort()).toEqual(['task.completed', 'task.created'])
    expect(received.every((r) => bodyOf(r).prediction.id === frames[0].id)).toBe(true)
  })

  it('answers the create request before any webhook is delivered', async () => {
    receiver = await startReceiver(() => 'hang')
    const h = headers()
    await client.addEndpoint(h, receiver.url, ['task.created'])
    const { status } = await create(h, { prompt: 'fast path' })
    expect(status).toBe(200)
    await receiver.waitFor(1)
  })
})

describe('skills.video spec coverage', () => {
  it('covers every response the spec documents', () => {
    expect(spec.unexercised()).toEqual([])
  })
})
