/**
 * Records on Redis: one hash of key -> `[namespace, value]` JSON per name, and a sorted set of
 * keys in the order they were set, so past `max` the oldest go first, atomically, whichever
 * replica set them.
 */
import type { RecordStore } from '../records.js'
import type { RedisContext } from './connection.js'
import { luaScript } from './lua-script.lua.js'

/** KEYS 1 hash, 2 order, 3 seq. ARGV 1 key, 2 record JSON, 3 max kept. */
const SET = luaScript(`
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])
local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])
if over > 0 then
  -- ZPOPMIN answers key, score, key, score...
  for i, popped in ipairs(redis.call('ZPOPMIN', KEYS[2], over)) do
    if i % 2 == 1 then redis.call('HDEL', KEYS[1], popped) end
  end
end
return 1
`)

/** KEYS 1 hash, 2 order. ARGV 1 namespace: forgets that namespace's records. */
const RESET_NAMESPACE = luaScript(`
local all = redis.call('HGETALL', KEYS[1])
for i = 1, #all, 2 do
  if cjson.decode(all[i + 1])[1] == ARGV[1] then
    redis.call('HDEL', KEYS[1], all[i])
    redis.call('ZREM', KEYS[2], all[i])
  end
end
return 1
`)

export function createRedisRecords<T>(
  { redis, prefix }: RedisContext,
  name: string,
  max: number,
): RecordStore<T> {
  const hash = `${prefix}records:${name}`
  const keys = [hash, `${hash}:order`, `${hash}:seq`]
  return {
    async get(key): Promise<Awaited<T> | undefined> {
      const json = await redis.hget(hash, key)
      return json === null ? undefined : (JSON.parse(json) as [string, Awaited<T>])[1]
    },
    async set(key, namespace, value) {
      await SET.run(redis, keys, [key, JSON.stringify([namespace, value]), max])
    },
    async reset(namespace) {
      if (namespace === undefined) await redis.del(...keys)
      else await RESET_NAMESPACE.run(redis, keys.slice(0, 2), [namespace])
    },
  }
}
