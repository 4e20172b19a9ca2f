// Proves the Redis journal answers as the memory one does, and that replicas share one journal.
import { expect, it } from 'vitest'
import {
  createJournal,
  type JournalStore,
  type KeptBody,
  type RecordedEntry,
} from '../../../src/core/journal/journal.js'
import { asAsync } from '../../../src/core/state/async.js'
import { createRedisJournal } from '../../../src/core/state/redis/journal.js'
import { describeWithRedis } from '../../support/needs-redis.js'
import { useRedis } from '../../support/redis-replicas.js'
import { journalEntry } from '../../support/store-fixtures.js'

const db = useRedis('journal')

/** Journals of `count` replicas: each its own connection, all under one fresh prefix. */
const replicas = (count: number, maxEntries: number, maxNamespaces?: number) =>
  db.replicas(count, (context) => createRedisJournal(context, maxEntries, maxNamespaces))

/** The shared entry, with a masked authorization header kept as recorded. */
const entry = (
  id: string,
  namespace = 'default',
  body: KeptBody | null = null,
  overrides: Partial<RecordedEntry> = {},
) =>
  journalEntry(id, namespace, body, { headers: { authorization: 'Bearer sk-123…' }, ...overrides })

/** The same steps on a memory journal and a Redis one: what each list answered. */
async function bothAnswer(
  steps: (journal: JournalStore) => Promise<unknown[]>,
  maxEntries: number,
  maxNamespaces?: number,
) {
  const memory = await steps(asAsync(createJournal(maxEntries, maxNamespaces)))
  const [redis] = await replicas(1, maxEntries, maxNamespaces)
  return { memory, redis: await steps(redis!) }
}

const ids = async (journal: JournalStore, filter?: Parameters<JournalStore['list']>[0]) =>
  (await journal.list(filter)).map((e) => e.id)

describeWithRedis('the Redis journal, as the memory one', () => {
  it('keeps the newest entries per namespace, in order', async () => {
    const { memory, redis } = await bothAnswer(async (journal) => {
      for (const id of ['a', 'b', 'c', 'd', 'e']) await journal.record(entry(id))
      await journal.record(entry('quiet-1', 'quiet'))
      for (const id of ['f', 'g']) await journal.record(entry(id))
      return [
        await ids(journal),
        await ids(journal, { namespace: 'quiet' }),
        await ids(journal, { namespace: 'default' }),
      ]
    }, 3)
    expect(redis).toEqual(memory)
    expect(redis).toEqual([['e', 'quiet-1', 'f', 'g'], ['quiet-1'], ['e', 'f', 'g']])
  })

  it('resets one namespace or all', async () => {
    const { memory, redis } = await bothAnswer(async (journal) => {
      await journal.record(entry('a', 'x'))
      await journal.record(entry('b', 'y'))
      await journal.record(entry('c', 'x'))
      await journal.reset('x')
      const afterOne = await ids(journal)
      await journal.record(entry('d', 'y'))
      const y = await ids(journal, { namespace: 'y' })
      await journal.reset()
      return [afterOne, y, await ids(journal), await ids(journal, { namespace: 'y' })]
    }, 5)
    expect(redis).toEqual(memory)
    expect(redis).toEqual([['b'], ['b', 'd'], [], []])
  })

  it('forgets the least recently used namespace past the cap, a read counting as a use', async () => {
    const { memory, redis } = await bothAnswer(
      async (journal) => {
        await journal.record(entry('a', 'x'))
        await journal.record(entry('b', 'y'))
        await journal.list({ namespace: 'x' })
        await journal.record(entry('c', 'z'))
        return [await ids(journal), await ids(journal, { namespace: 'y' })]
      },
      5,
      2,
    )
    expect(redis).toEqual(memory)
    expect(redis).toEqual([['a', 'c'], []])
  })

  it('records nothing when sized 0', async () => {
    const { memory, redis } = await bothAnswer(async (journal) => {
      await journal.record(entry('a'))
      return [await journal.list()]
    }, 0)
    expect(redis).toEqual(memory)
    expect(redis).toEqual([[]])
  })

  it('filters by provider, method in any case and path, and summarizes bodies alike', async () => {
    const { memory, redis } = await bothAnswer(async (journal) => {
      const long = JSON.stringify({ prompt: 'p'.repeat(300), api_key: 'sk-secret-value', n: 2 })
      await journal.record(entry('a', 'default', { json: long }))
      await journal.record(entry('b', 'default', { json: '{"not json' }, { provider: 'crun' }))
      await journal.record(entry('c', 'default', { text: 'x'.repeat(201) }, { method: 'GET' }))
      await journal.record(
        entry('d', 'default', { summary: { omitted: 'body over the limit' } }, { path: '/v1/x' }),
      )
      return [
        await journal.list(),
        await ids(journal, { provider: 'crun' }),
        await ids(journal, { method: 'get' }),
        await ids(journal, { path: 'generations' }),
      ]
    }, 10)
    expect(redis).toEqual(memory)
    expect(redis[0]).toMatchObject([
      { body: { prompt: `${'p'.repeat(200)}… (300 chars)`, n: 2 } },
      { body: '{"not json' },
      { body: `${'x'.repeat(200)}… (201 chars)` },
      { body: { omitted: 'body over the limit' } },
    ])
    expect(JSON.stringify(redis[0])).not.toContain('sk-secret-value')
  })
})

describeWithRedis('the Redis journal, shared by replicas', () => {
  it('lists the entries recorded on either replica, in record order, on both', async () => {
    const [a, b] = await replicas(2, 100)
    for (let i = 0; i < 6; i++) await (i % 2 === 0 ? a! : b!).record(entry(`e${i}`, `ns${i % 3}`))
    const expected = ['e0', 'e1', 'e2', 'e3', 'e4', 'e5']
    expect(await ids(a!)).toEqual(expected)
    expect(await ids(b!)).toEqual(expected)
    expect(await ids(b!, { namespace: 'ns1' })).toEqual(['e1', 'e4'])
  })

  it('keeps the bound on entries when both replicas record at once', async () => {
    const [a, b] = await replicas(2, 10)
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a! : b!).record(entry(`e${i}`))),
    )
    expect(await a!.list()).toHaveLength(10)
  })
})

describeWithRedis('the Redis journal without Redis', () => {
  it('rejects at once', async () => {
    const redis = await db.unreachable()
    const journal = createRedisJournal({ redis, prefix: 'down:' }, 10)
    await expect(journal.record(entry('a'))).rejects.toThrow()
    await expect(journal.list()).rejects.toThrow()
  })
})
