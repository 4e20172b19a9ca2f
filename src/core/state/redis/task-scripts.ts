/**
 * The Lua scripts behind the shared task store. Everything two replicas may change at once (a
 * task's state, the due steps, creation order, retention) changes inside one script, so Redis
 * runs it whole, between other replicas' commands: no read-then-write races.
 *
 * Keys, under the store's prefix P:
 * - `P tasks:task:<id>`    hash: `state`, `json` (the task), `files` (JSON array of its held image
 *                          names), and `namespace`, `provider`, `apiKey`, `createdAt` for lists
 *                          and retention without parsing JSON in Lua.
 * - `P tasks:order`        zset of ids by creation sequence: `list()` and retention, oldest first.
 * - `P tasks:ns:<name>`    zset of one namespace's ids by the same sequence.
 * - `P tasks:seq`          the creation sequence (creation order even within one millisecond).
 * - `P tasks:due`          zset of ids whose next timed step is pending, scored by when it is due
 *                          (ms); a claimed step is re-scored to the end of its lease.
 * Per-task and per-namespace keys are built inside the scripts from prefixes, so the store needs
 * one Redis (not a cluster).
 */
import { luaScript } from './lua-script.lua.js'

const TERMINAL = `
local function isFinished(state)
  return state == 'succeeded' or state == 'failed' or state == 'canceled'
end
`

/**
 * Forgets one task everywhere it is indexed. Appends its id and its held image names (JSON) to
 * `released`, for the caller to release and to stop its timer.
 * Expects KEYS[1] order, KEYS[2] due, ARGV[1] task key prefix, ARGV[2] namespace key prefix.
 */
const FORGET = `
local function forget(id, released)
  local taskKey = ARGV[1] .. id
  local fields = redis.call('HMGET', taskKey, 'namespace', 'files')
  redis.call('DEL', taskKey)
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZREM', KEYS[2], id)
  if fields[1] then redis.call('ZREM', ARGV[2] .. fields[1], id) end
  released[#released + 1] = id
  released[#released + 1] = fields[2] or ''
end
`

/**
 * Adds a task (as it is after the steps its creator made at once), schedules its next step, and
 * applies retention like the in-memory engine: finished tasks past maxAgeMs up to the first young
 * one, then over maxTasks the oldest finished, then the oldest even unfinished. The new task
 * counts as unfinished, as it is queued when the in-memory engine prunes. A task with the same id
 * is replaced. Returns [id, files, ...] of the tasks forgotten.
 * KEYS: order, due, seq, task key, namespace key.
 * ARGV: task key prefix, namespace key prefix, id, namespace, provider, apiKey, state, json,
 *       files, createdAt, due time ('' for none), maxTasks, maxAgeMs.
 */
export const createTaskScript = luaScript(`${TERMINAL}${FORGET}
local released = {}
local id = ARGV[3]
if redis.call('EXISTS', KEYS[4]) == 1 then forget(id, released) end
local seq = redis.call('INCR', KEYS[3])
redis.call('HSET', KEYS[4], 'state', ARGV[7], 'json', ARGV[8], 'files', ARGV[9],
  'namespace', ARGV[4], 'provider', ARGV[5], 'apiKey', ARGV[6], 'createdAt', ARGV[10])
redis.call('ZADD', KEYS[1], seq, id)
redis.call('ZADD', KEYS[5], seq, id)
if ARGV[11] ~= '' then redis.call('ZADD', KEYS[2], ARGV[11], id) end

local maxTasks = tonumber(ARGV[12])
local oldest = tonumber(ARGV[10]) - tonumber(ARGV[13])
local function finishedOther(other, state)
  return other ~= id and isFinished(state)
end

-- Finished tasks past their age, oldest first, up to the first young task.
local offset, young = 0, false
while not young do
  local ids = redis.call('ZRANGE', KEYS[1], offset, offset + 99)
  if #ids == 0 then break end
  local kept = 0
  for _, other in ipairs(ids) do
    local fields = redis.call('HMGET', ARGV[1] .. other, 'createdAt', 'state')
    if tonumber(fields[1]) >= oldest then
      young = true
      break
    end
    if finishedOther(other, fields[2]) then forget(other, released) else kept = kept + 1 end
  end
  offset = offset + kept
end

-- Over the count: the oldest finished tasks go first...
local count = redis.call('ZCARD', KEYS[1])
offset = 0
while count > maxTasks do
  local ids = redis.call('ZRANGE', KEYS[1], offset, offset + 99)
  if #ids == 0 then break end
  local kept = 0
  for _, other in ipairs(ids) do
    if count <= maxTasks then break end
    if finishedOther(other, redis.call('HGET', ARGV[1] .. other, 'state')) then
      forget(other, released)
      count = count - 1
    else
      kept = kept + 1
    end
  end
  offset = offset + kept
end
-- ...and if still over, the oldest even if unfinished, rather than grow without bound.
while count > maxTasks do
  local ids = redis.call('ZRANGE', KEYS[1], 0, 0)
  if #ids == 0 then break end
  forget(ids[1], released)
  count = count - 1
end
return released
`)

