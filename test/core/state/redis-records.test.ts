// Proves Redis records answer as the in-memory ones do, bounded the same way, and are shared by
// replicas (an upload URL issued on one is found on another).
import { expect, it } from 'vitest'
import { asAsync } from '../../../src/core/state/async.js'
import { createRecords, type RecordStore } from '../../../src/core/state/records.js'
import { createRedisRecords } from '../../../src/core/state/redis/records.js'
import { describeWithRedis } from '../../support/needs-redis.js'
import { useRedis } from '../../support/redis-replicas.js'

const db = useRedis('records')

/** Records of `count` replicas, each on its own connection, under one fresh prefix. */
const replicas = (count: number, max: number): Promise<RecordStore<number>[]> =>
  db.replicas(count, (context) => createRedisRecords<number>(context, 'things', max))

describeWithRedis('Redis records', () => {
  /** What a store holds under keys a..e, after the same steps. */
  async function run(store: RecordStore<number>): Promise<(number | undefined)[]> {
    await store.set('a', 'ns1', 1)
    await store.set('b', 'ns2', 2)
    await store.set('c', 'ns1', 3)
    await store.set('a', 'ns1', 4) // replaced, and now the newest
    await store.set('d', 'ns2', 5) // past the bound of 3: the oldest (b) goes
    const before = await Promise.all(['a', 'b', 'c', 'd'].map((key) => store.get(key)))
    await store.reset('ns1')
    const after = await Promise.all(['a', 'c', 'd'].map((key) => store.get(key)))
    await store.set('e', 'ns1', 6)
    await store.reset()
    return [...before, ...after, await store.get('e'), await store.get('d')]
  }

  it('keep, replace, bound and forget as the in-memory records do', async () => {
    const [shared] = await replicas(1, 3)
    const inMemory = await run(asAsync(createRecords<number>(3)))
    expect(inMemory).toEqual([4, undefined, 3, 5, undefined, undefined, 5, undefined, undefined])
    expect(await run(shared!)).toEqual(inMemory)
  })

  it('are one map for every replica', async () => {
    const [a, b] = await replicas(2, 10)
    await a!.set('token', 'default', 7)
    expect(await b!.get('token')).toBe(7)
    await b!.reset('default')
    expect(await a!.get('token')).toBeUndefined()
  })
})
