/**
 * The one Redis connection a replica shares its state through (ioredis). Commands are never
 * queued while Redis is away: they fail at once, so a request gets a 503 in its provider's
 * envelope instead of hanging, and ioredis keeps reconnecting in the background.
 */
import type { Redis } from 'ioredis'

/** Where a store keeps its keys: one connection, and a prefix so several emulators can share a Redis. */
export interface RedisContext {
  redis: Redis
  /** Put before every key (`gie:` by default); tests give each case its own. */
  prefix: string
}

/** Reconnect waits: quickly at first, then every 2 s for as long as it takes. */
const reconnectDelay = (attempt: number) => Math.min(50 * 2 ** attempt, 2_000)

/**
 * A client for `url`, not yet connected. ioredis is loaded here, on first use: an emulator that
 * keeps its state in memory never pays the 60-70 ms it takes to load.
 */
export async function createRedisClient(url: string): Promise<Redis> {
  const { Redis } = await import('ioredis')
  return new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: reconnectDelay,
    // Idle replicas stay connected; a dead peer is noticed by the OS, not by a request.
    keepAlive: 10_000,
  })
}

/**
 * Connects, or throws a message a person can act on: which URL, and what the network said.
 * At start the emulator stops on it; mid-run ioredis reconnects on its own.
 */
export async function connectRedis(redis: Redis, url: string, timeoutMs = 5_000): Promise<void> {
  // What the network said (ECONNREFUSED, ENOTFOUND...), rather than ioredis's "closed".
  let cause: unknown
  const remember = (err: unknown) => (cause = err)
  redis.on('error', remember)
  const timer = setTimeout(() => {
    cause ??= new Error(`no answer within ${String(timeoutMs)} ms`)
    redis.disconnect()
  }, timeoutMs)
  try {
    await redis.connect()
    await redis.ping()
  } catch (err) {
    redis.disconnect()
    throw new RedisUnreachable(url, cause ?? err)
  } finally {
    clearTimeout(timer)
    redis.off('error', remember)
  }
}

/** A Redis the emulator was told to share state through does not answer: the start stops. */
export class RedisUnreachable extends Error {
  override readonly name = 'RedisUnreachable'
  /** The line a failed start prints under the message. */
  readonly hint =
    'Start Redis there, or leave out --redis-url (EMULATOR_REDIS_URL) to keep state in memory.'

  constructor(url: string, cause: unknown) {
    const why = cause instanceof Error && cause.message ? cause.message : 'connection closed'
    super(`cannot reach Redis at ${maskUrl(url)}: ${why}`, { cause })
  }
}

/** The URL with any password masked, for messages and the banner. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return url
  }
}
