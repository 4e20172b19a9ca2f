/**
 * What the control plane can set on an API key, per namespace and provider: disabled, an IP
 * allowlist, spend limits and a rate limit. Keys nobody configured have no restrictions beyond
 * the global rate limit (off unless configured).
 */
import { BlockList, isIP } from 'node:net'
import ipaddr from 'ipaddr.js'
import { takeToken, type BucketLimits, type BucketState, type Take } from './token-bucket.js'
import type { AccountRef, SpendLimits } from '../credits/ledger.js'
import type { Async } from '../state/async.js'

export type { SpendLimits }

export interface KeyPolicy {
  disabled: boolean
  /** IPs or CIDR ranges (v4 or v6); null for no restriction. */
  ipAllowlist: string[] | null
  spendLimits: SpendLimits | null
  /** Overrides the global rate limit for this key; null to use the global one. */
  rateLimit: BucketLimits | null
}

export const OPEN_POLICY: KeyPolicy = {
  disabled: false,
  ipAllowlist: null,
  spendLimits: null,
  rateLimit: null,
}

export interface KeyPolicies {
  get(ref: AccountRef): KeyPolicy
  set(ref: AccountRef, patch: Partial<KeyPolicy>): KeyPolicy
  list(namespace: string): { ref: AccountRef; policy: KeyPolicy }[]
  /** Whether `ip` may use the key (always true without an allowlist). */
  allows(ref: AccountRef, ip: string | undefined): boolean
  /** Takes a rate-limit token for the key; `limits` is the key's own or the global one. */
  take(ref: AccountRef, limits: BucketLimits, now: number): Take
  reset(namespace?: string): void
}

/** Key policies as every store answers them (in memory, or shared on Redis). */
export type KeyStore = Async<KeyPolicies>

export function createKeyPolicies(): KeyPolicies {
  const policies = new Map<string, { ref: AccountRef; policy: KeyPolicy; allowlist?: BlockList }>()
  const buckets = new Map<string, BucketState>()
  const keyOf = (ref: AccountRef) => JSON.stringify([ref.namespace, ref.provider, ref.apiKey])

  return {
    get: (ref) => policies.get(keyOf(ref))?.policy ?? OPEN_POLICY,
    set(ref, patch) {
      const policy = { ...(policies.get(keyOf(ref))?.policy ?? OPEN_POLICY), ...patch }
      policies.set(keyOf(ref), {
        ref: { ...ref },
        policy,
        allowlist: policy.ipAllowlist ? toBlockList(policy.ipAllowlist) : undefined,
      })
      if (patch.rateLimit !== undefined) buckets.delete(keyOf(ref))
      return policy
    },
    list: (namespace) =>
      [...policies.values()]
        .filter((p) => p.ref.namespace === namespace)
        .map(({ ref, policy }) => ({ ref, policy })),
    allows(ref, ip) {
      const allowlist = policies.get(keyOf(ref))?.allowlist
      return !allowlist || admits(allowlist, ip)
    },
    take(ref, limits, now) {
      const key = keyOf(ref)
      let state = buckets.get(key)
      if (!state) buckets.set(key, (state = { tokens: limits.capacity, updatedAt: now }))
      return takeToken(state, limits, now)
    },
    reset(namespace) {
      for (const [key, entry] of [...policies])
        if (namespace === undefined || entry.ref.namespace === namespace) policies.delete(key)
      for (const key of [...buckets.keys()])
        if (namespace === undefined || (JSON.parse(key) as string[])[0] === namespace)
          buckets.delete(key)
    },
  }
}

/**
 * Whether a compiled allowlist admits `ip`: an IPv4 address seen as IPv6-mapped (`::ffff:1.2.3.4`,
 * a dual-stack socket's form) is checked as the IPv4 address it is; no address is never admitted.
 */
export function admits(allowlist: BlockList, ip: string | undefined): boolean {
  if (!ip) return false
  const plain = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip
  return allowlist.check(plain, isIP(plain) === 6 ? 'ipv6' : 'ipv4')
}

/** Validates and compiles an allowlist; throws naming the first entry that is not an IP or CIDR. */
export function toBlockList(entries: readonly string[]): BlockList {
  const list = new BlockList()
  for (const entry of entries) {
    const [address, bits] = parseEntry(entry)
    list.addSubnet(address.toString(), bits, address.kind())
  }
  return list
}

/**
 * An address with its prefix length (a whole address is a /32 or /128). ipaddr.js parses, as
 * splitting on `/` did not: `10.1.2.3/` was read as `/0`, admitting every IPv4 address.
 */
function parseEntry(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const slash = entry.indexOf('/')
  const address = slash === -1 ? entry : entry.slice(0, slash)
  // Only the usual forms: ipaddr.js also reads `0x7f.1` and zone ids, which nobody means here.
  const plain = ipaddr.IPv4.isValidFourPartDecimal(address) || ipaddr.IPv6.isValid(address)
  if (!plain || address.includes('%')) throw new RangeError(notAnAddress(entry))
  try {
    if (slash !== -1) return ipaddr.parseCIDR(entry)
    const parsed = ipaddr.parse(entry)
    return [parsed, parsed.kind() === 'ipv4' ? 32 : 128]
  } catch {
    throw new RangeError(notAnAddress(entry))
  }
}

const notAnAddress = (entry: string) => `'${entry}' is not an IP address or CIDR range`
