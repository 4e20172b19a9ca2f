/**
 * Wires the traffic mode into the app: in `record` and `replay` a middleware in front of each
 * provider's mount forwards or replays its requests; in `emulate` nothing is added.
 */
import type { Hono, MiddlewareHandler } from 'hono'
import { resolve } from 'node:path'
import type { Runtime } from '../runtime.js'
import type { EmulatorEnv } from '../core/http/env.js'
import type { AnyProvider } from '../providers/descriptor.js'
import { openBlobStore } from './blobs.js'
import { openCassette } from './cassette.js'
import { createCaptures } from './capture.js'
import { recordTraffic } from './record.js'
import { createReplayer } from './replay.js'

/** Middleware per provider (absent: emulated), and the capture routes for record mode. */
export function createTraffic(
  runtime: Runtime,
  providers: readonly AnyProvider[],
): {
  middleware: Partial<Record<string, MiddlewareHandler<EmulatorEnv>>>
  captureRoutes?: Hono<EmulatorEnv>
} {
  const { config } = runtime
  if (config.mode === 'emulate') return { middleware: {} }
  const dir = resolve(config.cassettes)
  const blobs = openBlobStore(dir)
  const middleware: Partial<Record<string, MiddlewareHandler<EmulatorEnv>>> = {}

  if (config.mode === 'record') {
    const captures = createCaptures(runtime.randomFor('record', 'capture-tokens'))
    for (const provider of providers) {
      const { id, realBaseUrl } = provider
      const upstream = (config.upstreams as Partial<Record<string, string>>)[id] ?? realBaseUrl
      if (!upstream) continue // no upstream known (OceanBase's is per account): emulated
      middleware[id] = recordTraffic({
        provider,
        upstream,
        cassette: openCassette(dir, id),
        blobs,
        captures: captures.registry,
        publicUrl: config.publicUrl,
        random: runtime.randomFor('record'),
      })
    }
    return { middleware, captureRoutes: captures.routes }
  }

  for (const provider of providers) {
    const replayer = createReplayer({
      provider,
      cassette: openCassette(dir, provider.id),
      blobs,
      files: runtime.images,
      deliveries: runtime.deliveries,
      random: runtime.randomFor('replay'),
      publicUrl: config.publicUrl,
      onMissing: config.replayMissing,
    })
    runtime.onReset(() => replayer.rewind())
    middleware[provider.id] = replayer.middleware
  }
  return { middleware }
}
