/**
 * Replay mode: provider requests are answered from cassettes. A request matches recorded ones by
 * identity (identity.ts); the nth identical request gets the nth recording, and the last one once
 * they run out, so repeated polls replay in sequence. Recorded callbacks are sent again to the
 * callback URL of the replayed request, and recorded webhooks to the endpoints registered here,
 * after the response that first named their task. A request with no match gets an error naming
 * the closest recording, or, when configured, is emulated.
 */
import type { MiddlewareHandler } from 'hono'
import type { EmulatorEnv } from '../core/http/env.js'
import type { ImageStore } from '../core/images/image-files.js'
import type { ImageFormat } from '../core/images/render-image.js'
import type { DeliveryStore } from '../core/callbacks/delivery-queue.js'
import type { Random } from '../core/random.js'
import { EmulatorError } from '../core/errors/emulator-error.js'
import { publicOrigin } from '../core/http/public-origin.js'
import { namespaceOf } from '../core/steering/middleware.js'
import type { BlobStore } from './blobs.js'
import { internalizeBase64, mapSseData } from './blobs.js'
import type { Cassette, HarEntry } from './cassette.js'
import { distance, replayKeyOf } from './identity.js'
import { HOP_BY_HOP } from './redact.js'
import { readRequest } from './request-shape.js'
import { callbackUrlOf, taskIdOfCallback } from './hints.js'
import { parseJson, sendWebhook, webhookEvent, type WebhookSender } from './webhook-send.js'
import { webhooksByRequest } from './webhook-links.js'
import type { AnyProvider } from '../providers/descriptor.js'

export interface ReplayOptions {
  provider: AnyProvider
  cassette: Cassette
  blobs: BlobStore
  /** Where replayed images are kept, to be served from this emulator's `/files/`. */
  files: Pick<ImageStore, 'keep'>
  deliveries: DeliveryStore
  random: Random
  publicUrl?: string
  /** `error` answers an unmatched request with a refusal; `emulate` lets the emulator answer it. */
  onMissing: 'error' | 'emulate'
  /** Whether the key's first characters take part in matching (see identity.ts). */
  matchKey: 'ignore' | 'prefix'
  /** Sends recorded webhooks to the endpoints registered through `/__emulator/webhooks`. */
  webhooks: WebhookSender
}

export interface Replayer {
  middleware: MiddlewareHandler<EmulatorEnv>
  /** Starts every sequence from its first recording again. */
  rewind(): void
}

const FORMATS: Record<string, ImageFormat> = { png: 'png', jpg: 'jpeg', webp: 'webp' }