/**
 * Claims due steps: up to `limit` ids scored at or before `now` (optionally only `id`) are
 * re-scored to `leaseUntil`, so no other replica takes them until the lease ends, and their tasks
 * are returned as JSON. A due id whose task is gone or has ended (never the case: every ending
 * drops it) is dropped.
 * KEYS: due. ARGV: task key prefix, now, leaseUntil, limit, id ('' for any).
 */
export const claimStepsScript = luaScript(`${TERMINAL}
local ids
if ARGV[5] ~= '' then
  local score = redis.call('ZSCORE', KEYS[1], ARGV[5])
  ids = {}
  if score and tonumber(score) <= tonumber(ARGV[2]) then ids[1] = ARGV[5] end
else
  ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2], 'LIMIT', 0, tonumber(ARGV[4]))
end
local claimed = {}
for _, id in ipairs(ids) do
  local task = redis.call('HMGET', ARGV[1] .. id, 'state', 'json')
  if task[2] and not isFinished(task[1]) then
    redis.call('ZADD', KEYS[1], ARGV[3], id)
    claimed[#claimed + 1] = task[2]
  else
    redis.call('ZREM', KEYS[1], id)
  end
end
return claimed
`)

/**
 * Compare-and-set of a task's state: writes the task as it is after its transitions only if its
 * state is still `expected` (states only move forward, so the state is the task's version), then
 * schedules its next step or drops it. Returns {1} when written; {0, json} with the task as it is
 * now when another replica (or a cancel) moved it first; {0} when it is gone.
 * KEYS: task key, due. ARGV: id, expected state, new state, json, files, due time ('' for none).
 */
export const advanceTaskScript = luaScript(`
local state = redis.call('HGET', KEYS[1], 'state')
if state ~= ARGV[2] then
  if not state then return {0} end
  return {0, redis.call('HGET', KEYS[1], 'json')}
end
redis.call('HSET', KEYS[1], 'state', ARGV[3], 'json', ARGV[4], 'files', ARGV[5])
if ARGV[6] == '' then
  redis.call('ZREM', KEYS[2], ARGV[1])
else
  redis.call('ZADD', KEYS[2], ARGV[6], ARGV[1])
end
return {1}
`)

/**
 * The tasks of KEYS[1] (creation order, or a namespace's), oldest first, as JSON, filtered on the
 * fields kept beside the JSON.
 * ARGV: task key prefix, by provider ('1'/'0'), provider, by key ('1'/'0'), apiKey,
 *       by state ('1'/'0'), then the states.
 */
export const listTasksScript = luaScript(`
local states = nil
if ARGV[6] == '1' then
  states = {}
  for i = 7, #ARGV do states[ARGV[i]] = true end
end
local found = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local f = redis.call('HMGET', ARGV[1] .. id, 'provider', 'apiKey', 'state', 'json')
  if f[4] and (ARGV[2] == '0' or f[1] == ARGV[3]) and (ARGV[4] == '0' or f[2] == ARGV[5])
    and (states == nil or states[f[3]]) then
    found[#found + 1] = f[4]
  end
end
return found
`)

/**
 * Forgets every task of KEYS[3] (creation order for all, or one namespace's).
 * KEYS: order, due, the set to forget. ARGV: task key prefix, namespace key prefix.
 * Returns [id, files, ...] of the tasks forgotten.
 */
export const resetTasksScript = luaScript(`${FORGET}
local released = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do forget(id, released) end
return released
`)
