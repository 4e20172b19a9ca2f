/**
 * Fault rules shared on Redis: a rule added through any replica fires on the very next request to
 * any other, and its `matched`/`fired` counters and `times` limit hold across all of them.
 *
 * `fire` runs on every provider request, so it costs one round trip: each replica keeps the
 * rules of a namespace locally, tagged with the namespace's version, and sends that version
 * with the rules that matched (and what their draws decided). A Lua script counts them only when
 * the version is still current, atomically with the `times` check; when it is not, it answers
 * the current rules instead and the replica matches again (one more round trip after a change).
 * That second round never fails: rules added since the first were added while the request was in
 * flight, so it may be ordered before them, and a matched rule removed meanwhile is skipped. So a
 * request is never refused because rules keep changing, however often they do.
 *
 * Draws: each replica draws from its own generator per rule, seeded `${seed}:${replicaId}`, so a
 * replica draws exactly what an in-memory emulator seeded so would; across replicas the draws of
 * a rule interleave in the order requests happen to arrive, so a run no longer repeats exactly.
 *
 * Keys (after the prefix):
 * - `faults:version`: a counter; every change to a namespace's rules takes the next value.
 * - `faults:namespaces`: set of namespaces holding rules (for a full reset).
 * - `faults:meta:<namespace>`: hash, `next` (the last id's number) and `version` (absent: 0).
 * - `faults:rules:<namespace>`: hash, id → `[uid, input]` JSON; uid is the version it was added at.
 * - `faults:counts:<namespace>`: hash, `<id>:matched` and `<id>:fired`.
 */
import type { Random } from '../../random.js'
import { mergePlans } from '../../faults/fault-actions.js'
import { anyMatchesPrompt, matchesFault, ruleRandom } from '../../faults/fault-match.js'
import type { FaultRule, FaultRuleInput, FaultStore, FiredRules } from '../../faults/fault-rules.js'
import type { RedisContext } from './connection.js'
import { luaScript } from './lua-script.lua.js'

// KEYS: meta, rules, version counter, namespaces. ARGV: namespace, input JSON.
const ADD = luaScript(`
local n = redis.call('HINCRBY', KEYS[1], 'next', 1)
local version = redis.call('INCR', KEYS[3])
redis.call('HSET', KEYS[1], 'version', version)
redis.call('HSET', KEYS[2], 'fault_' .. n, '[' .. version .. ',' .. ARGV[2] .. ']')
redis.call('SADD', KEYS[4], ARGV[1])
return n
`)

// KEYS: meta, rules, counts, version counter. ARGV: id. The id's number is not reused.
const REMOVE = luaScript(`
if redis.call('HDEL', KEYS[2], ARGV[1]) == 0 then return 0 end
redis.call('HDEL', KEYS[3], ARGV[1] .. ':matched', ARGV[1] .. ':fired')
redis.call('HSET', KEYS[1], 'version', redis.call('INCR', KEYS[4]))
return 1
`)

// KEYS: namespaces. ARGV: the keys' prefix (`faults:`), then a namespace or nothing (all).
// The version counter stays: a version is never reused, so no replica mistakes old rules for new.
const RESET = luaScript(`
local function forget(namespace)
  redis.call('DEL', ARGV[1] .. 'meta:' .. namespace, ARGV[1] .. 'rules:' .. namespace,
    ARGV[1] .. 'counts:' .. namespace)
  redis.call('SREM', KEYS[1], namespace)
end
if #ARGV == 2 then
  forget(ARGV[2])
else
  for _, namespace in ipairs(redis.call('SMEMBERS', KEYS[1])) do forget(namespace) end
end
return 0
`)