export function createReplayer(options: ReplayOptions): Replayer {
  const { provider, cassette, blobs, files } = options
  // Looked up by the canonical request itself, recomputed here, so the matching rules can change
  // (the key ignored) without recording again.
  const byIdentity = new Map<string, number[]>()
  cassette.entries.forEach((entry, index) => {
    if (entry._emulator.kind !== 'request' || !entry._emulator.canonical) return
    const key = replayKeyOf(entry._emulator.canonical, options.matchKey)
    const list = byIdentity.get(key) ?? []
    list.push(index)
    byIdentity.set(key, list)
  })
  const webhooks = webhooksByRequest(cassette.entries)
  const served = new Map<string, number>()

  /** Response text with blobs restored and image URLs pointed at this emulator's /files/. */
  const restore = async (
    entry: HarEntry,
    text: string,
    origin: string,
    sse: boolean,
  ): Promise<string> => {
    const json = (value: unknown) => internalizeBase64(value, blobs)
    let out = sse ? mapSseData(text, json) : restoreJson(text, json)
    for (const [url, blob] of Object.entries(entry._emulator.images ?? {})) {
      const name = await files.keep(blobs.get(blob), FORMATS[blob.split('.').pop() ?? ''] ?? 'png')
      out = out.split(url).join(`${origin}/files/${name}`)
    }
    return out
  }

  const middleware: MiddlewareHandler<EmulatorEnv> = async function replayTraffic(c, next) {
    const request = await readRequest(c, provider, blobs)
    const key = replayKeyOf(request.canonical, options.matchKey)
    const candidates = byIdentity.get(key)
    if (!candidates) {
      if (options.onMissing === 'emulate') return next()
      throw noRecording(request.canonical, cassette)
    }
    const turn = served.get(key) ?? 0
    served.set(key, turn + 1)
    const index = candidates[Math.min(turn, candidates.length - 1)]!
    const entry = cassette.entries[index]!
    const origin = publicOrigin(c, { publicUrl: options.publicUrl })
    const { response } = entry
    const sse = response.content.mimeType.includes('text/event-stream')
    const headers = new Headers()
    for (const { name, value } of response.headers)
      if (!HOP_BY_HOP.has(name)) headers.set(name, value)
    const body = response.content._file
      ? new Uint8Array(blobs.get(response.content._file))
      : response.content.text === undefined
        ? null
        : await restore(entry, response.content.text, origin, sse)

    const callbackUrl = callbackUrlOf(provider.traffic?.callbackUrl, {
      url: new URL(c.req.url),
      headers: c.req.raw.headers,
      bytes: request.bytes,
      contentType: request.contentType,
    })
    if (callbackUrl) await resendCallbacks(index, callbackUrl, c, origin)
    for (const webhook of webhooks.get(index) ?? []) {
      const text = await restore(webhook, webhook.request.postData?.text ?? '', origin, false)
      await sendWebhook(options.webhooks, {
        provider: provider.id,
        namespace: namespaceOf(c),
        taskId: webhook._emulator.taskId ?? 'unknown',
        event: webhookEvent(parseJson(text)),
        body: text,
      })
    }
    return new Response(body, { status: response.status, headers })
  }

  /** Sends the callbacks recorded for entry `index` to the replayed request's callback URL. */
  async function resendCallbacks(
    index: number,
    callbackUrl: string,
    c: Parameters<MiddlewareHandler<EmulatorEnv>>[0],
    origin: string,
  ): Promise<void> {
    for (const [i, entry] of cassette.entries.entries()) {
      if (entry._emulator.kind !== 'callback' || entry._emulator.requestEntry !== index) continue
      const text = await restore(entry, entry.request.postData?.text ?? '', origin, false)
      const recordedHeaders = Object.fromEntries(
        entry.request.headers
          .filter(({ name }) => !HOP_BY_HOP.has(name) && name !== 'content-type')
          .map(({ name, value }) => [name, value]),
      )
      await options.deliveries.enqueue({
        id: `replay_${options.random.hex(16)}_${i}`,
        provider: provider.id,
        namespace: namespaceOf(c),
        taskId: taskIdOfCallback(provider.traffic, text),
        event: 'replayed-callback',
        url: callbackUrl,
        body: text,
        headers: { fixed: recordedHeaders },
      })
    }
  }

  return { middleware, rewind: () => served.clear() }
}

function restoreJson(text: string, transform: (json: unknown) => unknown): string {
  try {
    return JSON.stringify(transform(JSON.parse(text)))
  } catch {
    return text
  }
}

function noRecording(canonical: string, cassette: Cassette): EmulatorError {
  const recorded = cassette.entries.filter(
    (e) => e._emulator.kind === 'request' && e._emulator.canonical,
  )
  const closest = recorded
    .map((e) => ({ e, d: distance(canonical, e._emulator.canonical!) }))
    .sort((a, b) => a.d - b.d)[0]
  const [method, path] = JSON.parse(canonical) as [string, string]
  const hint = closest
    ? ` The closest recording is ${closest.e.request.method} ` +
      `${new URL(closest.e.request.url).pathname} (${closest.e._emulator.canonical}).`
    : ` The ${cassette.provider} cassette has no recordings.`
  return new EmulatorError(
    404,
    'no_recording',
    `No recording matches ${method} ${path} (${canonical}).${hint}`,
  )
}
