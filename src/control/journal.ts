/** `/__emulator/journal`: what each provider request sent and got, newest last. */
import { Hono } from 'hono'
import type { Runtime } from '../runtime.js'
import type { EmulatorEnv } from '../core/http/env.js'
import type { components } from '../generated/emulator.js'
import { EmulatorError } from '../core/errors/emulator-error.js'
import { namespaceOf } from '../core/steering/middleware.js'

type JournalList = components['schemas']['JournalList']

export function createJournalRoutes(runtime: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()

  app.get('/journal', async (c) => {
    const limitText = c.req.query('limit')
    const limit = limitText === undefined ? undefined : Number(limitText)
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
      throw new EmulatorError(
        400,
        'invalid_query',
        `Invalid limit '${limitText}': a whole number from 1.`,
        { field: 'limit' },
      )
    }
    const entries = await runtime.journal.list({
      namespace: namespaceOf(c),
      provider: c.req.query('provider'),
      path: c.req.query('path'),
      method: c.req.query('method'),
    })
    const body: JournalList = {
      entries: (limit === undefined ? entries : entries.slice(-limit)).map((e) => ({
        id: e.id,
        at: new Date(e.at).toISOString(),
        namespace: e.namespace,
        provider: e.provider,
        method: e.method,
        path: e.path,
        query: e.query,
        status: e.status,
        latency_ms: e.latencyMs,
        fault: e.fault && {
          rule_ids: [...e.fault.ruleIds],
          header: e.fault.header,
          action: e.fault.action,
        },
        headers: e.headers,
        body: e.body,
      })),
    }
    return c.json(body)
  })

  app.delete('/journal', async (c) => {
    await runtime.journal.reset(namespaceOf(c))
    return c.body(null, 204)
  })

  return app
}
