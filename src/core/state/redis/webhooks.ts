/**
 * Webhook endpoints shared on Redis: an endpoint added through one replica receives the events of
 * tasks that finish on any other. Ids and secrets are drawn as in memory, from the namespace's
 * seeded generator; replicas sharing a seed draw the same ids, so an id already taken is drawn
 * again (with a new secret) rather than overwriting another replica's endpoint.
 *
 * Keys (after the prefix):
 * - `webhooks:seq`: a counter giving endpoints their order of addition, across namespaces.
 * - `webhooks:namespaces`: set of namespaces holding endpoints (for listing all, a full reset).
 * - `webhooks:endpoints:<namespace>`: hash, id → `[seq, endpoint]` JSON.
 */
import type { Random } from '../../random.js'
import {
  drawEndpoint,
  type WebhookEndpoint,
  type WebhookStore,
} from '../../callbacks/webhook-endpoints.js'
import type { RedisContext } from './connection.js'
import { luaScript } from './lua-script.lua.js'

// KEYS: seq, namespaces, the namespace's endpoints. ARGV: namespace, id, endpoint JSON.
// Answers 0 when the id is taken.
const ADD = luaScript(`
if redis.call('HEXISTS', KEYS[3], ARGV[2]) == 1 then return 0 end
local seq = redis.call('INCR', KEYS[1])
redis.call('HSET', KEYS[3], ARGV[2], '[' .. seq .. ',' .. ARGV[3] .. ']')
redis.call('SADD', KEYS[2], ARGV[1])
return 1
`)

// KEYS: namespaces, the namespace's endpoints. ARGV: namespace, id.
const REMOVE = luaScript(`
if redis.call('HDEL', KEYS[2], ARGV[2]) == 0 then return 0 end
if redis.call('EXISTS', KEYS[2]) == 0 then redis.call('SREM', KEYS[1], ARGV[1]) end
return 1
`)

// KEYS: namespaces. ARGV: the endpoints keys' prefix. Every namespace's endpoints, in one read.
const ALL = luaScript(`
local out = {}
for _, namespace in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  for _, item in ipairs(redis.call('HVALS', ARGV[1] .. namespace)) do out[#out + 1] = item end
end
return out
`)

// KEYS: namespaces. ARGV: the endpoints keys' prefix, then a namespace or nothing (all).
const RESET = luaScript(`
if #ARGV == 2 then
  redis.call('DEL', ARGV[1] .. ARGV[2])
  redis.call('SREM', KEYS[1], ARGV[2])
  return 0
end
for _, namespace in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  redis.call('DEL', ARGV[1] .. namespace)
end
redis.call('DEL', KEYS[1])
return 0
`)

/** Draws before giving up on a free id: with 96-bit ids only a shared seed ever collides. */
const MAX_DRAWS = 16

export function createRedisWebhookStore(
  ctx: RedisContext,
  options: { randomFor: (namespace: string) => Random; now: () => number },
): WebhookStore {
  const { redis, prefix } = ctx
  const seqKey = `${prefix}webhooks:seq`
  const namespacesKey = `${prefix}webhooks:namespaces`
  const endpointsPrefix = `${prefix}webhooks:endpoints:`

  /** Stored endpoints in the order they were added. */
  const inOrder = (items: string[]) =>
    items
      .map((item) => JSON.parse(item) as [seq: number, endpoint: WebhookEndpoint])
      .sort((a, b) => a[0] - b[0])
      .map(([, endpoint]) => endpoint)
  const ofNamespace = async (namespace: string) =>
    inOrder(await redis.hvals(endpointsPrefix + namespace))

  return {
    async add(input) {
      const random = options.randomFor(input.namespace)
      for (let draw = 0; draw < MAX_DRAWS; draw++) {
        const endpoint = drawEndpoint(input, random, options.now())
        const added = await ADD.run(
          redis,
          [seqKey, namespacesKey, endpointsPrefix + input.namespace],
          [input.namespace, endpoint.id, JSON.stringify(endpoint)],
        )
        if (added === 1) return endpoint
      }
      throw new Error(`no free webhook endpoint id in ${input.namespace}`)
    },
    async list(filter = {}) {
      const endpoints =
        filter.namespace === undefined
          ? inOrder((await ALL.run(redis, [namespacesKey], [endpointsPrefix])) as string[])
          : await ofNamespace(filter.namespace)
      return endpoints.filter(
        (e) => filter.provider === undefined || e.provider === filter.provider,
      )
    },
    subscribedTo: async (provider, namespace, event) =>
      (await ofNamespace(namespace)).filter(
        (e) => e.provider === provider && (e.events === null || e.events.includes(event)),
      ),
    remove: async (id, namespace) =>
      (await REMOVE.run(redis, [namespacesKey, endpointsPrefix + namespace], [namespace, id])) ===
      1,
    async reset(namespace) {
      const only = namespace === undefined ? [] : [namespace]
      await RESET.run(redis, [namespacesKey], [endpointsPrefix, ...only])
    },
  }
}
