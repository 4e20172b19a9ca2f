/**
 * Webhook endpoints that a provider's dashboard would hold (skills.video configures them there,
 * not per request); here the control plane adds and removes them.
 */
import type { Random } from '../random.js'
import type { Async } from '../state/async.js'

export interface WebhookEndpoint {
  id: string
  namespace: string
  provider: string
  url: string
  /** Event names to send; null for all. */
  events: string[] | null
  /** `whsec_...`, the Standard Webhooks signing secret. */
  secret: string
  createdAt: number
}

export interface WebhookEndpoints {
  add(
    endpoint: Omit<WebhookEndpoint, 'id' | 'secret' | 'createdAt'> & { secret?: string },
  ): WebhookEndpoint
  list(filter?: { namespace?: string; provider?: string }): WebhookEndpoint[]
  /** Endpoints of a provider and namespace that want `event`. */
  subscribedTo(provider: string, namespace: string, event: string): WebhookEndpoint[]
  /** Removes `id` when it belongs to `namespace`: another namespace's endpoint is left alone. */
  remove(id: string, namespace: string): boolean
  reset(namespace?: string): void
}

/** Webhook endpoints as every store answers them (in memory, or shared on Redis). */
export type WebhookStore = Async<WebhookEndpoints>

export function createWebhookEndpoints(options: {
  randomFor: (namespace: string) => Random
  now: () => number
}): WebhookEndpoints {
  const endpoints = new Map<string, WebhookEndpoint>()
  return {
    add(input) {
      const endpoint = drawEndpoint(input, options.randomFor(input.namespace), options.now())
      endpoints.set(endpoint.id, endpoint)
      return endpoint
    },
    list: (filter = {}) =>
      [...endpoints.values()].filter(
        (e) =>
          (filter.namespace === undefined || e.namespace === filter.namespace) &&
          (filter.provider === undefined || e.provider === filter.provider),
      ),
    subscribedTo: (provider, namespace, event) =>
      [...endpoints.values()].filter(
        (e) =>
          e.provider === provider &&
          e.namespace === namespace &&
          (e.events === null || e.events.includes(event)),
      ),
    remove: (id, namespace) => endpoints.get(id)?.namespace === namespace && endpoints.delete(id),
    reset(namespace) {
      for (const [id, e] of [...endpoints])
        if (namespace === undefined || e.namespace === namespace) endpoints.delete(id)
    },
  }
}

/** The endpoint `input` asks for, its id (and its secret, unless given) drawn from `random`. */
export function drawEndpoint(
  { secret, ...fields }: Parameters<WebhookEndpoints['add']>[0],
  random: Random,
  createdAt: number,
): WebhookEndpoint {
  return {
    ...fields,
    id: `ep_${random.hex(24)}`,
    secret: secret ?? `whsec_${Buffer.from(random.hex(48), 'hex').toString('base64')}`,
    createdAt,
  }
}
