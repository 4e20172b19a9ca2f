// Proves key policies: IP allowlists (v4, v6, CIDR, mapped), token-bucket rate limits on fake time.
import { describe, expect, it } from 'vitest'
import { OPEN_POLICY, createKeyPolicies, toBlockList } from '../../../src/core/keys/key-policies.js'
import { takeToken, type BucketLimits } from '../../../src/core/keys/token-bucket.js'
import type { AccountRef } from '../../../src/core/credits/ledger.js'
import { createFakeTime } from '../../support/fake-time.js'

const START = Date.UTC(2026, 0, 1)
const ref: AccountRef = { namespace: 'default', provider: 'crun', apiKey: 'sk-test' }

function allowing(entries: string[]) {
  const keys = createKeyPolicies()
  keys.set(ref, { ipAllowlist: entries })
  return (ip: string | undefined) => keys.allows(ref, ip)
}

describe('key policies', () => {
  it('gives a key nobody configured the open policy, allowing any address', () => {
    const keys = createKeyPolicies()
    expect(keys.get(ref)).toEqual(OPEN_POLICY)
    expect(keys.allows(ref, '203.0.113.9')).toBe(true)
    expect(keys.allows(ref, undefined)).toBe(true)
  })

  it('patches a policy, keeping what the patch does not name', () => {
    const keys = createKeyPolicies()
    keys.set(ref, { disabled: true })
    expect(keys.set(ref, { spendLimits: { daily: 5 } })).toEqual({
      ...OPEN_POLICY,
      disabled: true,
      spendLimits: { daily: 5 },
    })
    expect(keys.list('default')).toEqual([
      { ref, policy: { ...OPEN_POLICY, disabled: true, spendLimits: { daily: 5 } } },
    ])
  })

  it('allows single IPv4 addresses on the allowlist and no others', () => {
    const allows = allowing(['192.0.2.10', '198.51.100.1'])
    expect(allows('192.0.2.10')).toBe(true)
    expect(allows('198.51.100.1')).toBe(true)
    expect(allows('192.0.2.11')).toBe(false)
  })

  it('allows addresses inside an IPv4 CIDR range, up to its edges', () => {
    const allows = allowing(['10.1.2.0/24'])
    expect(allows('10.1.2.0')).toBe(true)
    expect(allows('10.1.2.255')).toBe(true)
    expect(allows('10.1.3.0')).toBe(false)
    expect(allows('10.1.1.255')).toBe(false)
  })

  it('allows single IPv6 addresses and IPv6 CIDR ranges', () => {
    const allows = allowing(['2001:db8::1', 'fd00:1234::/32'])
    expect(allows('2001:db8::1')).toBe(true)
    expect(allows('2001:db8:0:0:0:0:0:1')).toBe(true)
    expect(allows('2001:db8::2')).toBe(false)
    expect(allows('fd00:1234:ffff::9')).toBe(true)
    expect(allows('fd00:1235::9')).toBe(false)
  })

  it('reads an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    const allows = allowing(['10.0.0.0/8', '127.0.0.1'])
    expect(allows('::ffff:10.20.30.40')).toBe(true)
    expect(allows('::ffff:127.0.0.1')).toBe(true)
    expect(allows('::ffff:11.0.0.1')).toBe(false)
  })

  it('refuses all under an empty allowlist, and a missing or bad address under any', () => {
    expect(allowing([])('127.0.0.1')).toBe(false)
    expect(allowing(['127.0.0.1'])(undefined)).toBe(false)
    expect(allowing(['127.0.0.1'])('not an ip')).toBe(false)
  })

  it('lifts the allowlist when it is set back to null', () => {
    const keys = createKeyPolicies()
    keys.set(ref, { ipAllowlist: ['127.0.0.1'] })
    expect(keys.allows(ref, '10.0.0.1')).toBe(false)
    keys.set(ref, { ipAllowlist: null })
    expect(keys.allows(ref, '10.0.0.1')).toBe(true)
  })

  it.each(['localhost', '10.0.0.0/33', '2001:db8::/129', '10.0.0.0/x', '10.0.0.0/-1', '10.0.0/8'])(
    "refuses the allowlist entry '%s', naming it",
    (entry) => {
      expect(() => toBlockList(['127.0.0.1', entry])).toThrow(
        new RangeError(`'${entry}' is not an IP address or CIDR range`),
      )
      expect(() => createKeyPolicies().set(ref, { ipAllowlist: [entry] })).toThrow(RangeError)
    },
  )

  it('keeps policies per namespace, provider and key, and resets one namespace only', () => {
    const keys = createKeyPolicies()
    const other = { ...ref, namespace: 'other' }
    keys.set(ref, { disabled: true })
    keys.set(other, { ipAllowlist: ['127.0.0.1'] })
    expect(keys.get({ ...ref, provider: 'aivideoapi' })).toEqual(OPEN_POLICY)
    expect(keys.get({ ...ref, apiKey: 'sk-other' })).toEqual(OPEN_POLICY)
    expect(keys.get(other).disabled).toBe(false)
    expect(keys.allows(ref, '10.0.0.1')).toBe(true)
    expect(keys.allows(other, '10.0.0.1')).toBe(false)

    keys.reset('other')
    expect(keys.get(other)).toEqual(OPEN_POLICY)
    expect(keys.list('other')).toEqual([])
    expect(keys.get(ref).disabled).toBe(true)
    keys.reset()
    expect(keys.get(ref)).toEqual(OPEN_POLICY)
  })
})