// KEYS: meta, rules, counts. ARGV: the version the caller matched against, its mode, then per
// matched rule (in order) its id, its uid, '1' when its draw fires it, and its limit (-1: none).
// Counts as memory does: a spent rule (fired >= times, as isSpent says) is skipped, not even
// counted as matched.
// - `strict`: the caller's rules must be the current ones; else nothing is counted and the
//   script answers {0, version, the rules hash}.
// - `since`: the caller learned its rules during this request (a strict round found them stale),
//   so rules added since then were added while the request was in flight and it may be ordered
//   before them: they are left out. A matched rule removed meanwhile (its id gone, or reused
//   after a reset with another uid) is skipped. So this round always counts: a request never
//   fails because rules keep changing.
// Answers {1, version, fired ids}, with the rules hash as a fourth item when the version moved
// on (so the replica learns the new rules without another round trip).
const FIRE = luaScript(`
local version = redis.call('HGET', KEYS[1], 'version') or '0'
local strict = ARGV[2] == 'strict'
if strict and version ~= ARGV[1] then return {0, version, redis.call('HGETALL', KEYS[2])} end
local fired = {}
for i = 3, #ARGV, 4 do
  local id, uid, times = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 3])
  local live = strict
  if not live then
    local stored = redis.call('HGET', KEYS[2], id)
    live = stored ~= false and string.sub(stored, 1, #uid + 2) == '[' .. uid .. ','
  end
  if live and (times < 0 or tonumber(redis.call('HGET', KEYS[3], id .. ':fired') or '0') < times) then
    redis.call('HINCRBY', KEYS[3], id .. ':matched', 1)
    if ARGV[i + 2] == '1' then
      redis.call('HINCRBY', KEYS[3], id .. ':fired', 1)
      fired[#fired + 1] = id
    end
  end
end
if version ~= ARGV[1] then return {1, version, fired, redis.call('HGETALL', KEYS[2])} end
return {1, version, fired}
`)

/** A rule as a replica keeps it between requests: its definition and its generator. */
interface KnownRule {
  id: string
  uid: number
  input: FaultRuleInput
  random: Random
  /** Draws taken for a request whose rules turned out stale, handed to the next match. */
  spare: number[]
}

interface KnownRules {
  version: string
  rules: KnownRule[]
}

/** Namespaces whose rules a replica keeps locally; past it the oldest is fetched again. */
const KNOWN_NAMESPACES = 1_000

type FireReply = [counted: 0 | 1, version: string, rulesOrFired: string[], rules?: string[]]

const ruleNumber = (id: string) => Number(id.slice('fault_'.length))

