/**
 * What every Redis store test file needs: its own redis-server, connections to it (the emulator's
 * own kind, from `createRedisClient`) that are closed when the file is done, a fresh key prefix
 * for each case, and stores of several replicas, each on its own connection, sharing one prefix.
 *
 *   const db = useRedis('journal') // at the top of the file; tests go in `describeWithRedis`
 *   const [a, b] = await db.replicas(2, (context) => createRedisJournal(context, 10))
 *
 * `useRedis` registers the file's beforeAll (start the server) and afterAll (disconnect every
 * client, stop the server); where redis-server is missing `describeWithRedis` skips every test,
 * and vitest then runs neither hook.
 */
import type { Redis } from 'ioredis'
import { afterAll, beforeAll } from 'vitest'
import {
  connectRedis,
  createRedisClient,
  type RedisContext,
} from '../../src/core/state/redis/connection.js'
import { freePort, startRedisServer, type RedisServer } from './redis-server.js'

export type { RedisContext }

export interface RedisHarness {
  /** The file's redis-server (url, port, stop, start); there from beforeAll on. */
  readonly server: RedisServer
  /** A new client, connected; disconnected in afterAll. */
  connect(): Promise<Redis>
  /** A client to a port nothing listens on, its errors ignored; disconnected in afterAll. */
  unreachable(): Promise<Redis>
  /** A key prefix no other case of the file has used: `<label>-<n>:`. */
  freshPrefix(): string
  /** `count` stores, each built on its own connection, all under one fresh prefix. */
  replicas<T>(
    count: number,
    build: (context: RedisContext, index: number) => T | Promise<T>,
  ): Promise<T[]>
}

/** Starts a redis-server for this file; `label` begins every prefix it hands out. */
export function useRedis(label: string): RedisHarness {
  let server: RedisServer | undefined
  const clients: Redis[] = []
  let cases = 0

  beforeAll(async () => {
    server = await startRedisServer()
  })
  afterAll(async () => {
    for (const client of clients.splice(0)) client.disconnect()
    await server?.stop()
  })

  const harness: RedisHarness = {
    get server() {
      if (!server) throw new Error('the redis-server starts in beforeAll: use it in a test')
      return server
    },
    async connect() {
      const { url } = harness.server
      const redis = await createRedisClient(url)
      clients.push(redis)
      await connectRedis(redis, url)
      return redis
    },
    async unreachable() {
      const redis = await createRedisClient(`redis://127.0.0.1:${String(await freePort())}`)
      redis.on('error', () => undefined)
      clients.push(redis)
      return redis
    },
    freshPrefix: () => `${label}-${String(++cases)}:`,
    async replicas(count, build) {
      const prefix = harness.freshPrefix()
      return Promise.all(
        Array.from({ length: count }, async (_, index) =>
          build({ redis: await harness.connect(), prefix }, index),
        ),
      )
    },
  }
  return harness
}
