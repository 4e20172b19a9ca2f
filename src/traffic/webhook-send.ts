/**
 * Sends a webhook body, recorded or just received, to the endpoints the application registered
 * through `/__emulator/webhooks` (the stand-in for the provider's dashboard), signed with each
 * endpoint's own secret, as emulated webhooks are: the application verifies them the same way in
 * every mode.
 */
import type { DeliveryQueue } from '../core/callbacks/delivery-queue.js'
import type { WebhookEndpoints } from '../core/callbacks/webhook-endpoints.js'
import { standardWebhookHeaders } from '../core/callbacks/standard-webhooks.js'
import type { Random } from '../core/random.js'

export interface WebhookSender {
  deliveries: Pick<DeliveryQueue, 'enqueue'>
  webhooks: Pick<WebhookEndpoints, 'subscribedTo'>
  random: Random
}

export interface WebhookToSend {
  provider: string
  namespace: string
  taskId: string
  /** The event name (`task.completed`), from the body's `type`. */
  event: string
  body: string
}

/** Queues one delivery per subscribed endpoint; returns how many. */
export function sendWebhook(sender: WebhookSender, webhook: WebhookToSend): number {
  const endpoints = sender.webhooks.subscribedTo(webhook.provider, webhook.namespace, webhook.event)
  for (const endpoint of endpoints) {
    const id = `msg_${sender.random.hex(24)}`
    sender.deliveries.enqueue({
      id,
      provider: webhook.provider,
      namespace: webhook.namespace,
      taskId: webhook.taskId,
      event: webhook.event,
      url: endpoint.url,
      body: webhook.body,
      headers: (attemptAt) =>
        standardWebhookHeaders(endpoint.secret, id, new Date(attemptAt), webhook.body),
    })
  }
  return endpoints.length
}

/** The event a webhook body names (`type`), or `webhook`. */
export function webhookEvent(body: unknown): string {
  const type = (body as { type?: unknown } | null)?.type
  return typeof type === 'string' ? type : 'webhook'
}

/** `text` parsed as JSON, or undefined when it is not JSON (a webhook body may be anything). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
