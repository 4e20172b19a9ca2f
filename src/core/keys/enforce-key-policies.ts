/**
 * Hono middleware that applies a key's control-plane settings before the provider sees the
 * request: a disabled key gets the provider's 401, an address outside the allowlist its 403,
 * and a request over the rate limit its 429 with `retry-after` and `x-ratelimit-*` headers.
 */
import type { MiddlewareHandler } from 'hono'
import type { EmulatorEnv } from '../http/env.js'
import type { Runtime } from '../../runtime.js'
import { Failure, ProviderError } from '../failure.js'
import { requestNamespace } from '../http/emulator-headers.js'

export interface PolicyErrors {
  /** Catalogue entry for an address outside the key's allowlist. */
  ipNotAllowed: string
  /** Catalogue entry for a request over the rate limit. */
  rateLimited: string
}

export function enforceKeyPolicies(options: {
  provider: string
  runtime: Runtime
  errors: Record<string, () => ProviderError>
  policyErrors: PolicyErrors
}): MiddlewareHandler<EmulatorEnv> {
  const { provider, runtime, errors, policyErrors } = options
  return async function enforceKeyPolicies(c, next) {
    const ref = { namespace: requestNamespace(c), provider, apiKey: c.get('apiKey') }
    const policy = runtime.keys.get(ref)
    if (policy.disabled) throw new Failure('invalid_api_key', 'This API key has been disabled.')
    if (!runtime.keys.allows(ref, c.env?.incoming?.socket.remoteAddress))
      throw errors[policyErrors.ipNotAllowed]!()

    const global = runtime.config.rateLimit
    const limits = policy.rateLimit ?? (global.enabled ? global : null)
    if (!limits) return next()
    const take = runtime.keys.take(ref, limits, runtime.clock.now())
    const headers = {
      'x-ratelimit-limit-requests': String(limits.capacity),
      'x-ratelimit-remaining-requests': String(take.remaining),
      'x-ratelimit-reset-requests': `${Math.ceil(take.resetSeconds)}s`,
    }
    if (!take.allowed) {
      const refusal = errors[policyErrors.rateLimited]!()
      throw new ProviderError(refusal.status, refusal.body, {
        ...refusal.headers,
        ...headers,
        'retry-after': String(Math.max(1, Math.ceil(take.retryAfterSeconds))),
        'retry-after-ms': String(Math.ceil(take.retryAfterSeconds * 1000)),
      })
    }
    await next()
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value)
  }
}
