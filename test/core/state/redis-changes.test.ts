// Proves the Redis change feed knows namespaces as the memory one does, and carries each
// replica's changes, coalesced, to the listeners of every replica.
import { afterAll, expect, it } from 'vitest'
import { createChanges, type Change, type ChangeFeed } from '../../../src/core/changes.js'
import { asAsync } from '../../../src/core/state/async.js'
import { createRedisChangeFeed } from '../../../src/core/state/redis/changes.js'
import { describeWithRedis } from '../../support/needs-redis.js'
import { pollUntil } from '../../support/poll.js'
import { useRedis } from '../../support/redis-replicas.js'

const db = useRedis('changes')
const feeds: { stop(): void }[] = []
/** The prefix of the latest `replicas`. */
let prefix = ''

// Before useRedis's afterAll (hooks run last registered first): the feeds stop, then the clients.
afterAll(() => {
  for (const feed of feeds) feed.stop()
})

/** Feeds of `count` replicas, each with its connection and subscriber, under one fresh prefix. */
async function replicas(count: number) {
  const made = await db.replicas(count, async (context) => {
    prefix = context.prefix // the same for every replica
    const feed = createRedisChangeFeed(context, await db.connect())
    feeds.push(feed)
    return feed
  })
  // Listening once every replica's subscriber is on the channel.
  const probe = await db.connect()
  await pollUntil(
    async () => (await probe.pubsub('NUMSUB', `${prefix}changes`)) as [string, number],
    ([, subscribers]) => subscribers === count,
    { intervalMs: 5 },
  )
  return made
}

/** Collects what `feed` hears. */
function hear(feed: ChangeFeed) {
  const heard: Change[] = []
  feed.subscribe((change) => heard.push(change))
  return heard
}

const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms))

describeWithRedis('the Redis change feed, as the memory one', () => {
  it('knows which namespaces changed until they are reset, `default` always among them', async () => {
    const steps = async (feed: ChangeFeed) => {
      const seen: string[][] = [await feed.namespaces()]
      feed.notify('journal', 'x')
      feed.notify('tasks', 'y')
      feed.notify('tasks', 'y')
      seen.push(await feed.namespaces())
      feed.reset('x')
      seen.push(await feed.namespaces())
      feed.notify('faults', 'z')
      feed.notify('keys', 'a')
      seen.push(await feed.namespaces())
      feed.reset()
      seen.push(await feed.namespaces())
      return seen
    }
    const memory = await steps(asAsync(createChanges(), ['notify', 'reset', 'subscribe']))
    const [redis] = await replicas(1)
    expect(await steps(redis!)).toEqual(memory)
    expect(memory[3]).toEqual(['a', 'default', 'y', 'z'])
  })

  it('forgets the least recently changed namespace past 1,000', async () => {
    const steps = async (feed: ChangeFeed) => {
      for (let i = 0; i <= 1_000; i++) feed.notify('journal', `ns${i}`)
      feed.notify('tasks', 'ns0')
      feed.notify('tasks', 'last')
      return feed.namespaces()
    }
    const memory = await steps(asAsync(createChanges(), ['notify', 'reset', 'subscribe']))
    const [redis] = await replicas(1)
    const answered = await steps(redis!)
    expect(answered).toEqual(memory)
    expect(answered).toHaveLength(1_001)
    expect(answered).toContain('ns0')
    expect(answered).not.toContain('ns1')
  })
})

