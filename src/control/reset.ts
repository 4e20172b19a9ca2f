/**
 * `POST /__emulator/reset`: forget one namespace's tasks, journal, credits, keys, faults and
 * webhooks, named by the body's `namespace` or the `X-Emulator-Namespace` header; or everything,
 * when neither names one. A header-scoped test must never wipe its neighbours.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { Runtime } from '../runtime.js'
import type { EmulatorEnv } from '../core/http/env.js'
import { namedNamespaceOf } from '../core/steering/middleware.js'
import { readControlBody } from './validate.js'

const ResetRequest = z.strictObject({
  namespace: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .optional(),
})

export function createResetRoutes(runtime: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  app.post('/reset', async (c) => {
    const body = await readControlBody(c, ResetRequest)
    const namespace = body.namespace ?? namedNamespaceOf(c)
    await runtime.reset(namespace)
    return c.json({ reset: namespace ?? 'all' })
  })
  return app
}
