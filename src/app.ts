/**
 * The emulator as one hono app: request ids, the control plane at `/__emulator`, generated
 * files at `/files`, and each provider mounted at `/<id>`.
 */
import { Hono } from 'hono'
import type { Runtime } from './runtime.js'
import type { EmulatorEnv } from './core/http/env.js'
import { EmulatorError } from './core/emulator-error.js'
import { namespaceOrDefault } from './core/http/emulator-headers.js'
import { providers } from './providers/index.js'
import { createControlRoutes } from './control/index.js'
import { recordRequests } from './core/journal/record-request.js'
import { createTraffic } from './traffic/index.js'
import { logRequests } from './core/http/log-requests.js'

export function createApp(runtime: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()

  app.use(async function assignRequestId(c, next) {
    // A stream of its own per namespace, so request ids never shift the ids of tasks.
    const id = `req_${runtime.randomFor(namespaceOrDefault(c), 'request-ids').hex(32)}`
    c.set('requestId', id)
    c.header('x-request-id', id)
    await next()
  })

  if (runtime.config.log !== 'off') app.use(logRequests(runtime.config.log))
  const mounted = providers.filter((p) => runtime.config.providers.includes(p.id))
  app.use(
    recordRequests(
      runtime.journal,
      runtime.clock,
      mounted.map((p) => p.id),
    ),
  )

  app.route('/__emulator', createControlRoutes(runtime))

  app.get('/files/:name', (c) => {
    const file = runtime.files.get(c.req.param('name'))
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
    mounted.map((p) => p.id),
  )
  if (traffic.captureRoutes) app.route('/__emulator', traffic.captureRoutes)
  for (const provider of mounted) {
    const forwardOrReplay = traffic.middleware[provider.id]
    if (forwardOrReplay) app.use(`/${provider.id}/*`, forwardOrReplay)
    app.route(`/${provider.id}`, provider.createRoutes(runtime))
  }

  app.notFound(() => {
    throw new EmulatorError(
      404,
      'not_found',
      'No such route. Providers are mounted at ' +
        mounted.map((p) => `/${p.id}`).join(', ') +
        '; the control plane at /__emulator.',
    )
  })
  app.onError((err, c) => {
    if (err instanceof EmulatorError) return c.json(err.toBody(), err.status)
    console.error('[gpt-image-emulator] unexpected error:', err)
    return c.json(
      {
        emulator_error: {
          code: 'internal',
          message: 'The emulator failed unexpectedly; see its log.',
        },
      },
      500,
    )
  })
  return app
}
