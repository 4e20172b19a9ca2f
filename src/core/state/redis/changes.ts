/**
 * The change feed shared on Redis: a change on any replica reaches the dashboards of all of them
 * (Redis pub/sub), and the namespaces holding state are known to all (a sorted set by recency,
 * bounded like memory's). A busy replica would otherwise publish per request, so `notify` is
 * coalesced locally: each topic and namespace is sent at most once per window, all pending
 * changes in one Lua script that touches their namespaces, announces the new ones and publishes.
 *
 * Listeners hear every replica's changes, this one's included, through the subscriber connection:
 * a local change reaches them a window (and a round trip) later than in memory. `namespaces()`
 * sends this replica's pending changes first, so it always includes its own.
 *
 * Keys (after the prefix):
 * - `changes:clock`: a counter ordering namespace uses.
 * - `changes:namespaces`: sorted set, namespace → the counter value at its last change.
 * - channel `changes`: each message a JSON array of changes.
 */
import type { Redis } from 'ioredis'
import { CHANGE_TOPICS, type Change, type ChangeFeed, type ChangeTopic } from '../../changes.js'
import type { RedisContext } from './connection.js'
import { luaScript } from './lua-script.lua.js'

/** How long a change waits for others of its kind before it is sent. */
const COALESCE_MS = 50
/** Namespaces remembered; past it the least recently changed is forgotten (as in memory). */
const MAX_NAMESPACES = 1_000

// KEYS: clock, namespaces. ARGV: channel, the bound, then per change its namespace and its JSON.
// A namespace seen for the first time is announced (a `namespaces` change) before its changes.
const NOTIFY = luaScript(`
local announced, changes = {}, {}
for i = 3, #ARGV, 2 do
  if redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[1]), ARGV[i]) == 1 then
    announced[#announced + 1] = cjson.encode({ topic = 'namespaces', namespace = ARGV[i] })
  end
  changes[#changes + 1] = ARGV[i + 1]
end
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[2])
if excess > 0 then redis.call('ZREMRANGEBYRANK', KEYS[2], 0, excess - 1) end
for _, change in ipairs(changes) do announced[#announced + 1] = change end
redis.call('PUBLISH', ARGV[1], '[' .. table.concat(announced, ',') .. ']')
return 0
`)

// KEYS: namespaces. ARGV: channel, the message, then a namespace or nothing (all).
const RESET = luaScript(`
if #ARGV == 3 then redis.call('ZREM', KEYS[1], ARGV[3]) else redis.call('DEL', KEYS[1]) end
redis.call('PUBLISH', ARGV[1], ARGV[2])
return 0
`)

export function createRedisChangeFeed(
  ctx: RedisContext,
  subscriber: Redis,
): ChangeFeed & { stop(): void } {
  const { redis, prefix } = ctx
  const clockKey = `${prefix}changes:clock`
  const namespacesKey = `${prefix}changes:namespaces`
  const channel = `${prefix}changes`
  const listeners = new Set<(change: Change) => void>()
  // Keyed by topic and namespace, so a change already waiting absorbs its repeats.
  let pending = new Map<string, Change & { namespace: string }>()
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  let queue: Promise<unknown> = Promise.resolve()

  /** Runs `send` after everything sent before it, so Redis sees the changes in the order made. */
  const inOrder = <T>(send: () => Promise<T>): Promise<T> => {
    const result = queue.then(send)
    queue = result.catch(() => undefined)
    return result
  }

  /** Sends the pending changes; rejects when Redis does. */
  const flush = async () => {
    clearTimeout(timer)
    timer = undefined
    const batch = [...pending.values()]
    pending = new Map()
    if (batch.length === 0) return inOrder(() => Promise.resolve())
    return inOrder(() =>
      NOTIFY.run(
        redis,
        [clockKey, namespacesKey],
        [
          channel,
          MAX_NAMESPACES,
          ...batch.flatMap((change) => [change.namespace, JSON.stringify(change)]),
        ],
      ),
    )
  }

  const hear = (from: string, message: string) => {
    if (from !== channel) return
    let changes: Change[]
    try {
      changes = JSON.parse(message) as Change[]
    } catch {
      return
    }
    for (const change of changes)
      for (const listener of listeners) {
        try {
          listener(change)
        } catch {
          // One listener's failure must not keep the changes from the others (or crash the
          // connection's event handler).
        }
      }
  }
  subscriber.on('message', hear)
  // When the subscriber is not connected yet, subscribe once it is; ioredis re-subscribes on its
  // own after a reconnect.
  const listen = () => {
    if (!stopped) void subscriber.subscribe(channel).catch(() => subscriber.once('ready', listen))
  }
  listen()

  return {
    notify(topic: ChangeTopic, namespace: string) {
      pending.set(`${topic}\u0000${namespace}`, { topic, namespace })
      // Sent and forgotten: with Redis away the dashboard misses a refresh, nothing more.
      timer ??= setTimeout(() => void flush().catch(() => undefined), COALESCE_MS).unref()
    },
    reset(namespace) {
      // Changes still waiting would only bring the forgotten namespace back.
      for (const [key, change] of pending)
        if (namespace === undefined || change.namespace === namespace) pending.delete(key)
      const changes: Change[] = [...CHANGE_TOPICS, 'namespaces' as const].map((topic) => ({
        topic,
        namespace: namespace ?? null,
      }))
      const only = namespace === undefined ? [] : [namespace]
      void inOrder(() =>
        RESET.run(redis, [namespacesKey], [channel, JSON.stringify(changes), ...only]),
      ).catch(() => undefined)
    },
    async namespaces() {
      await flush()
      const known = await redis.zrange(namespacesKey, 0, '-1')
      return [...new Set(['default', ...known])].sort()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop() {
      stopped = true
      void flush().catch(() => undefined)
      listeners.clear()
      subscriber.off('message', hear)
      void subscriber.unsubscribe(channel).catch(() => undefined)
    },
  }
}