describe('rate limits', () => {
  const limits: BucketLimits = { capacity: 3, refillPerSecond: 2 }

  it('allows a full bucket at once, then refuses with seconds until a token and full', () => {
    const time = createFakeTime(START)
    const keys = createKeyPolicies()
    const take = () => keys.take(ref, limits, time.clock.now())
    expect(take()).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0, resetSeconds: 0.5 })
    expect(take()).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0, resetSeconds: 1 })
    expect(take()).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0, resetSeconds: 1.5 })
    expect(take()).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterSeconds: 0.5,
      resetSeconds: 1.5,
    })
  })

  it('refills over fake time at refillPerSecond, never past capacity', async () => {
    const time = createFakeTime(START)
    const keys = createKeyPolicies()
    const take = () => keys.take(ref, limits, time.clock.now())
    for (let i = 0; i < 3; i++) take()

    await time.advance(250)
    expect(take()).toMatchObject({ allowed: false, retryAfterSeconds: 0.25 })
    await time.advance(249)
    expect(take()).toMatchObject({ allowed: false })
    await time.advance(1)
    expect(take()).toMatchObject({ allowed: true, remaining: 0 })

    await time.advance(60_000)
    expect(take()).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0, resetSeconds: 0.5 })
  })

  it('keeps a bucket per namespace, provider and key, and resets one namespace only', () => {
    const keys = createKeyPolicies()
    const one = { capacity: 1, refillPerSecond: 0.001 }
    const other = { ...ref, namespace: 'other' }
    expect(keys.take(ref, one, START).allowed).toBe(true)
    expect(keys.take(ref, one, START).allowed).toBe(false)
    expect(keys.take(other, one, START).allowed).toBe(true)
    expect(keys.take({ ...ref, apiKey: 'sk-2' }, one, START).allowed).toBe(true)
    expect(keys.take({ ...ref, provider: 'gptproto' }, one, START).allowed).toBe(true)

    keys.reset('other')
    expect(keys.take(other, one, START).allowed).toBe(true)
    expect(keys.take(ref, one, START).allowed).toBe(false)
  })

  it("starts a fresh bucket when the key's rate limit is set", () => {
    const keys = createKeyPolicies()
    const one = { capacity: 1, refillPerSecond: 0.001 }
    keys.take(ref, one, START)
    expect(keys.take(ref, one, START).allowed).toBe(false)
    keys.set(ref, { disabled: false })
    expect(keys.take(ref, one, START).allowed).toBe(false)
    keys.set(ref, { rateLimit: one })
    expect(keys.take(ref, one, START).allowed).toBe(true)
  })

  it('ignores time running backwards instead of draining the bucket', () => {
    const state = { tokens: 1, updatedAt: START }
    expect(takeToken(state, limits, START - 10_000)).toMatchObject({ allowed: true, remaining: 0 })
    expect(state.tokens).toBe(0)
  })
})