export function createRedisFaultStore(
  ctx: RedisContext,
  seed: string,
  replicaId: string,
): FaultStore {
  const { redis, prefix } = ctx
  const replicaSeed = `${seed}:${replicaId}`
  const versionKey = `${prefix}faults:version`
  const namespacesKey = `${prefix}faults:namespaces`
  const keysOf = (namespace: string) => ({
    meta: `${prefix}faults:meta:${namespace}`,
    rules: `${prefix}faults:rules:${namespace}`,
    counts: `${prefix}faults:counts:${namespace}`,
  })
  // An unknown namespace is taken to have no rules (version 0): right for most, and else the
  // first request learns them.
  const known = new Map<string, KnownRules>()
  const knownOf = (namespace: string) => known.get(namespace) ?? { version: '0', rules: [] }

  /** Keeps the rules the script answered, with the generators (and spare draws) kept so far. */
  const learn = (namespace: string, version: string, hash: string[]): KnownRules => {
    const before = new Map(knownOf(namespace).rules.map((rule) => [rule.uid, rule]))
    const rules: KnownRule[] = []
    for (let i = 0; i < hash.length; i += 2) {
      const id = hash[i]!
      const [uid, input] = JSON.parse(hash[i + 1]!) as [number, FaultRuleInput]
      rules.push(
        before.get(uid) ?? {
          id,
          uid,
          input,
          random: ruleRandom(replicaSeed, namespace, id),
          spare: [],
        },
      )
    }
    rules.sort((a, b) => ruleNumber(a.id) - ruleNumber(b.id))
    const fresh = { version, rules }
    known.delete(namespace)
    known.set(namespace, fresh)
    if (known.size > KNOWN_NAMESPACES) known.delete(known.keys().next().value!)
    return fresh
  }

  /**
   * One round: counts the matches (see FIRE for the modes) and answers the rules that fired, or,
   * when a strict round finds `rules` stale, counts nothing and answers the current rules.
   */
  const fireRound = async (
    namespace: string,
    rules: KnownRules,
    mode: 'strict' | 'since',
    matching: readonly KnownRule[],
    draws: readonly number[],
  ): Promise<{ fired: string[] } | { stale: KnownRules }> => {
    const keys = keysOf(namespace)
    const decided = matching.flatMap((rule, i) => [
      rule.id,
      rule.uid,
      draws[i]! < rule.input.probability ? '1' : '0',
      rule.input.times ?? -1,
    ])
    const [counted, version, answer, newer] = (await FIRE.run(
      redis,
      [keys.meta, keys.rules, keys.counts],
      [rules.version, mode, ...decided],
    )) as FireReply
    if (counted !== 1) return { stale: learn(namespace, version, answer) }
    if (newer) learn(namespace, version, newer)
    return { fired: answer }
  }

  /** The namespace's current rules, in one round trip. */
  const currentRules = async (namespace: string) => {
    const rules = knownOf(namespace)
    const round = await fireRound(namespace, rules, 'strict', [], [])
    return 'stale' in round ? round.stale : rules
  }

  return {
    async add(namespace, input) {
      const keys = keysOf(namespace)
      const n = (await ADD.run(
        redis,
        [keys.meta, keys.rules, versionKey, namespacesKey],
        [namespace, JSON.stringify(input)],
      )) as number
      return { ...input, id: `fault_${n}`, namespace, matched: 0, fired: 0 }
    },
    async list(namespace) {
      const keys = keysOf(namespace)
      // One MULTI: definitions and counters read at the same instant.
      const replies = await redis.multi().hgetall(keys.rules).hgetall(keys.counts).exec()
      const [[, definitions], [, counts]] = replies as [
        [unknown, Record<string, string>],
        [unknown, Record<string, string>],
      ]
      return Object.entries(definitions)
        .map(([id, json]): FaultRule => {
          const [, input] = JSON.parse(json) as [number, FaultRuleInput]
          return {
            ...input,
            id,
            namespace,
            matched: Number(counts[`${id}:matched`] ?? 0),
            fired: Number(counts[`${id}:fired`] ?? 0),
          }
        })
        .sort((a, b) => ruleNumber(a.id) - ruleNumber(b.id))
    },
    async remove(namespace, id) {
      const keys = keysOf(namespace)
      const keyList = [keys.meta, keys.rules, keys.counts, versionKey]
      return (await REMOVE.run(redis, keyList, [id])) === 1
    },
    needsPrompt: async (namespace) =>
      anyMatchesPrompt((await currentRules(namespace)).rules.map((rule) => rule.input)),
    async fire(request): Promise<FiredRules> {
      // First against the rules this replica knows, which must be current; if they are not, once
      // more against the rules that round answered, learned during this request (see FIRE).
      let rules = knownOf(request.namespace)
      for (const mode of ['strict', 'since'] as const) {
        const matching = rules.rules.filter((rule) => matchesFault(rule.input.match, request))
        // Draw on every match, as memory does: a rule's draws follow the sequence of its matches.
        const draws = matching.map((rule) => rule.spare.shift() ?? rule.random.next())
        const round = await fireRound(request.namespace, rules, mode, matching, draws)
        if ('fired' in round) {
          const fired = new Set(round.fired)
          const firing = matching.filter((rule) => fired.has(rule.id))
          return {
            plan: mergePlans(...firing.map((rule) => rule.input.plan)),
            ruleIds: firing.map((rule) => rule.id),
          }
        }
        // The rules were stale and nothing was counted: the draws go back to their rules.
        matching.forEach((rule, i) => rule.spare.push(draws[i]!))
        rules = round.stale
      }
      throw new Error('unreachable: a `since` round always counts')
    },
    async reset(namespace) {
      const only = namespace === undefined ? [] : [namespace]
      await RESET.run(redis, [namespacesKey], [`${prefix}faults:`, ...only])
    },
  }
}
