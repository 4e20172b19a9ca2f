/**
 * The request journal shared on Redis, so a test reads every replica's requests from any of them.
 * Same bounds as in memory: a capped list per namespace, a capped number of namespaces (least
 * recently used forgotten). Recording is one Lua script, one round trip; an entry is stored as
 * recorded (its body unsummarized) and summarized when listed, by the memory journal's own code.
 *
 * Keys (after the prefix):
 * - `journal:seq`: a counter; every record (and every read of a namespace) takes the next value.
 * - `journal:namespaces`: sorted set, namespace → the counter value at its last use.
 * - `journal:entries:<namespace>`: list of `[seq, entry]` JSON, oldest first.
 */
import {
  DEFAULT_MAX_NAMESPACES,
  listedEntries,
  type JournalStore,
  type RecordedEntry,
} from '../../journal/journal.js'
import type { RedisContext } from './connection.js'
import { luaScript } from './lua-script.lua.js'

// KEYS: seq, namespaces, the namespace's entries. ARGV: entry JSON, namespace, max entries,
// max namespaces, the entries keys' prefix (to drop the namespaces past the bound).
const RECORD = luaScript(`
local seq = redis.call('INCR', KEYS[1])
redis.call('RPUSH', KEYS[3], '[' .. seq .. ',' .. ARGV[1] .. ']')
redis.call('LTRIM', KEYS[3], -tonumber(ARGV[3]), -1)
redis.call('ZADD', KEYS[2], seq, ARGV[2])
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4])
if excess > 0 then
  for _, namespace in ipairs(redis.call('ZRANGE', KEYS[2], 0, excess - 1)) do
    redis.call('DEL', ARGV[5] .. namespace)
  end
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, excess - 1)
end
`)

// KEYS: seq, namespaces. ARGV: the entries keys' prefix, then a namespace or nothing (all).
// Reading one namespace uses it, as in memory: it becomes the most recently used.
const LIST = luaScript(`
if #ARGV == 2 then
  if not redis.call('ZSCORE', KEYS[2], ARGV[2]) then return {} end
  redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[1]), ARGV[2])
  return redis.call('LRANGE', ARGV[1] .. ARGV[2], 0, -1)
end
local out = {}
for _, namespace in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  for _, item in ipairs(redis.call('LRANGE', ARGV[1] .. namespace, 0, -1)) do
    out[#out + 1] = item
  end
end
return out
`)

// KEYS: namespaces. ARGV: the entries keys' prefix, then a namespace or nothing (all).
const RESET = luaScript(`
if #ARGV == 2 then
  redis.call('DEL', ARGV[1] .. ARGV[2])
  redis.call('ZREM', KEYS[1], ARGV[2])
  return 0
end
for _, namespace in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  redis.call('DEL', ARGV[1] .. namespace)
end
redis.call('DEL', KEYS[1])
return 0
`)

export function createRedisJournal(
  ctx: RedisContext,
  maxEntries: number,
  maxNamespaces = DEFAULT_MAX_NAMESPACES,
): JournalStore {
  const { redis, prefix } = ctx
  const seqKey = `${prefix}journal:seq`
  const namespacesKey = `${prefix}journal:namespaces`
  const entriesPrefix = `${prefix}journal:entries:`

  return {
    async record(entry) {
      if (maxEntries === 0 || maxNamespaces === 0) return
      await RECORD.run(
        redis,
        [seqKey, namespacesKey, entriesPrefix + entry.namespace],
        [JSON.stringify(entry), entry.namespace, maxEntries, maxNamespaces, entriesPrefix],
      )
    },
    async list(filter = {}) {
      const only = filter.namespace === undefined ? [] : [filter.namespace]
      const items = (await LIST.run(
        redis,
        [seqKey, namespacesKey],
        [entriesPrefix, ...only],
      )) as string[]
      // Each namespace's list is in order; the global sequence interleaves them.
      const ordered = items
        .map((item) => JSON.parse(item) as [seq: number, entry: RecordedEntry])
        .sort((a, b) => a[0] - b[0])
        .map(([, entry]) => entry)
      return listedEntries(ordered, filter)
    },
    async reset(namespace) {
      const only = namespace === undefined ? [] : [namespace]
      await RESET.run(redis, [namespacesKey], [entriesPrefix, ...only])
    },
  }
}
