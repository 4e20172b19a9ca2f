/**
 * The callback capture route of record mode: the upstream POSTs a task's callback to
 * `/__emulator/capture/<token>`, which records it in the cassette and passes it on, unchanged,
 * to the callback URL the application gave. The upstream sees the application's answer, so its
 * retries behave as they would without the emulator in between.
 */
import { Hono } from 'hono'
import type { EmulatorEnv } from '../core/http/env.js'
import type { Random } from '../core/random.js'
import { EmulatorError } from '../core/errors/emulator-error.js'
import type { CaptureRegistry, CapturedCallback } from './record.js'
import type { HarEntry } from './cassette.js'
import { HOP_BY_HOP, redactHeaders, redactUrl } from './redact.js'
import { textOf } from './record.js'
import { downloadImages } from './images.js'

interface Capture extends CapturedCallback {
  target: string
}

export function createCaptures(random: Random): {
  registry: CaptureRegistry
  routes: Hono<EmulatorEnv>
} {
  const captures = new Map<string, Capture>()
  const registry: CaptureRegistry = {
    register(target, origin, record) {
      const token = random.hex(24)
      captures.set(token, { ...record, target })
      return `${origin}/__emulator/capture/${token}`
    },
  }

  const routes = new Hono<EmulatorEnv>()
  routes.post('/capture/:token', async (c) => {
    const capture = captures.get(c.req.param('token'))
    if (!capture)
      throw new EmulatorError(404, 'not_found', 'No recording is waiting for this callback.')
    const started = Date.now()
    const bytes = Buffer.from(await c.req.arrayBuffer())
    const headers = new Headers()
    c.req.raw.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name)) headers.set(name, value)
    })
    let status = 502
    try {
      const answer = await fetch(capture.target, {
        method: 'POST',
        headers,
        body: new Uint8Array(bytes),
        signal: AbortSignal.timeout(30_000),
        // A redirect is the receiver's answer, passed on as it is: never followed elsewhere.
        redirect: 'manual',
      })
      status = answer.status
      // Only the status is passed on; the body is never read, whatever its size.
      await answer.body?.cancel().catch(() => undefined)
    } catch {
      // The application's receiver is down: the upstream sees a 502 and retries as it would.
    }
    const mimeType = c.req.header('content-type') ?? 'application/json'
    const entry: HarEntry = {
      startedDateTime: new Date(started).toISOString(),
      time: Date.now() - started,
      request: {
        method: 'POST',
        url: redactUrl(capture.target),
        httpVersion: 'HTTP/1.1',
        headers: redactHeaders(c.req.raw.headers),
        queryString: [],
        postData: { mimeType, text: textOf(bytes, mimeType, capture.blobs, capture.secrets) },
        headersSize: -1,
        bodySize: bytes.length,
      },
      response: {
        status,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        headers: [],
        content: { size: 0, mimeType: '' },
        redirectURL: '',
        headersSize: -1,
        bodySize: 0,
      },
      cache: {},
      timings: { send: 0, wait: Date.now() - started, receive: 0 },
      _emulator: {
        provider: capture.provider,
        kind: 'callback',
        requestEntry: await capture.requestEntry,
        images: await downloadImages(bytes, mimeType, capture.blobs),
      },
    }
    capture.cassette.append(entry)
    return c.body(null, status as 200)
  })
  return { registry, routes }
}
