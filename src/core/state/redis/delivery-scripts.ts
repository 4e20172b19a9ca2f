/**
 * The Lua scripts of the shared delivery queue (deliveries.ts). Everything two replicas may change
 * at once (queueing, claiming an attempt, recording its result, redelivering, resetting) is one
 * script, so it happens atomically in Redis. What an attempt leads to is decided in TypeScript by
 * core/callbacks/delivery-rules.ts; the scripts only store the decision.
 *
 * Keys, all under `<prefix>deliveries:` (passed as KEYS[1]; the scripts derive the others, so a
 * single Redis is assumed, not a cluster):
 *   seq               counter: enqueue order, attempt order, claim tokens, body recency
 *   order             zset id → seq: every kept delivery, in enqueue order
 *   ns:<namespace>    zset id → seq: a namespace's deliveries
 *   info              hash id → JSON of the summary's fixed fields (id, provider, namespace...)
 *   status / attempts hash id → pending|delivered|failed / attempts made
 *   request           hash id → JSON of the DeliveryRequest, while pending or kept for redeliver
 *   pending           set of pending ids (idle() waits for it to empty)
 *   due               zset id → ms: when its next attempt is due, or when a claim's lease ends
 *   next              hash id → `<number>:<kind>` of its next attempt
 *   claim             hash id → token of the replica's claim on the attempt in flight
 *   log:<id>          list of `<seq> <attempt JSON>`
 *   kept / kept-size / kept-bytes  bodies kept for redeliver: zset id → recency, hash id →
 *                     bytes, their total (bounded by redeliverBytes, least recent dropped first)
 *   held:<ns>\0<task> list of a task's out-of-order events held until its terminal one
 *   held-groups       set of the groups above
 */
import { createHash } from 'node:crypto'
import type { Redis } from 'ioredis'

const PRELUDE = `
local root = KEYS[1]
local function key(name) return root .. name end

local function schedule(id, due, nextAttempt)
  redis.call('ZADD', key('due'), due, id)
  redis.call('HSET', key('next'), id, nextAttempt)
end

local function dropBody(id)
  local size = redis.call('HGET', key('kept-size'), id)
  if size then
    redis.call('DECRBY', key('kept-bytes'), size)
    redis.call('HDEL', key('kept-size'), id)
  end
  redis.call('ZREM', key('kept'), id)
end

-- A delivery and everything about it: its attempts go with it.
local function forget(id)
  local info = redis.call('HGET', key('info'), id)
  if info then redis.call('ZREM', key('ns:' .. cjson.decode(info)['namespace']), id) end
  for _, hash in ipairs({'info', 'status', 'attempts', 'request', 'next', 'claim'}) do
    redis.call('HDEL', key(hash), id)
  end
  redis.call('ZREM', key('order'), id)
  redis.call('ZREM', key('due'), id)
  redis.call('SREM', key('pending'), id)
  redis.call('DEL', key('log:' .. id))
  dropBody(id)
end
`

/**
 * KEYS[1] root; ARGV id, namespace, info JSON, request JSON, body bytes, redeliver bytes, now,
 * hold group ('' unless out of order), terminal (1/0), spacing ms, max kept deliveries.
 * Returns the ids now due with their delay: `[id, delayMs, ...]`.
 */
