/**
 * `POST /__emulator/reset`: forget everything, or one namespace's tasks, journal, credits, keys,
 * faults and webhooks.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { Runtime } from '../runtime.js'
import type { EmulatorEnv } from '../core/http/env.js'
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
    const { namespace } = await readControlBody(c, ResetRequest)
    runtime.reset(namespace)
    return c.json({ reset: namespace ?? 'all' })
  })
  return app
}
