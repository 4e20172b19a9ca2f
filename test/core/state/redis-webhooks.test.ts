// Proves the Redis webhook endpoints answer as the memory ones do, and are shared by replicas.
import { expect, it } from 'vitest'
import {
  createWebhookEndpoints,
  type WebhookStore,
} from '../../../src/core/callbacks/webhook-endpoints.js'
import { createRandom, type Random } from '../../../src/core/random.js'
import { asAsync } from '../../../src/core/state/async.js'
import { createRedisWebhookStore } from '../../../src/core/state/redis/webhooks.js'
import { describeWithRedis } from '../../support/needs-redis.js'
import { useRedis } from '../../support/redis-replicas.js'

const db = useRedis('webhooks')

/** What a runtime seeded `seed` hands the stores: one generator per namespace, kept. */
function seededRandomFor(seed: string) {
  const streams = new Map<string, Random>()
  return (namespace: string) => {
    let random = streams.get(namespace)
    if (!random) streams.set(namespace, (random = createRandom(`${seed}:${namespace}:ids`)))
    return random
  }
}

const options = (seed = 'seed') => ({ randomFor: seededRandomFor(seed), now: () => 1_000 })

/** Webhook stores of `count` replicas, all seeded alike: each its own connection, one prefix. */
const replicas = (count: number) =>
  db.replicas(count, (context) => createRedisWebhookStore(context, options()))

const endpoint = (
  namespace: string,
  provider = 'skills-video',
  events: string[] | null = null,
) => ({
  namespace,
  provider,
  url: `https://example.test/${namespace}`,
  events,
})

describeWithRedis('Redis webhook endpoints, as the memory ones', () => {
  it('add, list, filter, subscribe, remove and reset alike, ids and secrets drawn alike', async () => {
    const steps = async (webhooks: WebhookStore) => {
      const added = [
        await webhooks.add(endpoint('a')),
        await webhooks.add(endpoint('b', 'skills-video', ['task.succeeded'])),
        await webhooks.add({ ...endpoint('a', 'other'), secret: 'whsec_given' }),
        await webhooks.add(endpoint('a', 'skills-video', ['task.failed'])),
      ]
      const listed = [
        await webhooks.list(),
        await webhooks.list({ namespace: 'a' }),
        await webhooks.list({ provider: 'skills-video' }),
        await webhooks.list({ namespace: 'a', provider: 'other' }),
      ]
      const subscribed = [
        await webhooks.subscribedTo('skills-video', 'a', 'task.succeeded'),
        await webhooks.subscribedTo('skills-video', 'b', 'task.succeeded'),
        await webhooks.subscribedTo('skills-video', 'b', 'task.failed'),
      ]
      const removed = [
        await webhooks.remove(added[0]!.id, 'b'),
        await webhooks.remove(added[0]!.id, 'a'),
        await webhooks.remove(added[0]!.id, 'a'),
      ]
      const afterRemove = await webhooks.list()
      await webhooks.reset('a')
      const afterReset = await webhooks.list()
      await webhooks.add(endpoint('c'))
      await webhooks.reset()
      return [added, listed, subscribed, removed, afterRemove, afterReset, await webhooks.list()]
    }
    const memory = await steps(asAsync(createWebhookEndpoints(options())))
    const [redis] = await replicas(1)
    const answered = await steps(redis!)
    expect(answered).toEqual(memory)
    const [added, listed] = answered as unknown as [
      { id: string; secret: string }[],
      { id: string }[][],
    ]
    expect(added[0]).toMatchObject({ id: expect.stringMatching(/^ep_[0-9a-f]{24}$/) as unknown })
    expect(added[0]!.secret).toMatch(/^whsec_/)
    expect(listed[0]!.map((e) => e.id)).toEqual(added.map((e) => e.id))
  })
})

describeWithRedis('Redis webhook endpoints, shared by replicas', () => {
  it('serve an endpoint added on one replica to another', async () => {
    const [a, b] = await replicas(2)
    const added = await a!.add(endpoint('ns', 'skills-video', ['task.succeeded']))
    expect(await b!.subscribedTo('skills-video', 'ns', 'task.succeeded')).toEqual([added])
    expect(await b!.remove(added.id, 'ns')).toBe(true)
    expect(await a!.list()).toEqual([])
  })

  it('draw another id when a replica seeded alike drew one already taken', async () => {
    const [a, b] = await replicas(2)
    const first = await a!.add(endpoint('ns'))
    const second = await b!.add(endpoint('ns'))
    expect(second.id).not.toBe(first.id)
    expect(second.secret).not.toBe(first.secret)
    expect((await a!.list()).map((e) => e.id)).toEqual([first.id, second.id])
  })
})

describeWithRedis('Redis webhook endpoints without Redis', () => {
  it('reject at once', async () => {
    const redis = await db.unreachable()
    const webhooks = createRedisWebhookStore({ redis, prefix: 'down:' }, options())
    await expect(webhooks.list()).rejects.toThrow()
    await expect(webhooks.add(endpoint('a'))).rejects.toThrow()
  })
})
