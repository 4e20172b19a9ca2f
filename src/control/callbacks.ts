/**
 * `/__emulator/webhooks`: webhook endpoints (skills.video configures them in its dashboard), and
 * `/__emulator/deliveries`: every callback and webhook sent, with each attempt.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { Runtime } from '../runtime.js'
import type { EmulatorEnv } from '../core/http/env.js'
import type { components } from '../generated/emulator.js'
import { EmulatorError } from '../core/errors/emulator-error.js'
import { namespaceOf } from '../core/steering/middleware.js'
import { redactUrl } from '../core/redact.js'
import { readControlBody } from './validate.js'
import { providers, type ProviderId } from '../providers/index.js'
import { checkCallbackTarget } from '../core/callbacks/target-policy.js'
import { Failure } from '../core/errors/failure.js'
import type { DeliveryAttempt, DeliverySummary } from '../core/callbacks/delivery.js'
import type { WebhookEndpoint } from '../core/callbacks/webhook-endpoints.js'

type Schemas = components['schemas']

/** Providers whose webhooks are configured out of band rather than per request. */
export const WEBHOOK_PROVIDERS = providers.filter((p) => p.webhooks).map((p) => p.id) as [
  ProviderId,
  ...ProviderId[],
]
export const WEBHOOK_EVENTS = [
  'task.created',
  'task.started',
  'task.completed',
  'task.failed',
  'task.canceled',
] as const

const NewEndpoint = z.strictObject({
  provider: z.enum(WEBHOOK_PROVIDERS).default(WEBHOOK_PROVIDERS[0]),
  url: z.url({ protocol: /^https?$/ }),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).optional(),
  secret: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/=]{16,}$/, 'a whsec_ secret with a base64 key')
    .optional(),
})

export function createCallbackRoutes(runtime: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()

  app.get('/webhooks', async (c) => {
    const body: Schemas['WebhookEndpointList'] = {
      endpoints: (await runtime.webhooks.list({ namespace: namespaceOf(c) })).map(toEndpointWire),
    }
    return c.json(body)
  })

  app.post('/webhooks', async (c) => {
    const input = await readControlBody(c, NewEndpoint)
    // Webhook endpoints are callback targets too: the same policy as a callback_url.
    try {
      checkCallbackTarget(input.url, runtime.config.callbacks)
    } catch (err) {
      if (!(err instanceof Failure)) throw err
      throw new EmulatorError(422, 'invalid_field', err.message.replace('callback_url', 'url'), {
        field: 'url',
      })
    }
    const endpoint = await runtime.webhooks.add({
      ...input,
      namespace: namespaceOf(c),
      events: input.events ?? null,
    })
    return c.json(toEndpointWire(endpoint), 201)
  })

  app.delete('/webhooks/:id', async (c) => {
    const id = c.req.param('id')
    // Another namespace's endpoint is as absent as one that never existed.
    if (!(await runtime.webhooks.remove(id, namespaceOf(c)))) {
      throw new EmulatorError(
        404,
        'not_found',
        `No webhook endpoint '${id}' in namespace '${namespaceOf(c)}'.`,
        { field: 'id' },
      )
    }
    return c.body(null, 204)
  })

  app.get('/deliveries', async (c) => {
    const filter = {
      namespace: namespaceOf(c),
      taskId: c.req.query('task_id'),
      provider: c.req.query('provider'),
    }
    const [deliveries, attempts] = await Promise.all([
      runtime.deliveries.deliveries(filter),
      runtime.deliveries.attempts(filter),
    ])
    const body: Schemas['DeliveryList'] = {
      deliveries: deliveries.map((d) => toDeliveryWire(d, attempts)),
    }
    return c.json(body)
  })

  app.post('/deliveries/:id/redeliver', async (c) => {
    const id = c.req.param('id')
    const namespace = namespaceOf(c)
    const result = await runtime.deliveries.redeliver(id, namespace)
    if ('refused' in result) throw redeliverRefusal(result.refused, id, namespace)
    const attempts = await runtime.deliveries.attempts({ namespace, taskId: result.sent.taskId })
    const body: Schemas['Redelivery'] = { delivery: toDeliveryWire(result.sent, attempts) }
    return c.json(body, 202)
  })

  return app
}

function toDeliveryWire(d: DeliverySummary, attempts: DeliveryAttempt[]): Schemas['Delivery'] {
  return {
    id: d.id,
    provider: d.provider,
    task_id: d.taskId,
    event: d.event,
    url: redactUrl(d.url),
    status: d.status,
    attempts: attempts
      .filter((a) => a.deliveryId === d.id)
      .map((a) => ({
        attempt: a.attempt,
        at: new Date(a.at).toISOString(),
        status: a.status,
        latency_ms: a.latencyMs,
        error: a.error,
        outcome: a.outcome,
      })),
  }
}

function redeliverRefusal(
  reason: 'unknown' | 'pending' | 'forgotten',
  id: string,
  namespace: string,
): EmulatorError {
  if (reason === 'unknown')
    return new EmulatorError(404, 'not_found', `No delivery '${id}' in namespace '${namespace}'.`, {
      field: 'id',
    })
  if (reason === 'pending')
    return new EmulatorError(
      409,
      'delivery_pending',
      `Delivery '${id}' is still being delivered: redeliver it once it has finished.`,
      { field: 'id' },
    )
  return new EmulatorError(
    410,
    'delivery_forgotten',
    `Delivery '${id}' is too old to send again: its body is no longer kept.`,
    { field: 'id' },
  )
}

function toEndpointWire(endpoint: WebhookEndpoint): Schemas['WebhookEndpoint'] {
  return {
    id: endpoint.id,
    provider: endpoint.provider,
    url: endpoint.url,
    events: endpoint.events,
    secret: endpoint.secret,
    created_at: new Date(endpoint.createdAt).toISOString(),
  }
}