describeWithRedis('the Redis change feed, shared by replicas', () => {
  it("carries a change notified on one replica to another's listeners, new namespaces first", async () => {
    const [a, b] = await replicas(2)
    const onA = hear(a!)
    const onB = hear(b!)
    a!.notify('journal', 'x')
    await pollUntil(
      () => Promise.resolve(onB.length),
      (n) => n >= 2,
      { intervalMs: 5 },
    )
    expect(onB).toEqual([
      { topic: 'namespaces', namespace: 'x' },
      { topic: 'journal', namespace: 'x' },
    ])
    await pollUntil(
      () => Promise.resolve(onA.length),
      (n) => n >= 2,
      { intervalMs: 5 },
    )
    expect(onA).toEqual(onB)
    expect(await b!.namespaces()).toEqual(['default', 'x'])
  })

  it('sends a burst of the same change once, and each distinct change', async () => {
    const [a, b] = await replicas(2)
    const onB = hear(b!)
    for (let i = 0; i < 200; i++) {
      a!.notify('journal', 'x')
      a!.notify('tasks', 'x')
    }
    b!.notify('journal', 'x')
    // Both replicas' pending changes sent, then a marker published after them: once B hears
    // the marker it has heard everything sent before it, however slow the machine.
    await Promise.all([a!.namespaces(), b!.namespaces()])
    const marker = { topic: 'marker', namespace: 'marker' } as unknown as Change
    await (await db.connect()).publish(`${prefix}changes`, JSON.stringify([marker]))
    await pollUntil(
      () => Promise.resolve(onB.some((c) => c.namespace === 'marker')),
      (heard) => heard,
      { intervalMs: 5 },
    )
    onB.splice(
      onB.findIndex((c) => c.namespace === 'marker'),
      1,
    )
    expect(onB).toHaveLength(4)
    expect(onB).toEqual(
      expect.arrayContaining([
        { topic: 'namespaces', namespace: 'x' },
        { topic: 'journal', namespace: 'x' },
        { topic: 'tasks', namespace: 'x' },
      ]),
    )
  })

  it('carries a reset to every replica and forgets the namespace there too', async () => {
    const [a, b] = await replicas(2)
    const onB = hear(b!)
    a!.notify('journal', 'x')
    // Heard, not only stored: pub/sub may deliver the change after `namespaces()` answers.
    await pollUntil(
      () => Promise.resolve(onB.length),
      (n) => n >= 2,
      { intervalMs: 5 },
    )
    expect(await b!.namespaces()).toEqual(['default', 'x'])
    onB.length = 0
    a!.reset('x')
    await pollUntil(
      () => Promise.resolve(onB.length),
      (n) => n >= 7,
      { intervalMs: 5 },
    )
    expect(onB.map((c) => c.topic)).toEqual([
      'journal',
      'tasks',
      'deliveries',
      'faults',
      'keys',
      'webhooks',
      'namespaces',
    ])
    expect(onB.every((c) => c.namespace === 'x')).toBe(true)
    expect(await b!.namespaces()).toEqual(['default'])
    onB.length = 0
    b!.reset()
    await pollUntil(
      () => Promise.resolve(onB.length),
      (n) => n >= 7,
      { intervalMs: 5 },
    )
    expect(onB.every((c) => c.namespace === null)).toBe(true)
  })

  it('stops: no more changes for its listeners, which never stop one another', async () => {
    const [a, b] = await replicas(2)
    const unsubscribe = b!.subscribe(() => {
      throw new Error('a failing listener does not keep the others from hearing')
    })
    const onB = hear(b!)
    a!.notify('journal', 'x')
    await pollUntil(
      () => Promise.resolve(onB.length),
      (n) => n >= 2,
      { intervalMs: 5 },
    )
    unsubscribe()
    b!.stop()
    a!.notify('tasks', 'x')
    await settle()
    expect(onB).toHaveLength(2)
  })
})

describeWithRedis('the Redis change feed without Redis', () => {
  it('drops notifications quietly and rejects when asked for namespaces', async () => {
    const [redis, subscriber] = await Promise.all([db.unreachable(), db.unreachable()])
    const feed = createRedisChangeFeed({ redis, prefix: 'down:' }, subscriber)
    feeds.push(feed)
    feed.notify('journal', 'x')
    feed.reset('x')
    await settle()
    feed.notify('journal', 'y')
    await expect(feed.namespaces()).rejects.toThrow()
  })
})
