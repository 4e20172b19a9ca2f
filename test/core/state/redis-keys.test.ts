// Proves the Redis key store: the memory policies' answers op for op (patches, lists, allowlists,
// token buckets to the exact Take), and one bucket shared exactly by concurrent replicas.
import { beforeAll, expect, it } from 'vitest'
import type { Redis } from 'ioredis'
import type { AccountRef } from '../../../src/core/credits/ledger.js'
import {
  OPEN_POLICY,
  createKeyPolicies,
  type KeyStore,
} from '../../../src/core/keys/key-policies.js'
import type { BucketLimits } from '../../../src/core/keys/token-bucket.js'
import { asAsync } from '../../../src/core/state/async.js'
import { createRedisKeyStore } from '../../../src/core/state/redis/keys.js'
import { describeWithRedis } from '../../support/needs-redis.js'
import { useRedis } from '../../support/redis-replicas.js'

const START = Date.UTC(2026, 0, 1)
const ref: AccountRef = { namespace: 'default', provider: 'crun', apiKey: 'sk-test' }
const other: AccountRef = { ...ref, namespace: 'other' }

const db = useRedis('keys-test')
let one: Redis
let two: Redis

beforeAll(async () => {
  ;[one, two] = await Promise.all([db.connect(), db.connect()])
})

function stores() {
  const prefix = db.freshPrefix()
  return {
    prefix,
    memory: asAsync(createKeyPolicies()),
    redis: createRedisKeyStore({ redis: one, prefix }),
    replica: createRedisKeyStore({ redis: two, prefix }),
  }
}

type Op = (store: KeyStore) => Promise<unknown>

/** Runs each step on both stores, expecting equal answers (or the same rejection). */
async function expectParity(steps: Op[]) {
  const { memory, redis } = stores()
  for (const [i, step] of steps.entries()) {
    const expected = await step(memory).then(
      (value) => ({ value: structuredClone(value) }),
      (err: unknown) => ({ error: String(err) }),
    )
    const actual = await step(redis).then(
      (value) => ({ value }),
      (err: unknown) => ({ error: String(err) }),
    )
    expect(actual, `step ${i}`).toStrictEqual(expected)
  }
}

