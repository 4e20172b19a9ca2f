/**
 * aivideoapi.ai's errors (seed 002, "Error Reference"): `{error:{code,message,type}}`. Entry names
 * are what `X-Emulator-Error` accepts.
 */
import type { ErrorCatalogue, FailureTable, ProviderErrors } from '../../core/errors/catalogue.js'
import type { components } from '../../generated/aivideoapi.js'

type ErrorBody = components['schemas']['Error']
type Code = ErrorBody['error']['code']
type Type = ErrorBody['error']['type']

const entry = (status: number, code: Code, type: Type, message: string, retryAfter = false) => ({
  status,
  code,
  type,
  message,
  retryAfter,
})

const CATALOGUE = {
  invalid_request: entry(
    400,
    'invalid_request',
    'invalid_request_error',
    'Missing or invalid parameters.',
  ),
  invalid_api_key: entry(401, 'invalid_api_key', 'authentication_error', 'Invalid API key.'),
  insufficient_credits: entry(
    402,
    'insufficient_credits',
    'billing_error',
    'Your credit balance is too low. Please top up.',
  ),
  ip_not_allowed: entry(
    403,
    'ip_not_allowed',
    'permission_error',
    "Request IP is not in the key's allowlist.",
  ),
  model_not_found: entry(
    404,
    'model_not_found',
    'invalid_request_error',
    'Model does not exist or is inactive.',
  ),
  task_not_found: entry(404, 'task_not_found', 'invalid_request_error', 'Task not found.'),
  rate_limit_exceeded: entry(
    429,
    'rate_limit_exceeded',
    'rate_limit_error',
    'Too many requests, please slow down.',
    true,
  ),
  spend_limit_exceeded: entry(
    429,
    'spend_limit_exceeded',
    'billing_error',
    'Key spend limit reached (hourly/daily/total).',
    true,
  ),
  internal_error: entry(500, 'internal_error', 'api_error', 'Unexpected server error.'),
  upstream_error: entry(
    503,
    'upstream_error',
    'upstream_error',
    'Upstream AI provider returned an error.',
  ),
} satisfies ErrorCatalogue

const FAILURES: FailureTable = {
  missing_api_key: 'invalid_api_key',
  invalid_api_key: 'invalid_api_key',
  ip_not_allowed: 'ip_not_allowed',
  rate_limited: 'rate_limit_exceeded',
  insufficient_credits: 'insufficient_credits',
  spend_limit_exceeded: 'spend_limit_exceeded',
  task_not_found: 'task_not_found',
  malformed_body: { entry: 'invalid_request' },
  invalid_request: { entry: 'invalid_request' },
  body_too_large: { entry: 'invalid_request', status: 413 },
  route_not_found: { entry: 'invalid_request', status: 404 },
  content_rejected: 'upstream_error',
  // The shared state store is away: aivideoapi's server error, as a 503 to retry.
  unavailable: { entry: 'internal_error', status: 503 },
  internal: 'internal_error',
}

export const AIVIDEOAPI_ERRORS: ProviderErrors = {
  catalogue: CATALOGUE,
  failures: FAILURES,
  envelope: ({ code, message, type }): ErrorBody => ({
    error: { code: code as Code, message, type: type as Type },
  }),
}
