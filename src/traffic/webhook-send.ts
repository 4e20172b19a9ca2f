/**
 * Sends a webhook body, recorded or just received, to the endpoints the application registered
 * through `/__emulator/webhooks` (the stand-in for the provider's dashboard), signed with each
 * endpoint's own secret, as emulated webhooks are: the application verifies them the same way in
 * every mode.
 */
import type { DeliveryStore } from '../core/callbacks/delivery-queue.js'
import type { WebhookStore } from '../core/callbacks/webhook-endpoints.js'
import type { Random } from '../core/random.js'

export interface WebhookSender {
  deliveries: Pick<DeliveryStore, 'enqueue'>
  webhooks: Pick<WebhookStore, 'subscribedTo'>
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
export async function sendWebhook(sender: WebhookSender, webhook: WebhookToSend): Promise<number> {
  const { webhooks, deliveries, random } = sender
  const endpoints = await webhooks.subscribedTo(webhook.provider, webhook.namespace, webhook.event)
  for (const endpoint of endpoints) {
    const id = `msg_${random.hex(24)}`
    await deliveries.enqueue({
      id,
      provider: webhook.provider,
      namespace: webhook.namespace,
      taskId: webhook.taskId,
      event: webhook.event,
      url: endpoint.url,
      body: webhook.body,
      headers: { standardWebhooks: { secret: endpoint.secret, id } },
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
