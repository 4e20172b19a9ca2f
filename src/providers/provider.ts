/**
 * What a provider is to the emulator: an id (also its mount path, spec and contract suite) and
 * a hono sub-app with the real provider's paths, errors rendered in its own envelope.
 */
import { Hono, type Context } from 'hono'
import type { Runtime } from '../runtime.js'
import type { TaskFailure } from '../core/tasks/task.js'
import type { EmulatorEnv } from '../core/http/env.js'
import { Failure, ProviderError } from '../core/failure.js'
import { EmulatorError } from '../core/emulator-error.js'
import { assertKnownEmulatorHeaders } from '../core/http/emulator-headers.js'
import { limitBodySize } from '../core/http/read-body.js'
import { requireApiKey, type KeyScheme } from '../core/auth/api-key.js'
import { enforceKeyPolicies, type PolicyErrors } from '../core/keys/enforce-key-policies.js'
import { applyFaults } from '../core/faults/apply-faults.js'
import { createRandom } from '../core/random.js'

import type { ProviderId } from './ids.js'
export { PROVIDER_IDS, type ProviderId } from './ids.js'

export interface Provider {
  id: ProviderId
  createRoutes(runtime: Runtime): Hono<EmulatorEnv>
  /** How this provider's tasks fail when the control plane fails one without naming a code. */
  taskFailure?: TaskFailure
}

/** A provider's catalogue of errors, by the name `X-Emulator-Error` uses. */
export type ErrorCatalogue = Record<string, () => ProviderError>

export interface ProviderAppOptions {
  /** Registers the error catalogue under this id for the control plane's fault rules. */
  id: ProviderId
  runtime: Runtime
  keyScheme: KeyScheme
  /** Renders a provider-neutral failure in this provider's envelope. */
  renderFailure: (failure: Failure, c: Context) => ProviderError
  errors: ErrorCatalogue
  /** Refuses keys of the wrong form (aivideoapi's must start with `sk-`). */
  acceptKey?: (key: string) => boolean
  /** Catalogue entries for the control plane's key restrictions (IP allowlist, rate limit). */
  policyErrors: PolicyErrors
}

/**
 * A sub-app with the steps every provider route shares, in order: `X-Emulator-*` headers checked,
 * body size limited, API key required (and of the right form), the key's control-plane settings
 * enforced, faults applied (latency, dropped connections, forced errors, broken bodies); every
 * error rendered once, here, in the provider's envelope.
 */
export function createProviderApp({ id, runtime, keyScheme, renderFailure, errors, acceptKey, policyErrors }: ProviderAppOptions): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  runtime.errorCatalogues.set(id, Object.keys(errors))

  app.use(async function checkEmulatorHeaders(c, next) {
    assertKnownEmulatorHeaders(c.req.raw.headers)
    await next()
  })
  app.use(limitBodySize(runtime.config.limits))
  app.use(requireApiKey(keyScheme))
  if (acceptKey) {
    app.use(async function checkKeyForm(c, next) {
      if (!acceptKey(c.get('apiKey'))) throw new Failure('invalid_api_key', 'Invalid API key.')
      await next()
    })
  }
  app.use(enforceKeyPolicies({ provider: id, runtime, errors, policyErrors }))
  app.use(applyFaults({ provider: id, rules: runtime.faults, random: createRandom(`${runtime.config.seed}:latency:${id}`), errors }))

  app.onError((err, c) => {
    if (err instanceof EmulatorError) return c.json(err.toBody(), err.status)
    const rendered =
      err instanceof ProviderError
        ? err
        : renderFailure(err instanceof Failure ? err : unexpected(err), c)
    // A body refused unread leaves bytes in flight: close the connection so no client reuses it.
    const close: Record<string, string> = err instanceof Failure && err.kind === 'body_too_large' ? { connection: 'close' } : {}
    return c.json(rendered.body as object, rendered.status as 200, { ...rendered.headers, ...close })
  })
  return app
}

/** Adds the provider's 404 for every path and method it does not serve; call after the routes. */
export function answerUnknownRoutes(app: Hono<EmulatorEnv>, id: ProviderId): Hono<EmulatorEnv> {
  app.all('*', (c) => {
    const path = c.req.path.slice(`/${id}`.length) || '/'
    throw new Failure('route_not_found', `Invalid URL (${c.req.method} ${path})`)
  })
  return app
}

function unexpected(err: unknown): Failure {
  console.error('[gpt-image-emulator] unexpected error:', err)
  return new Failure('internal', 'The server had an error while processing your request.')
}
