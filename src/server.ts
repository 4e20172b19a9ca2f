/**
 * Starts the emulator's HTTP server and stops it: at once (`close`, for test suites) or
 * gracefully (`shutdown`, for signals); used by main.ts and by tests.
 */
import { getRequestListener, type ServerType } from '@hono/node-server'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolveConfig, type EmulatorConfigInput } from './config.js'
import { createRuntime, type Runtime } from './runtime.js'
import { createApp } from './app.js'
import { loadTraffic, trafficInfo, type TrafficInfo } from './traffic/index.js'
import { preflightTraffic } from './traffic/preflight.js'
import { answerUnreadableRequest } from './core/http/unreadable-request.js'
import type { DeliverySummary } from './core/callbacks/delivery.js'

export interface RunningEmulator {
  /** `http://host:port`, with the port actually bound (useful with port 0). */
  url: string
  port: number
  runtime: Runtime
  /** In record and replay: what happens to each provider's requests, and webhook capture URLs. */
  traffic?: TrafficInfo
  /** Stops listening, waits for in-flight requests and drops pending callbacks. */
  close(): Promise<void>
  /**
   * Stops listening before it returns, then gives in-flight requests and callbacks due within
   * `graceMs` that long; requests still open then are cut. Says what was left undone.
   */
  shutdown(graceMs: number): Promise<ShutdownReport>
}

export interface ShutdownReport {
  /** Callbacks and webhooks not delivered: their retry fell after the deadline, or it cut them. */
  undelivered: DeliverySummary[]
  /** Connections still busy at the deadline, closed unanswered. */
  cutConnections: number
}

export async function startServer(input: EmulatorConfigInput = {}): Promise<RunningEmulator> {
  const config = resolveConfig(input)
  // A record or replay that cannot work stops here, before anything listens.
  preflightTraffic(config, input.providers !== undefined)
  // Record and replay load their machinery now; emulating (the default) has none to load.
  await loadTraffic(config.mode)
  // Replicas share their state through Redis when one is named; a Redis that cannot be reached
  // stops the start here, saying which URL and why.
  // Loaded only then: an emulator that keeps its state in memory never loads a Redis client.
  const shared = config.redis.url
    ? await import('./core/state/redis-stores.js').then((m) => m.connectSharedState(config.redis))
    : undefined
  const runtime = createRuntime(config, shared && { shared })
  const app = createApp(runtime)
  const server = await new Promise<ServerType>((resolve, reject) => {
    // serve() would not pass an errorHandler on: the same listener, built here with one.
    const listener = getRequestListener(app.fetch, {
      hostname: config.host,
      errorHandler: answerUnreadableRequest,
    })
    const s = createServer((incoming, outgoing) => void listener(incoming, outgoing))
    s.once('error', reject)
    s.listen(config.port, config.host, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    runtime,
    traffic: trafficInfo(runtime),
    close: async () => {
      runtime.close()
      await closeServer(server)
    },
    shutdown: async (graceMs) => {
      const deadline = runtime.clock.now() + graceMs
      // Retry timers are unref'd; this keeps the process alive until the drain is done.
      const hold = setInterval(() => undefined, 60_000)
      const [cutConnections] = await Promise.all([
        closeServerBy(server, graceMs),
        runtime.deliveries.drain(deadline),
      ]).finally(() => clearInterval(hold))
      // Once more: a task finishing while the last requests ran may have queued a callback since.
      const undelivered = await runtime.deliveries.drain(deadline)
      runtime.close()
      return { undelivered, cutConnections }
    },
  }
}

/** Closes the server, waiting up to `graceMs` for busy connections; resolves with those cut. */
async function closeServerBy(server: ServerType, graceMs: number): Promise<number> {
  let timer: NodeJS.Timeout | undefined
  // A keep-alive connection goes idle when its last response ends; closed then, not after its
  // keep-alive timeout.
  const idle = setInterval(() => {
    if ('closeIdleConnections' in server) server.closeIdleConnections()
  }, 50)
  const closed = closeServer(server)
    .then(() => false)
    .finally(() => clearInterval(idle))
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)))
  const timedOut = await Promise.race([closed, late])
  clearTimeout(timer)
  if (!timedOut) return 0
  const open = await new Promise<number>((resolve) =>
    server.getConnections((err, count) => resolve(err ? 0 : count)),
  )
  if ('closeAllConnections' in server) server.closeAllConnections()
  await closed
  return open
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()))
    // Idle keep-alive sockets would hold close() open; in-flight requests still finish.
    if ('closeIdleConnections' in server) server.closeIdleConnections()
  })
}
