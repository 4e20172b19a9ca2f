/**
 * Hono middleware that applies a key's control-plane settings before the provider sees the
 * request: a disabled key fails as an invalid key, an address outside the allowlist as
 * `ip_not_allowed`, and a request over the rate limit as `rate_limited` with `retry-after` and
 * `x-ratelimit-*` headers; each provider's failure table words them.
 */
import type { MiddlewareHandler } from 'hono'
import type { EmulatorEnv } from '../http/env.js'
import { incomingOf } from '../http/env.js'
import type { Clock } from '../clock.js'
import type { KeyStore } from './key-policies.js'
import type { BucketLimits } from './token-bucket.js'
import { Failure } from '../errors/failure.js'
import { namespaceOf } from '../steering/middleware.js'

export interface KeyPolicyOptions {
  provider: string
  keys: KeyStore
  clock: Clock
  /** The global rate limit, for keys without one of their own. */
  rateLimit: BucketLimits & { enabled: boolean }
}

export function enforceKeyPolicies({
  provider,
  keys,
  clock,
  rateLimit,
}: KeyPolicyOptions): MiddlewareHandler<EmulatorEnv> {
  return async function enforceKeyPolicies(c, next) {
    const ref = { namespace: namespaceOf(c), provider, apiKey: c.get('apiKey') }
    const policy = await keys.get(ref)
    c.set('keyPolicy', policy)
    if (policy.disabled) throw new Failure('invalid_api_key', 'This API key has been disabled.')
    // Asked only of a key with an allowlist: a shared store would pay a round trip for nothing.
    if (policy.ipAllowlist && !(await keys.allows(ref, incomingOf(c)?.socket.remoteAddress))) {
      throw new Failure('ip_not_allowed', "Request IP is not in the key's allowlist.")
    }

    const limits = policy.rateLimit ?? (rateLimit.enabled ? rateLimit : null)
    if (!limits) return next()
    const take = await keys.take(ref, limits, clock.now())
    const headers = {
      'x-ratelimit-limit-requests': String(limits.capacity),
      'x-ratelimit-remaining-requests': String(take.remaining),
      'x-ratelimit-reset-requests': `${Math.ceil(take.resetSeconds)}s`,
    }
    if (!take.allowed) {
      throw new Failure('rate_limited', 'Too many requests.', {
        headers: {
          ...headers,
          'retry-after': String(Math.max(1, Math.ceil(take.retryAfterSeconds))),
          'retry-after-ms': String(Math.ceil(take.retryAfterSeconds * 1000)),
        },
      })
    }
    await next()
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value)
  }
}
