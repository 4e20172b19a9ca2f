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
import { recordUpstream } from './preflight.js'
// Static: preflight.ts (imported by server.ts at start) already loads it for cassettePath.
import { openCassette } from './cassette.js'

interface TrafficModules {
  blobs: typeof import('./blobs.js')
  capture: typeof import('./capture.js')
  record: typeof import('./record.js')
  replay: typeof import('./replay.js')
}

let loaded: TrafficModules | undefined

/** Loads what `mode` needs (nothing to emulate); `createTraffic` then builds it synchronously. */
export async function loadTraffic(mode: Runtime['config']['mode']): Promise<void> {
  if (mode === 'emulate' || loaded) return
  const [blobs, capture, record, replay] = await Promise.all([
    import('./blobs.js'),
    import('./capture.js'),
    import('./record.js'),
    import('./replay.js'),
  ])
  loaded = { blobs, capture, record, replay }
}

/** What record or replay does with each mounted provider, for the start banner. */
export interface TrafficInfo {
  mode: 'record' | 'replay'
  /** Record: the upstream, or none (emulated). Replay: how many recordings it has. */
  providers: { id: string; upstream?: string; recordings?: number }[]
  /** Record: per provider with dashboard webhooks, the capture path to register there. */
  webhookCaptures: Record<string, string>
}

const infos = new WeakMap<Runtime, TrafficInfo>()

/** What createTraffic set up for `runtime`; undefined when emulating. */
export function trafficInfo(runtime: Runtime): TrafficInfo | undefined {
  return infos.get(runtime)
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
  const { createCaptures } = loaded.capture
  const { recordTraffic } = loaded.record
  const { createReplayer } = loaded.replay
  const dir = resolve(config.cassettes)
  const blobs = openBlobStore(dir)
  const middleware: Partial<Record<string, MiddlewareHandler<EmulatorEnv>>> = {}
  const info: TrafficInfo = { mode: config.mode, providers: [], webhookCaptures: {} }
  infos.set(runtime, info)
  const sender = {
    deliveries: runtime.deliveries,
    webhooks: runtime.webhooks,
    random: runtime.randomFor(config.mode, 'webhook-ids'),
  }

  if (config.mode === 'record') {
    const captures = createCaptures()
    for (const provider of providers) {
      const { id } = provider
      const upstream = recordUpstream(config, id)
      info.providers.push({ id, upstream })
      if (!upstream) continue // no upstream (OceanBase's is per account), named in --providers
      const cassette = openCassette(dir, id)
      middleware[id] = recordTraffic({
        provider,
        upstream,
        cassette,
        blobs,
        captures: captures.registry,
        publicUrl: config.publicUrl,
        random: runtime.randomFor('record'),
      })
      if (provider.webhooks)
        info.webhookCaptures[id] = captures.registry.registerWebhooks({
          provider,
          cassette,
          blobs,
          sender,
        })
    }
    return { middleware, captureRoutes: captures.routes }
  }

  for (const provider of providers) {
    const cassette = openCassette(dir, provider.id)
    info.providers.push({
      id: provider.id,
      recordings: cassette.entries.filter((e) => e._emulator.kind === 'request').length,
    })
    const replayer = createReplayer({
      provider,
      cassette,
      blobs,
      files: runtime.images,
      deliveries: runtime.deliveries,
      random: runtime.randomFor('replay'),
      publicUrl: config.publicUrl,
      onMissing: config.replayMissing,
      matchKey: config.replayMatchKey,
      webhooks: sender,
    })
    runtime.onReset(() => replayer.rewind())
    middleware[provider.id] = replayer.middleware
  }
  return { middleware }
}
