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
import { publicOrigin } from '../core/http/public-origin.js'
import { specPath, SPEC_IDS } from '../specs.js'
import { VERSION } from '../version.js'
import { createCallbackRoutes } from './callbacks.js'
import { createTaskRoutes } from './tasks.js'
import { createJournalRoutes } from './journal.js'
import { createResetRoutes } from './reset.js'
import { createKeyRoutes } from './keys.js'
import { createFaultRoutes } from './faults.js'
import { limitControlBodies } from './validate.js'
import { announceWrites, createEventRoutes } from './events.js'
import { createAssetRoutes } from '../ui-assets.js'
import { PAGE_CSP, dashboardPage } from './dashboard-page.js'

type Health = components['schemas']['Health']

export function createControlRoutes(runtime: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  app.use(limitControlBodies(runtime.config.limits.controlBodyBytes))
  app.use(announceWrites(runtime.changes))
  app.get('/health', (c) => {
    const ready = runtime.storeAvailable()
    const health: Health = {
      status: ready ? 'ok' : 'unavailable',
      version: VERSION,
      uptime_ms: runtime.clock.now() - runtime.startedAt,
      providers: [...runtime.providers.keys()].map((id) => ({ id, base_path: `/${id}` })),
      state: runtime.shared
        ? { store: 'redis', replica: runtime.shared.replicaId }
        : { store: runtime.stateStore },
    }
    return c.json(health, ready ? 200 : 503)
  })

  for (const routes of [
    createResetRoutes,
    createJournalRoutes,
    createTaskRoutes,
    createKeyRoutes,
    createFaultRoutes,
    createCallbackRoutes,
    createEventRoutes,
  ]) {
    app.route('/', routes(runtime))
  }
  app.route('/', createAssetRoutes())
  app.get('/ui', (c) => c.html(dashboardPage(), 200, { 'content-security-policy': PAGE_CSP }))
  // The docs pages (Redoc, and the YAML parser) load on the first visit: no start waits for them.
  const docs = () => import('./docs.js')
  app.get('/docs', async (c) => {
    const { docsIndexPage } = await docs()
    return c.html(await docsIndexPage(), 200, { 'content-security-policy': PAGE_CSP })
  })
  // Before `/docs/:id`, which would take `init.js` for a spec id.
  app.get('/docs/init.js', async (c) =>
    c.body((await docs()).DOCS_INIT_JS, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'no-cache',
    }),
  )
  app.get('/docs/:id', async (c) => {
    const { docsPage } = await docs()
    return c.html(await docsPage(c.req.param('id')), 200, { 'content-security-policy': PAGE_CSP })
  })
  app.get('/docs/:id/spec.json', async (c) =>
    c.body(await (await docs()).specJson(c.req.param('id'), publicOrigin(c, runtime.config)), 200, {
      'content-type': 'application/json; charset=utf-8',
    }),
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
