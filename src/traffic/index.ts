/**
 * Wires the traffic mode into the app: in `record` and `replay` a middleware in front of each
 * provider's mount forwards or replays its requests; in `emulate` nothing is added. The record and
 * replay machinery loads only in those modes (`loadTraffic`, before the app is built): an
 * emulating start does not wait for it.
 */
import type { Hono, MiddlewareHandler } from 'hono'
import { resolve } from 'node:path'
import type { Runtime } from '../runtime.js'
import type { EmulatorEnv } from '../core/http/env.js'
import type { AnyProvider } from '../providers/descriptor.js'

interface TrafficModules {
  blobs: typeof import('./blobs.js')
  cassette: typeof import('./cassette.js')
  capture: typeof import('./capture.js')
  record: typeof import('./record.js')
  replay: typeof import('./replay.js')
}

let loaded: TrafficModules | undefined

/** Loads what `mode` needs (nothing to emulate); `createTraffic` then builds it synchronously. */
export async function loadTraffic(mode: Runtime['config']['mode']): Promise<void> {
  if (mode === 'emulate' || loaded) return
  const [blobs, cassette, capture, record, replay] = await Promise.all([
    import('./blobs.js'),
    import('./cassette.js'),
    import('./capture.js'),
    import('./record.js'),
    import('./replay.js'),
  ])
  loaded = { blobs, cassette, capture, record, replay }
}

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
  if (!loaded) throw new Error(`${config.mode} mode: await loadTraffic(mode) before createApp`)
  const { openBlobStore } = loaded.blobs
  const { openCassette } = loaded.cassette
  const { createCaptures } = loaded.capture
  const { recordTraffic } = loaded.record
  const { createReplayer } = loaded.replay
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
