/**
 * The stores of a replica that shares its state: every part on one Redis, so replicas behind a
 * load balancer answer as one emulator. Rendering stays local (images are recipes); timers stay
 * local too, but a replica only acts on a task step or delivery attempt it has claimed in Redis.
 */
import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { StoreDeps, StoreSettings, Stores } from './stores.js'
import { connectRedis, createRedisClient, maskUrl, type RedisContext } from './redis/connection.js'
import { createImageRenderer } from '../images/render-image.js'
import { createImageFiles } from '../images/image-files.js'
import { createRedisImageStore } from './redis/image-files.js'
import { createRedisTaskStore } from './redis/tasks.js'
import { createRedisCreditStore } from './redis/credits.js'
import { createRedisDeliveryStore } from './redis/deliveries.js'
import { createRedisWebhookStore } from './redis/webhooks.js'
import { createRedisJournal } from './redis/journal.js'
import { createRedisKeyStore } from './redis/keys.js'
import { createRedisFaultStore } from './redis/fault-rules.js'
import { createRedisChangeFeed } from './redis/changes.js'
import { createRedisRecords } from './redis/records.js'

/** A replica's connections to the Redis it shares its state through. */
export interface SharedState {
  /** The URL as it may be shown: any password masked. */
  url: string
  /** Names this replica in claims and salts its seeded draws, so replicas never draw alike. */
  replicaId: string
  settings: StoreSettings['redis']
  redis: Redis
  /** A second connection in subscriber mode, for the change feed. */
  subscriber: Redis
  /** Whether Redis answers now; while it does not, provider requests get their 503. */
  available: () => boolean
  /** The stores, on this Redis (the runtime builds them once). */
  stores: (deps: StoreDeps) => Stores
  close(): void
}

/** Connects, or rejects with a message naming the URL and what went wrong (the start stops). */
export async function connectSharedState(settings: StoreSettings['redis']): Promise<SharedState> {
  const url = settings.url ?? 'redis://127.0.0.1:6379'
  const [redis, subscriber] = await Promise.all([createRedisClient(url), createRedisClient(url)])
  reportOutages(redis, maskUrl(url))
  subscriber.on('error', () => undefined) // the main connection reports outages once
  await connectRedis(redis, url)
  await connectRedis(subscriber, url)
  const shared: SharedState = {
    url: maskUrl(url),
    replicaId: `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
    settings,
    redis,
    subscriber,
    // Still 'ready' for a moment after the server has ended the socket (ioredis hears of the
    // close later), while commands are already refused: that is Redis away too, not a 500.
    available: () => redis.status === 'ready' && redis.stream.writable,
    stores: (deps) => createRedisStores(shared, deps),
    close() {
      redis.disconnect()
      subscriber.disconnect()
    },
  }
  return shared
}

/** One line when Redis goes away and one when it is back, not one per failed command. */
function reportOutages(redis: Redis, url: string): void {
  // Before the first connection the start reports failure itself; after a close(), nothing.
  let connected = false
  let down = false
  const lost = (why: string) => {
    if (!connected || down || redis.status === 'end') return
    down = true
    console.error(`[gpt-image-emulator] lost Redis at ${url}${why}; reconnecting`)
  }
  redis.on('error', (err: Error) => lost(` (${err.message})`))
  redis.on('close', () => lost(''))
  redis.on('ready', () => {
    if (down) console.error(`[gpt-image-emulator] Redis at ${url} is back`)
    connected = true
    down = false
  })
}

function createRedisStores(shared: SharedState, deps: StoreDeps): Stores {
  const { config, clock, scheduler, randomFor } = deps
  const { leaseMs, pollMs, keyPrefix } = shared.settings
  const ctx: RedisContext = { redis: shared.redis, prefix: keyPrefix }
  const changes = createRedisChangeFeed(ctx, shared.subscriber)
  const images = createRedisImageStore(
    ctx,
    createImageFiles({
      renderer: createImageRenderer(config.images),
      uploadBytes: config.images.fileStoreBytes,
      looseRecipes: config.images.looseRecipes,
    }),
    { looseRecipes: config.images.looseRecipes, uploadBytes: config.images.fileStoreBytes },
  )
  const tasks = createRedisTaskStore(ctx, {
    clock,
    scheduler,
    images,
    retention: config.tasks,
    leaseMs,
    pollMs,
  })
  const deliveries = createRedisDeliveryStore(ctx, {
    clock,
    scheduler,
    policy: config.callbacks,
    replicaId: shared.replicaId,
    // A claim outlives the longest attempt, so a slow attempt is never sent twice.
    leaseMs: Math.max(leaseMs, config.callbacks.timeoutMs + 5_000),
    pollMs,
    ...(deps.fetch && { fetch: deps.fetch }),
    onChange: (namespace) => changes.notify('deliveries', namespace),
    ...(deps.onAttempt && { onAttempt: deps.onAttempt }),
    // Retried on the next poll. While Redis is away the outage is reported once, elsewhere; a
    // failure with Redis up is a fault worth seeing, not silence.
    onError: (err) => {
      if (shared.available()) console.error('[gpt-image-emulator] delivery step failed:', err)
    },
  })
  return {
    kind: 'redis',
    images,
    tasks,
    credits: createRedisCreditStore(ctx, { clock, defaultBalance: config.credits.defaultBalance }),
    deliveries,
    webhooks: createRedisWebhookStore(ctx, { randomFor, now: () => clock.now() }),
    journal: createRedisJournal(ctx, config.journal.maxEntries, config.journal.maxNamespaces),
    keys: createRedisKeyStore(ctx),
    faults: createRedisFaultStore(ctx, config.seed, shared.replicaId),
    changes,
    records: (name, max) => createRedisRecords(ctx, name, max),
    close() {
      tasks.stop()
      deliveries.close()
      changes.stop()
      shared.close()
    },
  }
}
