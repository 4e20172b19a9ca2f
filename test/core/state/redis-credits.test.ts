// Proves the Redis credit ledger: the memory ledger's numbers op for op, atomic charges across
// replicas, keys under the prefix, and failing fast when Redis is away.
import { beforeAll, expect, it } from 'vitest'
import type { Redis } from 'ioredis'
import {
  createCreditLedger,
  type AccountRef,
  type CreditStore,
  type SpendLimits,
} from '../../../src/core/credits/ledger.js'
import { asAsync } from '../../../src/core/state/async.js'
import { createRedisCreditStore } from '../../../src/core/state/redis/credits.js'
import { createFakeTime, type FakeTime } from '../../support/fake-time.js'
import { describeWithRedis } from '../../support/needs-redis.js'
import { useRedis } from '../../support/redis-replicas.js'

const START = Date.UTC(2026, 0, 1)
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const ref: AccountRef = { namespace: 'default', provider: 'skills-video', apiKey: 'sk-test' }

const db = useRedis('credits-test')
let one: Redis
let two: Redis

beforeAll(async () => {
  ;[one, two] = await Promise.all([db.connect(), db.connect()])
})

/** A memory ledger and a Redis one on the same fake clock, under a prefix of this case's own. */
function pair(defaultBalance = 100) {
  const time = createFakeTime(START)
  const prefix = db.freshPrefix()
  const options = { clock: time.clock, defaultBalance }
  return {
    time,
    prefix,
    memory: asAsync(createCreditLedger(options)),
    redis: createRedisCreditStore({ redis: one, prefix }, options),
    /** The same store seen from a second replica (its own connection). */
    replica: createRedisCreditStore({ redis: two, prefix }, options),
  }
}

type Op = (store: CreditStore, time: FakeTime) => Promise<unknown>

/** Runs each step on both stores, expecting equal answers; advances the clock between steps. */
async function expectParity(steps: (Op | number)[], defaultBalance = 100) {
  const { time, memory, redis } = pair(defaultBalance)
  for (const [i, step] of steps.entries()) {
    if (typeof step === 'number') {
      await time.advance(step)
      continue
    }
    const expected = structuredClone(await step(memory, time))
    expect(await step(redis, time), `step ${i}`).toStrictEqual(expected)
  }
}

const other = { ...ref, namespace: 'other' }
const charge =
  (amount: number, taskId: string, limits?: SpendLimits | null, who = ref): Op =>
  (s) =>
    s.charge(who, amount, taskId, limits)
const account =
  (who = ref): Op =>
  (s) =>
    s.account(who)
const refund =
  (taskId: string, who = ref): Op =>
  async (s) => {
    await s.refund(who, taskId)
    return s.account(who)
  }
const settle =
  (taskId: string): Op =>
  async (s) => {
    await s.settle(ref, taskId)
    return s.account(ref)
  }
const spent =
  (back: number): Op =>
  (s, time) =>
    s.spentSince(ref, time.clock.now() - back)

