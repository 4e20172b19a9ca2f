/**
 * Record mode: provider requests are forwarded to the real upstream and written to cassettes.
 * The application gets the upstream's answer as it streams; recording happens beside it.
 * `callback_url`s are pointed at the emulator's capture route, so the upstream's callbacks are
 * recorded too before they are passed on to the application.
 */
import type { MiddlewareHandler } from 'hono'
import type { EmulatorEnv } from '../core/http/env.js'
import type { Random } from '../core/random.js'
import { publicOrigin } from '../core/http/public-origin.js'
import { EmulatorError } from '../core/errors/emulator-error.js'
import type { BlobStore } from './blobs.js'
import { externalizeBase64, mapSseData } from './blobs.js'
import type { Cassette, HarEntry, HarHeader } from './cassette.js'
import { HOP_BY_HOP, redactHeaders, redactJson, redactUrl, scrubSecrets } from './redact.js'
import { readRequest } from './request-shape.js'
import { withCallbackUrl } from './hints.js'
import type { AnyProvider } from '../providers/descriptor.js'
import { downloadImages } from './images.js'

export interface CaptureRegistry {
  /** A capture URL that stands in for `target`; its callbacks are recorded against `entry()`. */
  register(target: string, origin: string, record: CapturedCallback): string
}

export interface CapturedCallback {
  provider: string
  cassette: Cassette
  blobs: BlobStore
  secrets: string[]
  /** Resolves to the index of the request entry the callback belongs to. */
  requestEntry: Promise<number>
}

export interface RecordOptions {
  provider: AnyProvider
  upstream: string
  cassette: Cassette
  blobs: BlobStore
  captures: CaptureRegistry
  publicUrl?: string
  random: Random
}

export function recordTraffic({
  provider,
  upstream,
  cassette,
  blobs,
  captures,
  publicUrl,
}: RecordOptions): MiddlewareHandler<EmulatorEnv> {
  return async function recordTraffic(c) {
    const started = Date.now()
    const place = cassette.reserve()
    const request = await readRequest(c, provider, blobs).catch((err: unknown) => {
      place.drop()
      throw err
    })
    const target = new URL(upstream.replace(/\/+$/, '') + request.shape.path)
    // The upstream gets the query as sent; the shape's copy has its secrets redacted.
    target.search = new URL(c.req.url).search

    let resolveEntry!: (index: number) => void
    const entryIndex = new Promise<number>((resolve) => (resolveEntry = resolve))
    // The upstream calls the emulator back, which records the callback and passes it on.
    const forwarded = withCallbackUrl(
      provider.traffic?.callbackUrl,
      {
        url: target,
        headers: forwardHeaders(c.req.raw.headers),
        bytes: request.bytes,
        contentType: request.contentType,
      },
      (url) => {
        const capture = captures.register(url, publicOrigin(c, { publicUrl }), {
          provider: provider.id,
          cassette,
          blobs,
          secrets: request.secrets,
          requestEntry: entryIndex,
        })
        // The capture token lets anyone post "callbacks" into this recording: never recorded.
        request.secrets.push(capture.slice(capture.lastIndexOf('/') + 1))
        return capture
      },
    )

    const upstreamResponse = await fetch(forwarded.url, {
      method: c.req.method,
      headers: forwarded.headers,
      body: forwarded.bytes && new Uint8Array(forwarded.bytes),
      redirect: 'manual',
    }).catch((err: unknown) => {
      place.drop()
      const { cause, message } = err as { cause?: unknown; message?: unknown }
      throw new EmulatorError(
        502,
        'upstream_unreachable',
        `Recording ${provider.id}: ${target.origin} did not answer (${String(cause ?? message)}).`,
      )
    })
    const headers = new Headers()
    upstreamResponse.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') headers.set(name, value)
    })
    const [toClient, toCassette] = upstreamResponse.body
      ? upstreamResponse.body.tee()
      : [null, null]

    void (async () => {
      const bytes = toCassette
        ? Buffer.from(await new Response(toCassette).arrayBuffer())
        : Buffer.alloc(0)
      const mimeType = upstreamResponse.headers.get('content-type') ?? ''
      const entry: HarEntry = {
        startedDateTime: new Date(started).toISOString(),
        time: Date.now() - started,
        request: {
          method: c.req.method,
          url: redactUrl(target.toString()),
          httpVersion: 'HTTP/1.1',
          headers: redactHeaders(c.req.raw.headers),
          queryString: request.shape.query.map(([name, value]) => ({ name, value })),
          ...(request.bytes && {
            postData: request.params
              ? { mimeType: request.contentType ?? '', params: request.params }
              : {
                  mimeType: request.contentType ?? '',
                  text: textOf(request.bytes, request.contentType ?? '', blobs, request.secrets),
                },
          }),
          headersSize: -1,
          bodySize: request.bytes?.length ?? 0,
        },
        response: {
          status: upstreamResponse.status,
          statusText: upstreamResponse.statusText,
          httpVersion: 'HTTP/1.1',
          headers: redactHeaders(upstreamResponse.headers).filter(
            (h: HarHeader) => h.name !== 'content-encoding',
          ),
          content: contentOf(bytes, mimeType, blobs, request.secrets),
          redirectURL: '',
          headersSize: -1,
          bodySize: bytes.length,
        },
        cache: {},
        timings: { send: 0, wait: Date.now() - started, receive: 0 },
        _emulator: {
          provider: provider.id,
          kind: 'request',
          canonical: scrubSecrets(request.canonical, request.secrets),
          identity: request.identity,
          images: await downloadImages(bytes, mimeType, blobs, request.bytes?.toString('utf8')),
        },
      }
      resolveEntry(await place.fill(entry))
    })().catch((err: unknown) => {
      place.drop()
      console.error('[gpt-image-emulator] recording failed:', err)
    })

    return new Response(toClient, { status: upstreamResponse.status, headers })
  }
}

/** Request headers to send upstream: no hop-by-hop ones, and no `X-Emulator-*`. */
function forwardHeaders(headers: Headers): Headers {
  const out = new Headers()
  headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name) && !name.startsWith('x-emulator-')) out.set(name, value)
  })
  return out
}

/**
 * A body as cassette text: JSON with base64 in blobs and secrets redacted; SSE likewise per
 * frame.
 */
export function textOf(
  bytes: Buffer,
  mimeType: string,
  blobs: BlobStore,
  secrets: string[],
): string {
  const text = scrubSecrets(bytes.toString('utf8'), secrets)
  const clean = (json: unknown) => redactJson(externalizeBase64(json, blobs))
  if (mimeType.includes('text/event-stream')) return mapSseData(text, clean)
  try {
    return JSON.stringify(clean(JSON.parse(text)), null, 2)
  } catch {
    return text
  }
}

function contentOf(
  bytes: Buffer,
  mimeType: string,
  blobs: BlobStore,
  secrets: string[],
): HarEntry['response']['content'] {
  const textual = mimeType === '' || /json|text|event-stream|yaml|xml/.test(mimeType)
  if (!textual) return { size: bytes.length, mimeType, _file: blobs.put(bytes) }
  return { size: bytes.length, mimeType, text: textOf(bytes, mimeType, blobs, secrets) }
}
