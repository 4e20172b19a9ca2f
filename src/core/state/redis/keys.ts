/**
 * Key policies and rate-limit buckets on Redis, shared by every replica: the rules of the
 * in-memory `keys/key-policies.ts`. A policy patch is merged field by field in Redis (two
 * replicas patching different fields both land), and a token is taken in one Lua script with the
 * memory bucket's refill math, so N tokens are N requests however many replicas ask at once.
 *
 * Keys (`<ns>` is the URI-encoded namespace, `<ref>` is JSON `[provider, apiKey]`):
 *   <prefix>keys:policies:<ns>  hash  `<ref>#disabled|ipAllowlist|spendLimits|rateLimit` → JSON,
 *                                     `<ref>#order` (first set, for list order), `next` (counter)
 *   <prefix>keys:buckets:<ns>   hash  <ref> → `tokens|updatedAt` (exact doubles)
 *   <prefix>keys:namespaces     set   namespaces with policies or buckets, for reset()
 * reset() names the per-namespace keys it reads from that set: one Redis, not a Cluster.
 */
import type { BlockList } from 'node:net'
import { LRUCache } from 'lru-cache'
import type { AccountRef } from '../../credits/ledger.js'
import {
  OPEN_POLICY,
  admits,
  toBlockList,
  type KeyPolicy,
  type KeyStore,
} from '../../keys/key-policies.js'
import { takeToken } from '../../keys/token-bucket.js'
import type { RedisContext } from './connection.js'
import { luaScript } from './lua-script.lua.js'

const FIELDS = ['disabled', 'ipAllowlist', 'spendLimits', 'rateLimit'] as const

/**
 * KEYS 1 policies, 2 buckets, 3 namespaces. ARGV 1 ref, 2 namespace, then per field of FIELDS
 * its default and its patched value ('' when the patch leaves it). Answers the merged fields.
 */
const SET_POLICY = luaScript(`
local ref = ARGV[1]
local fields = { ${FIELDS.map((f) => `'${f}'`).join(', ')} }
for i, field in ipairs(fields) do
  local patched = ARGV[2 + 2 * i]
  if patched ~= '' then
    redis.call('HSET', KEYS[1], ref .. '#' .. field, patched)
  else
    redis.call('HSETNX', KEYS[1], ref .. '#' .. field, ARGV[1 + 2 * i])
  end
end
if redis.call('HEXISTS', KEYS[1], ref .. '#order') == 0 then
  redis.call('HSET', KEYS[1], ref .. '#order', redis.call('HINCRBY', KEYS[1], 'next', 1))
end
-- A new rate limit starts a fresh bucket, as in memory.
if ARGV[2 + 2 * 4] ~= '' then redis.call('HDEL', KEYS[2], ref) end
redis.call('SADD', KEYS[3], ARGV[2])
local merged = {}
for i, field in ipairs(fields) do merged[i] = ref .. '#' .. field end
return redis.call('HMGET', KEYS[1], unpack(merged))`)

/**
 * KEYS 1 buckets, 2 namespaces. ARGV 1 ref, 2 namespace, 3 capacity, 4 refill per second,
 * 5 now (ms). Refills and takes as `takeToken` does, in the same double arithmetic, and answers
 * the tokens before the take (exact), from which `takeToken` derives the same `Take`.
 */
const TAKE = luaScript(`
local capacity, refill, now = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local tokens, updatedAt = capacity, now
local state = redis.call('HGET', KEYS[1], ARGV[1])
if state then
  local t, u = string.match(state, '^([^|]*)|(.*)$')
  tokens, updatedAt = tonumber(t), tonumber(u)
end
local elapsed = math.max(0, now - updatedAt) / 1000
tokens = math.min(capacity, tokens + elapsed * refill)
local before = string.format('%.17g', tokens)
if tokens >= 1 then tokens = tokens - 1 end
redis.call('HSET', KEYS[1], ARGV[1], string.format('%.17g', tokens) .. '|' .. ARGV[5])
redis.call('SADD', KEYS[2], ARGV[2])
return before`)

/** KEYS 1 namespaces. ARGV 1 policies key prefix, 2 buckets key prefix, 3 '1' for one, 4 it. */
const RESET = luaScript(`
local namespaces = ARGV[3] == '1' and { ARGV[4] } or redis.call('SMEMBERS', KEYS[1])
for _, namespace in ipairs(namespaces) do
  redis.call('DEL', ARGV[1] .. namespace, ARGV[2] .. namespace)
  redis.call('SREM', KEYS[1], namespace)
end
return 0`)