describeWithRedis('redis credit ledger: parity with memory', () => {
  it('provisions, splits, refunds once, settles and sets balances alike', async () => {
    await expectParity([
      account(),
      charge(2, 't1'),
      (s) => s.setBalance(ref, { subscription: 3, permanent: 10 }),
      charge(2, 't2'),
      charge(5, 't3'),
      account(),
      refund('t3'),
      refund('t3'),
      refund('never-charged'),
      settle('t2'),
      refund('t2'),
      charge(100, 't4'),
      (s) => s.setBalance(ref, { subscription: 30 }),
      (s) => s.setBalance(ref, { subscription: 1.5, permanent: 2.25 }),
      charge(3.75, 't5'),
      charge(0.001, 't6'),
      account(),
    ])
  })

  it('keeps thousandths: 47 charges of 0.1, 1.234 refunded, 1.005 rounded', async () => {
    const steps: Op[] = Array.from({ length: 47 }, (_, i) => charge(0.1, `t${i}`))
    await expectParity([
      ...steps,
      account(),
      (s) => s.setBalance(ref, { subscription: 4.7 }),
      charge(1.234, 'a'),
      refund('a'),
      (s) => s.setBalance(ref, { subscription: 2 }),
      charge(1.005, 'b'),
      charge(0.996, 'c'),
      account(),
    ])
  })

  it('checks hourly, daily and total limits before the balance, over fake time', async () => {
    const hourly = { hourly: 10 }
    await expectParity(
      [
        charge(6, 't1', hourly),
        10 * MINUTE,
        charge(4.001, 't2', hourly),
        charge(4, 't3', hourly),
        charge(0.001, 't4', hourly),
        50 * MINUTE,
        charge(6, 't5', hourly),
        1,
        charge(6, 't6', hourly),
        spent(HOUR),
        spent(2 * HOUR),
        charge(20, 't7', { daily: 25 }),
        charge(2, 't8', { daily: 25, hourly: 100, total: 1000 }),
        charge(7, 't9', { total: 24 }),
        charge(7, 't10', { total: 23 }),
        charge(7, 't11', {}),
        charge(7, 't12', null),
        charge(500, 't13', { hourly: 5 }),
        charge(500, 't14', { hourly: 1000 }),
        refund('t1'),
        HOUR + 1,
        refund('t3'),
        charge(10, 't15', hourly),
        charge(0.001, 't16', hourly),
        spent(25 * HOUR),
        25 * HOUR,
        charge(1, 't17', { daily: 1 }),
        spent(0),
        spent(48 * HOUR),
        account(),
      ],
      200,
    )
  })

  it('keeps an account per namespace, provider and key, and resets one namespace or all', async () => {
    const otherProvider = { ...ref, provider: 'crun' }
    const otherKey = { ...ref, apiKey: 'sk:other|key' }
    await expectParity([
      charge(1, 't1'),
      charge(2, 't1', null, other),
      charge(3, 't1', null, otherProvider),
      charge(4, 't1|x', null, otherKey),
      refund('t1|x', otherKey),
      account(otherKey),
      (s) => s.reset('other'),
      account(other),
      account(),
      account(otherProvider),
      (s) => s.reset(),
      account(),
      account(otherKey),
    ])
  })

  it('caps the entries at the last 1,000', async () => {
    const { memory, redis } = pair(1_000)
    const charges = (store: CreditStore) =>
      Promise.all(Array.from({ length: 1_010 }, (_, i) => store.charge(ref, 0.01, `t${i}`)))
    // One connection runs its commands in the order sent: the same order as the memory loop.
    expect(await charges(redis)).toStrictEqual(await charges(memory))
    const expected = structuredClone(await memory.account(ref))
    expect(expected.entries).toHaveLength(1_000)
    expect(await redis.account(ref)).toStrictEqual(expected)
  })

  it('agrees over a long random run of charges, refunds, settles and balances', async () => {
    let seed = 42
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
    const refs = [ref, other, { ...ref, apiKey: 'sk-2' }]
    const limits: (SpendLimits | null)[] = [null, { hourly: 8 }, { daily: 20 }, { total: 30 }, {}]
    const steps: (Op | number)[] = []
    for (let i = 0; i < 400; i++) {
      const who = pick(refs)
      const task = `t${Math.floor(random() * 60)}`
      const roll = random()
      if (roll < 0.45)
        steps.push(charge(Math.round(random() * 3_000) / 1000, task, pick(limits), who))
      else if (roll < 0.6) steps.push(refund(task, who))
      else if (roll < 0.68) steps.push((s) => s.settle(who, task))
      else if (roll < 0.74) {
        const subscription = Math.round(random() * 9_000) / 1000
        steps.push((s) => s.setBalance(who, { subscription }))
      } else if (roll < 0.82) steps.push((s, time) => s.spentSince(who, time.clock.now() - HOUR))
      else if (roll < 0.93) steps.push(Math.floor(random() * 20 * MINUTE))
      else if (roll < 0.97) steps.push(Math.floor(random() * 8 * HOUR))
      else {
        const namespace = pick(['default', 'other'])
        steps.push((s) => s.reset(namespace))
      }
    }
    await expectParity([...steps, ...refs.map((who) => account(who))], 20)
  })
})

describeWithRedis('redis credit ledger: shared by replicas', () => {
  it('takes exactly the balance under 200 concurrent charges from two replicas', async () => {
    const { redis, replica } = pair(0)
    await redis.setBalance(ref, { subscription: 100, permanent: 50 })
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (i % 2 ? replica : redis).charge(ref, 1, `task-${i}`, null),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(150)
    expect(results.filter((r) => !r.ok && r.reason === 'insufficient_credits')).toHaveLength(50)
    const after = await replica.account(ref)
    expect(after).toMatchObject({ balance: 0, subscription: 0, permanent: 0, consumed: 150 })
    expect(after.entries.filter((e) => e.kind === 'charge')).toHaveLength(150)
  })

  it('never lets two replicas pass an hourly limit together', async () => {
    const { redis, replica } = pair(1_000)
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        (i % 2 ? replica : redis).charge(ref, 0.5, `task-${i}`, { hourly: 12 }),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(24)
    expect(await redis.spentSince(ref, START)).toBe(12)
  })

  it('refunds a task once though both replicas refund it at once', async () => {
    const { redis, replica } = pair(10)
    await redis.charge(ref, 4, 't1')
    await Promise.all([redis.refund(ref, 't1'), replica.refund(ref, 't1')])
    const after = await replica.account(ref)
    expect(after).toMatchObject({ balance: 10, consumed: 0 })
    expect(after.entries.filter((e) => e.kind === 'refund')).toHaveLength(1)
  })

  it('keeps every key under the prefix and leaves none after reset()', async () => {
    const { redis, prefix } = pair(10)
    await redis.charge(ref, 1, 't1', { hourly: 5 })
    await redis.charge(other, 1, 't1')
    await redis.refund(other, 't1')
    const keys = await one.keys(`*${prefix}*`)
    expect(keys.length).toBeGreaterThan(0)
    for (const key of keys) expect(key.startsWith(prefix)).toBe(true)
    await redis.reset()
    expect(await one.keys(`${prefix}*`)).toEqual([])
  })

  it('rejects at once when Redis is unreachable', async () => {
    const down = await db.unreachable()
    const time = createFakeTime(START)
    const store = createRedisCreditStore(
      { redis: down, prefix: 'down:' },
      { clock: time.clock, defaultBalance: 1 },
    )
    await expect(store.charge(ref, 1, 't1')).rejects.toThrow()
    await expect(store.account(ref)).rejects.toThrow()
    down.disconnect()
  })
})
