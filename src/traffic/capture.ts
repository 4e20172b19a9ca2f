/**
 * The capture routes of record mode, `/__emulator/capture/<token>`, each token standing for:
 * - a task's callback URL: the upstream POSTs the callback here, it is recorded in the cassette
 *   and passed on, unchanged, to the callback URL the application gave; the upstream sees the
 *   application's answer, so its retries behave as they would without the emulator in between;
 * - a provider's webhooks (skills.video's, set in its dashboard): see webhook-capture.ts.
 */
import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import type { EmulatorEnv } from '../core/http/env.js'
import { EmulatorError } from '../core/errors/emulator-error.js'
import type { CaptureRegistry, CapturedCallback } from './record.js'
import { HOP_BY_HOP, redactUrl } from './redact.js'
import { callbackEntry } from './callback-entry.js'
import { receiveWebhook, type WebhookCapture } from './webhook-capture.js'

type Capture =
  | (CapturedCallback & { kind: 'callback'; target: string })
  | (WebhookCapture & { kind: 'webhooks'; token: string })

export interface Captures {
  registry: CaptureRegistry & {
    /** The path (`/__emulator/capture/<token>`) to register in the provider's dashboard. */
    registerWebhooks(capture: WebhookCapture): string
  }
  routes: Hono<EmulatorEnv>
}

/**
 * A capture path is its own credential (the route is open to the upstream), so its token comes
 * from the system: a seeded one could be guessed by anyone who knows the default seed.
 */
const captureToken = () => randomBytes(24).toString('hex')

export function createCaptures(): Captures {
  const captures = new Map<string, Capture>()
  const registry: Captures['registry'] = {
    register(target, origin, record) {
      const token = captureToken()
      captures.set(token, { ...record, kind: 'callback', target })
      return `${origin}/__emulator/capture/${token}`
    },
    registerWebhooks(capture) {
      const token = captureToken()
      captures.set(token, { ...capture, kind: 'webhooks', token })
      return `/__emulator/capture/${token}`
    },
  }

  const routes = new Hono<EmulatorEnv>()
  routes.post('/capture/:token', async (c) => {
    const capture = captures.get(c.req.param('token'))
    if (!capture)
      throw new EmulatorError(404, 'not_found', 'No recording is waiting for this callback.')
    if (capture.kind === 'webhooks') return receiveWebhook(c, capture)
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
    const entry = await callbackEntry({
      provider: capture.provider,
      started,
      url: redactUrl(capture.target),
      headers: c.req.raw.headers,
      bytes,
      blobs: capture.blobs,
      secrets: capture.secrets,
      status,
      link: { requestEntry: await capture.requestEntry },
    })
    capture.cassette.append(entry)
    return c.body(null, status as 200)
  })
  return { registry, routes }
}