const ENQUEUE = `${PRELUDE}
local id, ns, info, request = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local size, maxBytes, now = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local group, terminal, spacing, maxKept = ARGV[8], ARGV[9], tonumber(ARGV[10]), tonumber(ARGV[11])
forget(id)
local seq = redis.call('INCR', key('seq'))
redis.call('HSET', key('info'), id, info)
redis.call('HSET', key('status'), id, 'pending')
redis.call('HSET', key('attempts'), id, 0)
redis.call('HSET', key('request'), id, request)
redis.call('ZADD', key('order'), seq, id)
redis.call('ZADD', key('ns:' .. ns), seq, id)
redis.call('SADD', key('pending'), id)

-- Bodies kept for redeliver, least recent dropped first; like lru-cache, one larger than the
-- bound is not kept at all. A pending delivery keeps its request until it finishes.
if size <= maxBytes then
  redis.call('ZADD', key('kept'), seq, id)
  redis.call('HSET', key('kept-size'), id, size)
  local bytes = redis.call('INCRBY', key('kept-bytes'), size)
  while bytes > maxBytes do
    local oldest = redis.call('ZRANGE', key('kept'), 0, 0)[1]
    if not oldest then break end
    dropBody(oldest)
    if redis.call('HGET', key('status'), oldest) ~= 'pending' then
      redis.call('HDEL', key('request'), oldest)
    end
    bytes = tonumber(redis.call('GET', key('kept-bytes')))
  end
end

local due = {}
if group == '' then
  schedule(id, now, '1:scheduled')
  due = {id, '0'}
else
  local heldKey = key('held:' .. group)
  redis.call('RPUSH', heldKey, id)
  redis.call('SADD', key('held-groups'), group)
  if terminal == '1' then
    -- The last event goes first, then the earlier ones, newest first.
    local held = redis.call('LRANGE', heldKey, 0, -1)
    redis.call('DEL', heldKey)
    redis.call('SREM', key('held-groups'), group)
    local delay = 0
    for i = #held, 1, -1 do
      if redis.call('HGET', key('status'), held[i]) == 'pending' then
        schedule(held[i], now + delay, '1:scheduled')
        table.insert(due, held[i])
        table.insert(due, tostring(delay))
        delay = delay + spacing
      end
    end
  end
end

-- Past the bound, the oldest finished deliveries go, with their attempts.
local excess = redis.call('ZCARD', key('order')) - maxKept
if excess > 0 then
  local victims, start = {}, 0
  while #victims < excess do
    local batch = redis.call('ZRANGE', key('order'), start, start + 199)
    if #batch == 0 then break end
    for _, old in ipairs(batch) do
      if #victims < excess and redis.call('HGET', key('status'), old) ~= 'pending' then
        table.insert(victims, old)
      end
    end
    start = start + 200
  end
  for _, old in ipairs(victims) do forget(old) end
end
return due
`

/**
 * Claims due attempts: each is re-scored to the lease's end, so no other replica takes it unless
 * the lease runs out (its claimer died), and gets a token its result must show.
 * ARGV now, lease end, replica id, max claims, one id ('' for any due).
 * Returns `[id, token, next, request JSON, ...]`.
 */
const CLAIM = `${PRELUDE}
local now, leaseEnd, replica, limit, only = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local ids
if only ~= '' then
  local due = redis.call('ZSCORE', key('due'), only)
  if not due or tonumber(due) > tonumber(now) then return {} end
  ids = {only}
else
  ids = redis.call('ZRANGEBYSCORE', key('due'), '-inf', now, 'LIMIT', 0, limit)
end
local claimed = {}
for _, id in ipairs(ids) do
  local request = redis.call('HGET', key('request'), id)
  local nextAttempt = redis.call('HGET', key('next'), id)
  if request and nextAttempt then
    local token = replica .. ':' .. redis.call('INCR', key('seq'))
    redis.call('ZADD', key('due'), leaseEnd, id)
    redis.call('HSET', key('claim'), id, token)
    for _, value in ipairs({id, token, nextAttempt, request}) do table.insert(claimed, value) end
  else
    -- Nothing to send it with: finished as failed rather than claimed forever.
    redis.call('ZREM', key('due'), id)
    redis.call('HDEL', key('next'), id)
    if redis.call('HEXISTS', key('status'), id) == 1 then
      redis.call('HSET', key('status'), id, 'failed')
    end
    redis.call('SREM', key('pending'), id)
  end
end
return claimed
`

/**
 * Records a claimed attempt and what follows, if the claim is still this one (not reset, not
 * re-claimed after its lease ran out): the next attempt's due time, or the final status.
 * ARGV id, token, attempt number, attempt JSON, next due ('' when finished), next, final status.
 * Returns 1 when recorded, 0 when the claim was no longer this one.
 */
const RECORD = `${PRELUDE}
local id, token = ARGV[1], ARGV[2]
if redis.call('HGET', key('claim'), id) ~= token then return 0 end
redis.call('HDEL', key('claim'), id)
local seq = redis.call('INCR', key('seq'))
redis.call('RPUSH', key('log:' .. id), seq .. ' ' .. ARGV[4])
redis.call('HSET', key('attempts'), id, ARGV[3])
if ARGV[5] ~= '' then
  schedule(id, ARGV[5], ARGV[6])
else
  redis.call('ZREM', key('due'), id)
  redis.call('HDEL', key('next'), id)
  redis.call('HSET', key('status'), id, ARGV[7])
  redis.call('SREM', key('pending'), id)
  if not redis.call('ZSCORE', key('kept'), id) then redis.call('HDEL', key('request'), id) end
end
return 1
`

