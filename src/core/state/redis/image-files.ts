/**
 * Image names on Redis, so any replica serves any `/files/<name>` another one minted. Only names
 * are shared: a recipe's JSON (its bytes are rendered by whichever replica is asked, identically,
 * through the `local` ImageFiles and its renderer cache) and uploaded bytes. Each call is one
 * round trip: a Lua script where replicas may race (publish, hold, release, keep, clear).
 *
 * Keys (under `<prefix>images:`):
 *   held           hash  name → recipe JSON, while a task holds it
 *   holders        hash  name → holds on it; at 0 the name goes (release once per hold)
 *   loose          zset  name → recency (from `seq`); the `looseRecipes` most recent are kept
 *   loose-recipes  hash  name → recipe JSON of a loose name
 *   seq            counter for loose recency and upload order
 *   upload:<name>  string  the bytes, expiring after `uploadTtlMs` (default a day)
 *   uploads        zset  name → order kept (from `seq`), oldest first, for the byte bound
 *   upload-meta    hash  name → `size|expiresAt` (ms, Redis's clock)
 *   upload-bytes   counter: bytes kept, at most `uploadBytes`; the oldest upload goes first
 * Uploads leave in the order kept (reads do not refresh them) or on expiry. The scripts that
 * drop uploads name their keys from the `uploads` index: one Redis, not a Cluster.
 * A replica also keeps uploads it has seen in its `local` ImageFiles (the byte cache): those are
 * content-addressed, so a local copy outliving the shared one still serves the right bytes.
 */
import {
  fileNameFor,
  type ImageFiles,
  type ImageStore,
  type StoredFile,
} from '../../images/image-files.js'
import { recipeFileName, type ImageRecipe } from '../../images/recipe.js'
import { CONTENT_TYPES, type ImageFormat } from '../../images/render-image.js'
import type { RedisContext } from './connection.js'
import { luaScript } from './lua-script.lua.js'

export interface RedisImageStoreOptions {
  /** Loose names (no task holds them) kept, most recent first. */
  looseRecipes: number
  /** Bytes of uploads kept in Redis, across all replicas; an upload larger than this is not. */
  uploadBytes: number
  /** How long an upload's bytes stay in Redis after it is kept (ms); a day unless set. */
  uploadTtlMs?: number
}

const DAY_MS = 24 * 60 * 60 * 1000

/** KEYS 1 held, 2 loose, 3 loose-recipes, 4 seq. ARGV 1 name, 2 recipe JSON, 3 loose kept. */
const PUBLISH = luaScript(`
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[4]), ARGV[1])
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])
if excess > 0 then
  for _, old in ipairs(redis.call('ZRANGE', KEYS[2], 0, excess - 1)) do redis.call('HDEL', KEYS[3], old) end
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, excess - 1)
end
return 1`)

/** KEYS 1 held, 2 holders. ARGV 1 name, 2 recipe JSON. */
const HOLD = luaScript(`
if redis.call('HINCRBY', KEYS[2], ARGV[1], 1) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return 1`)

/** KEYS 1 held, 2 holders. ARGV the names, once per hold let go. */
const RELEASE = luaScript(`
for _, name in ipairs(ARGV) do
  if redis.call('HEXISTS', KEYS[2], name) == 1 and redis.call('HINCRBY', KEYS[2], name, -1) <= 0 then
    redis.call('HDEL', KEYS[1], name)
    redis.call('HDEL', KEYS[2], name)
  end
end
return 1`)

/**
 * KEYS 1 uploads, 2 upload-meta, 3 upload-bytes, 4 seq, 5 this upload's key. ARGV 1 upload key
 * prefix, 2 name, 3 bytes, 4 ttl ms, 5 byte bound. First forgets uploads whose time is up (their
 * keys expire on their own); bytes already kept stay as they were; bytes past the bound are not
 * kept; then the oldest go until the rest fit.
 */
