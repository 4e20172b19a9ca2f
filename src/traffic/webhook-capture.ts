/**
 * Record mode's webhook capture: providers that send webhooks to a URL set in their dashboard
 * (skills.video) get one capture URL for the whole run, printed at start for the user to set
 * there. What arrives is recorded as a webhook of the task it names, which replay sends again
 * after the response that first named the task, and is passed on at once to the endpoints the
 * application registered here.
 */
import type { Context } from 'hono'
import type { EmulatorEnv } from '../core/http/env.js'
import type { AnyProvider } from '../providers/descriptor.js'
import type { BlobStore } from './blobs.js'
import type { Cassette } from './cassette.js'
import { callbackEntry } from './callback-entry.js'
import { webhookTaskId } from './hints.js'
import { redactPath } from '../core/redact.js'
import { parseJson, sendWebhook, webhookEvent, type WebhookSender } from './webhook-send.js'
import { DEFAULT_NAMESPACE } from '../core/steering/decode.js'

export interface WebhookCapture {
  provider: AnyProvider
  cassette: Cassette
  blobs: BlobStore
  /** Passes what arrives on to the application's endpoints (`/__emulator/webhooks`). */
  sender: WebhookSender
}

export async function receiveWebhook(
  c: Context<EmulatorEnv>,
  capture: WebhookCapture & { token: string },
): Promise<Response> {
  const started = Date.now()
  const bytes = Buffer.from(await c.req.arrayBuffer())
  const text = bytes.toString('utf8')
  const body = parseJson(text)
  const taskId = webhookTaskId(capture.provider.traffic, body)
  // The real service knows no namespaces: its webhooks go to the default one's endpoints.
  await sendWebhook(capture.sender, {
    provider: capture.provider.id,
    namespace: DEFAULT_NAMESPACE,
    taskId: taskId ?? 'unknown',
    event: webhookEvent(body),
    body: text,
  })
  const url = new URL(c.req.url)
  // Recorded beside the answer: image downloads must not make the sender time out and retry.
  void callbackEntry({
    provider: capture.provider.id,
    started,
    url: `${url.origin}${redactPath(url.pathname)}`,
    headers: c.req.raw.headers,
    bytes,
    blobs: capture.blobs,
    secrets: [capture.token],
    status: 200,
    link: { webhook: true, ...(taskId && { taskId }) },
  })
    .then((entry) => capture.cassette.append(entry))
    .catch((err: unknown) => {
      console.error('[gpt-image-emulator] recording a webhook failed:', err)
    })
  return c.body(null, 200)
}