/**
 * Queues a finished delivery's next attempt as a redeliver, now.
 * ARGV id, namespace, now. Returns `['sent', info JSON, attempts]` or `[reason]`.
 */
const REDELIVER = `${PRELUDE}
local id, ns, now = ARGV[1], ARGV[2], ARGV[3]
local info = redis.call('HGET', key('info'), id)
if not info or cjson.decode(info)['namespace'] ~= ns then return {'unknown'} end
if redis.call('HGET', key('status'), id) == 'pending' then return {'pending'} end
if not redis.call('ZSCORE', key('kept'), id) or not redis.call('HGET', key('request'), id) then
  return {'forgotten'}
end
redis.call('ZADD', key('kept'), redis.call('INCR', key('seq')), id)
redis.call('HSET', key('status'), id, 'pending')
redis.call('SADD', key('pending'), id)
local attempts = redis.call('HGET', key('attempts'), id)
schedule(id, now, (tonumber(attempts) + 1) .. ':redeliver')
return {'sent', info, attempts}
`

/** ARGV 'all' or 'one', namespace: forgets the deliveries, and the held events of the task groups. */
const RESET = `${PRELUDE}
local all, ns = ARGV[1] == 'all', ARGV[2]
local ids
if all then ids = redis.call('ZRANGE', key('order'), 0, -1)
else ids = redis.call('ZRANGE', key('ns:' .. ns), 0, -1) end
for _, id in ipairs(ids) do forget(id) end
for _, group in ipairs(redis.call('SMEMBERS', key('held-groups'))) do
  if all or string.sub(group, 1, #ns + 1) == ns .. '\\0' then
    redis.call('DEL', key('held:' .. group))
    redis.call('SREM', key('held-groups'), group)
  end
end
return #ids
`

/** ARGV 'all' or 'one', namespace. Returns `[info JSON, status, attempts, ...]` in enqueue order. */
const LIST_DELIVERIES = `${PRELUDE}
local ids
if ARGV[1] == 'all' then ids = redis.call('ZRANGE', key('order'), 0, -1)
else ids = redis.call('ZRANGE', key('ns:' .. ARGV[2]), 0, -1) end
local rows = {}
for _, id in ipairs(ids) do
  table.insert(rows, redis.call('HGET', key('info'), id) or '')
  table.insert(rows, redis.call('HGET', key('status'), id) or 'failed')
  table.insert(rows, redis.call('HGET', key('attempts'), id) or '0')
end
return rows
`

/** ARGV 'all' or 'one', namespace. Returns every `<seq> <attempt JSON>` of those deliveries. */
const LIST_ATTEMPTS = `${PRELUDE}
local ids
if ARGV[1] == 'all' then ids = redis.call('ZRANGE', key('order'), 0, -1)
else ids = redis.call('ZRANGE', key('ns:' .. ARGV[2]), 0, -1) end
local rows = {}
for _, id in ipairs(ids) do
  for _, entry in ipairs(redis.call('LRANGE', key('log:' .. id), 0, -1)) do
    table.insert(rows, entry)
  end
end
return rows
`

const SOURCES = {
  enqueue: ENQUEUE,
  claim: CLAIM,
  record: RECORD,
  redeliver: REDELIVER,
  reset: RESET,
  listDeliveries: LIST_DELIVERIES,
  listAttempts: LIST_ATTEMPTS,
}

export type DeliveryScript = keyof typeof SOURCES

const SHAS = Object.fromEntries(
  Object.entries(SOURCES).map(([name, lua]) => [
    name,
    createHash('sha1').update(lua).digest('hex'),
  ]),
) as Record<DeliveryScript, string>

/** Runs a script by its digest, sending its source only when Redis does not have it yet. */
export async function runDeliveryScript(
  redis: Redis,
  root: string,
  script: DeliveryScript,
  args: (string | number)[],
): Promise<unknown> {
  try {
    return await redis.evalsha(SHAS[script], 1, root, ...args)
  } catch (err) {
    if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err
    return redis.eval(SOURCES[script], 1, root, ...args)
  }
}