/** Compiled allowlists kept, by their JSON: policies change rarely, requests check often. */
const ALLOWLISTS_CACHED = 1_000

export function createRedisKeyStore({ redis, prefix }: RedisContext): KeyStore {
  const namespacesKey = `${prefix}keys:namespaces`
  const policiesPrefix = `${prefix}keys:policies:`
  const bucketsPrefix = `${prefix}keys:buckets:`
  const policiesKey = (namespace: string) => policiesPrefix + encodeURIComponent(namespace)
  const bucketsKey = (namespace: string) => bucketsPrefix + encodeURIComponent(namespace)
  const refField = (ref: AccountRef) => JSON.stringify([ref.provider, ref.apiKey])
  const allowlists = new LRUCache<string, BlockList>({ max: ALLOWLISTS_CACHED })

  function compiled(json: string): BlockList {
    let list = allowlists.get(json)
    if (!list) allowlists.set(json, (list = toBlockList(JSON.parse(json) as string[])))
    return list
  }

  return {
    async get(ref) {
      const fields = FIELDS.map((field) => `${refField(ref)}#${field}`)
      return toPolicy(await redis.hmget(policiesKey(ref.namespace), ...fields))
    },
    async set(ref, patch) {
      // Checked here, before anything is written: a bad entry throws as in memory.
      if (patch.ipAllowlist) toBlockList(patch.ipAllowlist)
      const args = FIELDS.flatMap((field) => [
        JSON.stringify(OPEN_POLICY[field]),
        patch[field] === undefined ? '' : JSON.stringify(patch[field]),
      ])
      const merged = await SET_POLICY.run(
        redis,
        [policiesKey(ref.namespace), bucketsKey(ref.namespace), namespacesKey],
        [refField(ref), encodeURIComponent(ref.namespace), ...args],
      )
      return toPolicy(merged as (string | null)[])
    },
    async list(namespace) {
      const hash = await redis.hgetall(policiesKey(namespace))
      const byRef = new Map<string, Record<string, string>>()
      for (const [name, value] of Object.entries(hash)) {
        const hashAt = name.lastIndexOf('#')
        if (hashAt === -1) continue
        const ref = name.slice(0, hashAt)
        const fields = byRef.get(ref) ?? {}
        fields[name.slice(hashAt + 1)] = value
        byRef.set(ref, fields)
      }
      return [...byRef]
        .sort(([, a], [, b]) => Number(a.order) - Number(b.order))
        .map(([json, fields]) => {
          const [provider, apiKey] = JSON.parse(json) as [string, string]
          return {
            ref: { namespace, provider, apiKey },
            policy: toPolicy(FIELDS.map((field) => fields[field] ?? null)),
          }
        })
    },
    async allows(ref, ip) {
      const json = await redis.hget(policiesKey(ref.namespace), `${refField(ref)}#ipAllowlist`)
      return json === null || json === 'null' || admits(compiled(json), ip)
    },
    async take(ref, limits, now) {
      const before = await TAKE.run(
        redis,
        [bucketsKey(ref.namespace), namespacesKey],
        [
          refField(ref),
          encodeURIComponent(ref.namespace),
          String(limits.capacity),
          String(limits.refillPerSecond),
          String(now),
        ],
      )
      // No time passes in this second step: it only takes and derives the answer.
      return takeToken({ tokens: Number(before), updatedAt: now }, limits, now)
    },
    async reset(namespace) {
      const one = namespace !== undefined
      await RESET.run(
        redis,
        [namespacesKey],
        [policiesPrefix, bucketsPrefix, one ? '1' : '0', one ? encodeURIComponent(namespace) : ''],
      )
    },
  }
}

/** A policy from its stored fields (JSON each); a key nobody configured has the open policy. */
function toPolicy(values: readonly (string | null)[]): KeyPolicy {
  if (values.every((value) => value === null)) return OPEN_POLICY
  const policy: Record<string, unknown> = { ...OPEN_POLICY }
  FIELDS.forEach((field, i) => {
    const value = values[i]
    if (value != null) policy[field] = JSON.parse(value)
  })
  return policy as unknown as KeyPolicy
}
