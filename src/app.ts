/**
 * The emulator as one hono app: steering decoded and request ids given first, then the control
 * plane at `/__emulator`, generated files at `/files`, and each mounted provider at `/<id>`.
 * Building it has no side effects: everything it wires was readied with the runtime.
 */
import { Hono } from 'hono'
import type { Runtime } from './runtime.js'
import type { EmulatorEnv } from './core/http/env.js'
import { EmulatorError } from './core/errors/emulator-error.js'
import { answerError } from './core/errors/answer-error.js'
import { isStoreOutage } from './core/errors/store-outage.js'
import { steer } from './core/steering/middleware.js'
import { createProviderApp } from './providers/provider-app.js'
import { createControlRoutes } from './control/index.js'
import { requireAdminToken } from './control/admin-token.js'
import { recordRequests } from './core/journal/record-request.js'
import { createTraffic } from './traffic/index.js'
import { logRequests } from './core/http/log-requests.js'

export function createApp(runtime: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  const mounted = [...runtime.providers.values()]
  const ids = mounted.map((p) => p.descriptor.id)

  app.use(
    steer(function assignRequestId(c) {
      // A stream of its own per namespace, so request ids never shift the ids of tasks.
      const random = runtime.randomFor(c.get('steering').namespace, 'request-ids')
      const id = `req_${random.hex(32)}`
      c.set('requestId', id)
      c.header('x-request-id', id)
    }),
  )
  if (runtime.log.enabled) app.use(logRequests(runtime.log))
  app.use(recordRequests(runtime.journal, runtime.clock, ids, runtime.changes))
  // A person who opens the emulator's address lands on the dashboard.
  app.get('/', (c) => c.redirect('/__emulator/ui', 302))

  const { adminToken } = runtime.config
  if (adminToken) app.use('/__emulator/*', requireAdminToken(adminToken))
  app.route('/__emulator', createControlRoutes(runtime))

  app.get('/files/:name', async (c) => {
    const file = await runtime.images.read(c.req.param('name'))
    if (!file)
      throw new EmulatorError(
        404,
        'file_not_found',
        `No file '${c.req.param('name')}': it never existed or has expired.`,
      )
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': file.contentType,
      'cache-control': 'public, max-age=86400, immutable',
    })
  })

  const traffic = createTraffic(
    runtime,
    mounted.map((p) => p.descriptor),
  )
  if (traffic.captureRoutes) app.route('/__emulator', traffic.captureRoutes)
  for (const provider of mounted) {
    const { id } = provider.descriptor
    const forwardOrReplay = traffic.middleware[id]
    if (forwardOrReplay) app.use(`/${id}/*`, forwardOrReplay)
    app.route(`/${id}`, createProviderApp(provider, runtime))
  }

  app.notFound(() => {
    throw new EmulatorError(
      404,
      'not_found',
      `No such route. Providers are mounted at ${ids.map((id) => `/${id}`).join(', ')}; ` +
        'the control plane at /__emulator.',
    )
  })
  app.onError((err, c) =>
    answerError(isStoreOutage(err, runtime.storeAvailable) ? storeAway() : err, c),
  )
  return app
}

/** The control plane's 503 for a request the shared state store's outage failed. */
const storeAway = () =>
  new EmulatorError(
    503,
    'store_unavailable',
    'The shared state store (Redis) cannot be reached; the emulator reconnects on its own.',
  )
