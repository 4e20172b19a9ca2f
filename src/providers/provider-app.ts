/**
 * A mounted provider as a hono sub-app. Every route shares one chain, in order: the provider's
 * `X-Emulator-Error` names checked, body size limited, API key required (and of the right form),
 * the key's control-plane settings enforced, faults applied; then the provider's own routes, and
 * its 404 for the rest. Every error is rendered once, here, in the provider's envelope.
 */
import { Hono, type MiddlewareHandler } from 'hono'
import type { EmulatorEnv } from '../core/http/env.js'
import type { CoreConfig } from '../config-core.js'
import type { Scheduler } from '../core/scheduler.js'
import type { KeyStore } from '../core/keys/key-policies.js'
import type { FaultStore } from '../core/faults/fault-rules.js'
import type { ProviderServices } from './descriptor.js'
import { Failure } from '../core/errors/failure.js'
import { isStoreOutage } from '../core/errors/store-outage.js'
import { ClientClosedRequest, clientClosed } from '../core/errors/client-closed.js'
import { checkErrorName } from '../core/steering/decode.js'
import { limitBodySize } from '../core/http/read-body.js'
import { requireApiKey } from '../core/auth/api-key.js'
import { enforceKeyPolicies } from '../core/keys/enforce-key-policies.js'
import { applyFaults } from '../core/faults/apply-faults.js'
import { createRandom } from '../core/random.js'
import type { MountedProvider } from './mount.js'

/** What the shared chain and the provider's routes use; the runtime has all of it. */
export type ProviderAppDeps = Omit<ProviderServices<unknown>, 'id' | 'settings' | 'taskStep'> & {
  config: CoreConfig
  scheduler: Scheduler
  keys: KeyStore
  faults: FaultStore
  /** Whether the state store answers (always, in memory; Redis may be away). */
  storeAvailable: () => boolean
}

export function createProviderApp(
  provider: MountedProvider,
  deps: ProviderAppDeps,
): Hono<EmulatorEnv> {
  const { descriptor, errors, settings, taskStep } = provider
  const { id } = descriptor
  const { config } = deps
  const app = new Hono<EmulatorEnv>()

  app.use(async function checkSteering(c, next) {
    checkErrorName(c.get('steering'), errors.names)
    await next()
  })
  // Open paths skip the key chain: a presigned URL is its own credential.
  const open = (descriptor.openPaths ?? []).map((prefix) => `/${id}${prefix}`)
  // Most providers have none: their middleware is used as is, with no check per request.
  const unlessOpen = (
    middleware: MiddlewareHandler<EmulatorEnv>,
  ): MiddlewareHandler<EmulatorEnv> =>
    open.length === 0
      ? middleware
      : (c, next) =>
          open.some((prefix) => c.req.path.startsWith(prefix)) ? next() : middleware(c, next)
  app.use(unlessOpen(limitBodySize(config.limits)))
  app.use(unlessOpen(requireApiKey(descriptor.keyScheme, descriptor.acceptKey)))
  app.use(
    unlessOpen(
      enforceKeyPolicies({
        provider: id,
        keys: deps.keys,
        clock: deps.clock,
        rateLimit: config.rateLimit,
      }),
    ),
  )
  app.use(
    unlessOpen(
      applyFaults({
        provider: id,
        rules: deps.faults,
        random: createRandom(`${config.seed}:latency:${id}`),
        scheduler: deps.scheduler,
      }),
    ),
  )

  descriptor.routes(app, {
    id,
    settings,
    config,
    clock: deps.clock,
    images: deps.images,
    tasks: deps.tasks,
    credits: deps.credits,
    randomFor: deps.randomFor,
    onReset: deps.onReset,
    records: deps.records,
    taskStep,
  })

  app.all('*', (c) => {
    const path = c.req.path.slice(`/${id}`.length) || '/'
    throw new Failure('route_not_found', `Invalid URL (${c.req.method} ${path})`)
  })
  app.onError((err, c) => {
    if (err instanceof ClientClosedRequest) return clientClosed()
    const { status, body, headers, reason } = errors.render(
      isStoreOutage(err, deps.storeAvailable) ? storeAway() : err,
    )
    c.set('refusal', reason)
    // A body refused unread leaves bytes in flight: close the connection so no client reuses it.
    const unread = err instanceof Failure && err.kind === 'body_too_large'
    return c.json(body as object, status as 200, {
      ...headers,
      ...(unread && { connection: 'close' }),
    })
  })
  return app
}

/** The provider's own 503 for a request the shared state store's outage failed. */
const storeAway = () =>
  new Failure(
    'unavailable',
    'The service is temporarily unavailable (the emulator cannot reach its shared state store); retry shortly.',
  )