const KEEP = luaScript(`
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local function oldest() return redis.call('ZRANGE', KEYS[1], 0, 0)[1] end
local function drop(name)
  local size = string.match(redis.call('HGET', KEYS[2], name) or '0|', '^([^|]*)|')
  redis.call('DECRBY', KEYS[3], tonumber(size))
  redis.call('HDEL', KEYS[2], name)
  redis.call('ZREM', KEYS[1], name)
  redis.call('DEL', ARGV[1] .. name)
end
-- Kept in order with one ttl, uploads expire in that order: stop at the first still live.
local first = oldest()
while first do
  local expires = tonumber(string.match(redis.call('HGET', KEYS[2], first) or '', '|(.*)$'))
  if expires and expires > now then break end
  drop(first)
  first = oldest()
end
if redis.call('EXISTS', KEYS[5]) == 1 then return 0 end
local size, ttl, bound = #ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
if size > bound then return 0 end
redis.call('SET', KEYS[5], ARGV[3], 'PX', ttl)
redis.call('ZADD', KEYS[1], redis.call('INCR', KEYS[4]), ARGV[2])
redis.call('HSET', KEYS[2], ARGV[2], size .. '|' .. (now + ttl))
local total = redis.call('INCRBY', KEYS[3], size)
while total > bound and oldest() do
  drop(oldest())
  total = tonumber(redis.call('GET', KEYS[3]))
end
return 1`)

/**
 * KEYS 1 held, 2 loose, 3 loose-recipes, 4 seq, 5 the name's upload key. ARGV 1 name.
 * Answers `{'recipe', json}`, `{'upload', bytes}` or nil; a loose name read becomes most recent.
 */
const READ = luaScript(`
local recipe = redis.call('HGET', KEYS[1], ARGV[1])
if recipe then return { 'recipe', recipe } end
recipe = redis.call('HGET', KEYS[3], ARGV[1])
if recipe then
  redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[4]), ARGV[1])
  return { 'recipe', recipe }
end
local bytes = redis.call('GET', KEYS[5])
if bytes then return { 'upload', bytes } end
return false`)

/** KEYS every fixed key. ARGV 1 upload key prefix. */
const CLEAR = luaScript(`
for _, name in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do redis.call('DEL', ARGV[1] .. name) end
redis.call('DEL', unpack(KEYS))
return 1`)

const FORMAT_OF_EXTENSION: Record<string, ImageFormat> = { png: 'png', jpg: 'jpeg', webp: 'webp' }

export function createRedisImageStore(
  { redis, prefix }: RedisContext,
  local: ImageFiles,
  options: RedisImageStoreOptions,
): ImageStore {
  const key = (name: string) => `${prefix}images:${name}`
  const [held, holders, loose, looseRecipes, seq] = [
    'held',
    'holders',
    'loose',
    'loose-recipes',
    'seq',
  ].map(key) as [string, string, string, string, string]
  const uploadIndex = [key('uploads'), key('upload-meta'), key('upload-bytes')]
  const uploadPrefix = key('upload:')
  const looseKept = Math.max(1, options.looseRecipes)
  const uploadTtlMs = Math.max(1, Math.round(options.uploadTtlMs ?? DAY_MS))

  return {
    render: (recipe) => local.render(recipe),
    async publish(recipe) {
      const name = recipeFileName(recipe)
      await PUBLISH.run(
        redis,
        [held, loose, looseRecipes, seq],
        [name, JSON.stringify(recipe), looseKept],
      )
      return name
    },
    async hold(recipe) {
      const name = recipeFileName(recipe)
      await HOLD.run(redis, [held, holders], [name, JSON.stringify(recipe)])
      return name
    },
    async release(names) {
      if (names.length > 0) await RELEASE.run(redis, [held, holders], names)
    },
    async keep(bytes, format) {
      const name = fileNameFor(bytes, format)
      local.keep(bytes, format)
      await KEEP.run(
        redis,
        [...uploadIndex, seq, uploadPrefix + name],
        [uploadPrefix, name, bytes, uploadTtlMs, Math.max(1, options.uploadBytes)],
      )
      return name
    },
    async read(name): Promise<StoredFile | undefined> {
      // Locally: uploads this replica kept or fetched before (names are only ever shared).
      const cached = await local.read(name)
      if (cached) return cached
      const reply = (await READ.runBuffer(
        redis,
        [held, loose, looseRecipes, seq, uploadPrefix + name],
        [name],
      )) as [Buffer, Buffer] | null
      if (!reply) return undefined
      const [kind, payload] = reply
      if (kind.toString() === 'recipe') {
        const recipe = JSON.parse(payload.toString()) as ImageRecipe
        return { bytes: await local.render(recipe), contentType: CONTENT_TYPES[recipe.format] }
      }
      const format = FORMAT_OF_EXTENSION[name.slice(name.lastIndexOf('.') + 1)] ?? 'png'
      local.keep(payload, format)
      return { bytes: payload, contentType: CONTENT_TYPES[format] }
    },
    async clear() {
      local.clear()
      await CLEAR.run(
        redis,
        [...uploadIndex, held, holders, loose, looseRecipes, seq],
        [uploadPrefix],
      )
    },
  }
}