describeWithRedis('redis key store: parity with memory', () => {
  it('patches, gets and lists policies in the order first set, resetting one namespace', async () => {
    const second = { ...ref, apiKey: 'sk#2"]' }
    await expectParity([
      (s) => s.get(ref),
      (s) => s.list('default'),
      (s) => s.set(second, { spendLimits: { hourly: 1.5 } }),
      (s) => s.set(ref, { disabled: true }),
      (s) => s.set(ref, { spendLimits: { daily: 5 } }),
      (s) => s.set(second, { disabled: true, rateLimit: { capacity: 2, refillPerSecond: 0.5 } }),
      (s) => s.set(other, { ipAllowlist: ['127.0.0.1'] }),
      (s) => s.get(ref),
      (s) => s.get({ ...ref, provider: 'aivideoapi' }),
      (s) => s.list('default'),
      (s) => s.list('other'),
      (s) => s.reset('other'),
      (s) => s.list('other'),
      (s) => s.get(other),
      (s) => s.get(ref),
      (s) => s.reset(),
      (s) => s.list('default'),
      (s) => s.get(ref),
    ])
  })

  it('allows by allowlist alike: v4, v6, CIDR, mapped, empty, missing, lifted, refused', async () => {
    const ips = [
      '10.1.2.0',
      '10.1.3.0',
      '2001:db8::1',
      '2001:db8:0:0:0:0:0:1',
      'fd00:1234:ffff::9',
      'fd00:1235::9',
      '::ffff:10.1.2.40',
      '::ffff:11.0.0.1',
      'not an ip',
      undefined,
    ]
    const check: Op = (s) => Promise.all(ips.map((ip) => s.allows(ref, ip)))
    await expectParity([
      check,
      (s) => s.set(ref, { ipAllowlist: ['10.1.2.0/24', '2001:db8::1', 'fd00:1234::/32'] }),
      check,
      (s) => s.set(ref, { ipAllowlist: ['10.0.0.0/33'] }),
      check,
      (s) => s.set(ref, { disabled: true }),
      check,
      (s) => s.set(ref, { ipAllowlist: [] }),
      check,
      (s) => s.set(ref, { ipAllowlist: null }),
      check,
      (s) => s.get(ref),
    ])
  })

  it('takes tokens giving the exact Take over time, fractional rates included', async () => {
    const limits: BucketLimits = { capacity: 3, refillPerSecond: 2 }
    const odd: BucketLimits = { capacity: 2.5, refillPerSecond: 0.3 }
    const take =
      (at: number, bucket = limits, who = ref): Op =>
      (s) =>
        s.take(who, bucket, START + at)
    await expectParity([
      take(0),
      take(0),
      take(0),
      take(0),
      take(250),
      take(499),
      take(500),
      take(60_500),
      take(60_500, odd, other),
      take(60_500, odd, other),
      take(60_600, odd, other),
      take(63_933, odd, other),
      take(64_101, odd, other),
      take(50_000, odd, other),
      take(50_000, odd, other),
      take(70_000, limits, other),
      take(70_001, { capacity: 1, refillPerSecond: 0.001 }),
      take(70_001, { capacity: 1, refillPerSecond: 0.001 }),
      (s) => s.set(ref, { disabled: false }),
      take(70_001, { capacity: 1, refillPerSecond: 0.001 }),
      (s) => s.set(ref, { rateLimit: { capacity: 1, refillPerSecond: 0.001 } }),
      take(70_001, { capacity: 1, refillPerSecond: 0.001 }),
      take(70_001, { capacity: 1, refillPerSecond: 0.001 }),
      (s) => s.reset('other'),
      take(70_001, odd, other),
      take(70_001, odd),
      (s) => s.reset(),
      take(70_001, odd),
    ])
  })

  it('agrees with memory over a long random run of takes', async () => {
    let seed = 7
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
    const buckets: BucketLimits[] = [
      { capacity: 5, refillPerSecond: 1.7 },
      { capacity: 1, refillPerSecond: 0.1 },
      { capacity: 10, refillPerSecond: 33.3 },
    ]
    const refs = [ref, other, { ...ref, apiKey: 'sk-2' }]
    let now = START
    const steps: Op[] = []
    for (let i = 0; i < 300; i++) {
      now += Math.floor(random() * 400) - 20
      const [who, bucket, at] = [
        refs[Math.floor(random() * 3)]!,
        buckets[Math.floor(random() * 3)]!,
        now,
      ]
      steps.push((s) => s.take(who, bucket, at))
    }
    await expectParity(steps)
  })
})

describeWithRedis('redis key store: shared by replicas', () => {
  it('gives exactly capacity tokens to concurrent takes from two replicas', async () => {
    const { redis, replica } = stores()
    const limits = { capacity: 37, refillPerSecond: 0.000_001 }
    const takes = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 ? replica : redis).take(ref, limits, START)),
    )
    expect(takes.filter((t) => t.allowed)).toHaveLength(37)
    // Each allowed take saw its own token count: 36 down to 0, each once, in whatever order.
    const remaining = takes.filter((t) => t.allowed).map((t) => t.remaining)
    expect(remaining.sort((a, b) => b - a)).toEqual(Array.from({ length: 37 }, (_, i) => 36 - i))
  })

  it('merges patches of different fields from two replicas at once', async () => {
    const { redis, replica } = stores()
    await Promise.all([
      redis.set(ref, { disabled: true }),
      replica.set(ref, { spendLimits: { total: 9 } }),
      replica.set(ref, { ipAllowlist: ['127.0.0.1'] }),
    ])
    expect(await redis.get(ref)).toEqual({
      ...OPEN_POLICY,
      disabled: true,
      spendLimits: { total: 9 },
      ipAllowlist: ['127.0.0.1'],
    })
    expect(await replica.allows(ref, '127.0.0.1')).toBe(true)
    expect(await replica.allows(ref, '127.0.0.2')).toBe(false)
  })

  it('keeps every key under the prefix and leaves none after reset()', async () => {
    const { redis, prefix } = stores()
    await redis.set(ref, { disabled: true })
    await redis.take(other, { capacity: 1, refillPerSecond: 1 }, START)
    const keys = await one.keys(`*${prefix}*`)
    expect(keys.length).toBeGreaterThan(0)
    for (const key of keys) expect(key.startsWith(prefix)).toBe(true)
    await redis.reset()
    expect(await one.keys(`${prefix}*`)).toEqual([])
  })
})
