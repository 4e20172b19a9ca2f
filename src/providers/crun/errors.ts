/**
 * CRUN's errors (seed 003's code list): `{code, message, data: null}`, the outcome in the body
 * `code`. Entry names are what `X-Emulator-Error` accepts.
 */
import type { ErrorCatalogue, FailureTable, ProviderErrors } from '../../core/errors/catalogue.js'
import type { components } from '../../generated/crun.js'
import type { CrunSettings } from './settings.js'

type ErrorBody = components['schemas']['Error']
type Code = ErrorBody['code']

/**
 * Codes CRUN's public clients see with HTTP 200 (401, 402, 422, 429, 455, 505), and 501, which
 * reads as a refusal too: sent as HTTP 501 it would tell HTTP clients "not implemented".
 */
const REFUSAL_CODES: readonly Code[] = [401, 402, 422, 429, 455, 501, 505]

const validation = (what: string) => `Validation Error: ${what}`

const FAILURES: FailureTable = {
  missing_api_key: 'unauthorized',
  invalid_api_key: 'unauthorized',
  // CRUN's code list has no 403: a key refused for its address reads as unauthorized.
  ip_not_allowed: 'unauthorized',
  rate_limited: 'rate_limited',
  insufficient_credits: 'insufficient_credits',
  // CRUN has no spend limits of its own: a key over the one set on the control plane reads as
  // short of credits, the only refusal CRUN has for money.
  spend_limit_exceeded: 'insufficient_credits',
  task_not_found: { entry: 'not_found', message: () => 'Task not found' },
  malformed_body: { entry: 'validation_error', message: validation },
  invalid_request: { entry: 'validation_error', message: validation },
  // Over the body limit: HTTP 413 so HTTP clients know, CRUN's envelope so CRUN clients do.
  body_too_large: { entry: 'validation_error', status: 413, message: validation },
  content_rejected: 'generation_failed',
  route_not_found: 'not_found',
  // The shared state store is away: CRUN's own "Service Unavailable" code, as HTTP 503.
  unavailable: { entry: 'maintenance', status: 503 },
  internal: 'server_error',
}

export function crunErrors(settings: CrunSettings): ProviderErrors {
  // 404 and 500 are real HTTP statuses whatever the setting; refusals follow `refusalStatus`.
  const entry = (code: Code, message: string, retryAfter = false) => ({
    status: REFUSAL_CODES.includes(code) && settings.refusalStatus === '200' ? 200 : code,
    code,
    message,
    retryAfter,
  })
  const catalogue = {
    unauthorized: entry(401, 'Unauthorized'),
    insufficient_credits: entry(402, 'Insufficient Credits'),
    not_found: entry(404, 'Not Found'),
    validation_error: entry(422, validation('Invalid parameters')),
    rate_limited: entry(429, 'Rate Limited', true),
    maintenance: entry(455, 'Service Unavailable: the system is undergoing maintenance'),
    server_error: entry(500, 'Server Error'),
    generation_failed: entry(501, 'Generation Failed'),
    feature_disabled: entry(505, 'Feature Disabled'),
  } satisfies ErrorCatalogue
  return {
    catalogue,
    failures: FAILURES,
    envelope: ({ code, message }): ErrorBody => ({ code: code as Code, message, data: null }),
  }
}
