/**
 * The control plane under `/__emulator`: everything that is not a provider.
 * Described by specs/emulator.openapi.yaml.
 */
import { Hono } from 'hono'
import { readFile } from 'node:fs/promises'
import type { Runtime } from '../runtime.js'
import type { EmulatorEnv } from '../core/http/env.js'
import type { components } from '../generated/emulator.js'
import { EmulatorError } from '../core/errors/emulator-error.js'
import { specPath, SPEC_IDS } from '../specs.js'
import { VERSION } from '../version.js'
import { createCallbackRoutes } from './callbacks.js'
import { createTaskRoutes } from './tasks.js'
import { createJournalRoutes } from './journal.js'
import { createResetRoutes } from './reset.js'
import { createKeyRoutes } from './keys.js'
import { createFaultRoutes } from './faults.js'
import { limitControlBodies } from './validate.js'

type Health = components['schemas']['Health']

export function createControlRoutes(runtime: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  app.use(limitControlBodies(runtime.config.limits.controlBodyBytes))
  app.get('/health', (c) => {
    const health: Health = {
      status: 'ok',
      version: VERSION,
      uptime_ms: runtime.clock.now() - runtime.startedAt,
      providers: [...runtime.providers.keys()].map((id) => ({ id, base_path: `/${id}` })),
    }
    return c.json(health)
  })

  for (const routes of [
    createResetRoutes,
    createJournalRoutes,
    createTaskRoutes,
    createKeyRoutes,
    createFaultRoutes,
    createCallbackRoutes,
  ]) {
    app.route('/', routes(runtime))
  }
  // The docs pages (and the YAML parser) load on the first visit: no start waits for them.
  app.get('/docs', async (c) => c.html((await import('./docs.js')).docsIndexPage()))
  app.get('/docs/:id', async (c) =>
    c.html(await (await import('./docs.js')).docsPage(c.req.param('id'))),
  )

  app.get('/specs', (c) =>
    c.json({ specs: SPEC_IDS.map((id) => ({ id, url: `/__emulator/specs/${id}.openapi.yaml` })) }),
  )

  app.get('/specs/:file', async (c) => {
    const id = c.req.param('file').replace(/\.openapi\.yaml$/, '')
    if (!SPEC_IDS.includes(id)) {
      throw new EmulatorError(404, 'not_found', `No spec '${c.req.param('file')}'.`, {
        field: 'file',
        allowed: SPEC_IDS.map((s) => `${s}.openapi.yaml`),
      })
    }
    return c.body(await readFile(specPath(id), 'utf8'), 200, {
      'content-type': 'application/yaml; charset=utf-8',
    })
  })

  return app
}
