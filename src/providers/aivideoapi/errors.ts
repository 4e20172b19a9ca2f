/**
 * aivideoapi.ai's error catalogue (seed 002, "Error Reference"): `{error:{code,message,type}}`.
 * Entry names are what `X-Emulator-Error` accepts.
 */
import type { EmulatorConfig } from '../../config.js'
import { ProviderError, type Failure } from '../../core/failure.js'
import { retryAfterHeaders } from '../openai-family/openai-errors.js'
import type { components } from '../../generated/aivideoapi.js'

type ErrorBody = components['schemas']['Error']
type Code = ErrorBody['error']['code']
type Type = ErrorBody['error']['type']

function aivideoapiError(
  status: number,
  code: Code,
  type: Type,
  message: string,
  headers: Record<string, string> = {},
): ProviderError {
  const body: ErrorBody = { error: { code, message, type } }
  return new ProviderError(status, body, headers)
}

export const invalidRequest = (message: string) =>
  aivideoapiError(400, 'invalid_request', 'invalid_request_error', message)

export function createAivideoapiErrors(config: EmulatorConfig) {
  const retry = retryAfterHeaders(config.retryAfterSeconds)
  return {
    invalid_request: () => invalidRequest('Missing or invalid parameters.'),
    invalid_api_key: () =>
      aivideoapiError(401, 'invalid_api_key', 'authentication_error', 'Invalid API key.'),
    insufficient_credits: () =>
      aivideoapiError(
        402,
        'insufficient_credits',
        'billing_error',
        'Your credit balance is too low. Please top up.',
      ),
    ip_not_allowed: () =>
      aivideoapiError(
        403,
        'ip_not_allowed',
        'permission_error',
        "Request IP is not in the key's allowlist.",
      ),
    model_not_found: () =>
      aivideoapiError(
        404,
        'model_not_found',
        'invalid_request_error',
        'Model does not exist or is inactive.',
      ),
    task_not_found: () =>
      aivideoapiError(404, 'task_not_found', 'invalid_request_error', 'Task not found.'),
    rate_limit_exceeded: () =>
      aivideoapiError(
        429,
        'rate_limit_exceeded',
        'rate_limit_error',
        'Too many requests, please slow down.',
        retry,
      ),
    spend_limit_exceeded: () =>
      aivideoapiError(
        429,
        'spend_limit_exceeded',
        'billing_error',
        'Key spend limit reached (hourly/daily/total).',
        retry,
      ),
    internal_error: () =>
      aivideoapiError(500, 'internal_error', 'api_error', 'Unexpected server error.'),
    upstream_error: () =>
      aivideoapiError(
        503,
        'upstream_error',
        'upstream_error',
        'Upstream AI provider returned an error.',
      ),
  }
}

export type AivideoapiErrors = ReturnType<typeof createAivideoapiErrors>

export function renderAivideoapiFailure(failure: Failure, errors: AivideoapiErrors): ProviderError {
  switch (failure.kind) {
    case 'missing_api_key':
    case 'invalid_api_key':
      return errors.invalid_api_key()
    case 'malformed_body':
    case 'invalid_request':
      return invalidRequest(failure.message)
    case 'body_too_large':
      return aivideoapiError(413, 'invalid_request', 'invalid_request_error', failure.message)
    case 'content_rejected':
      return errors.upstream_error()
    case 'route_not_found':
      return aivideoapiError(404, 'invalid_request', 'invalid_request_error', failure.message)
    case 'internal':
      return errors.internal_error()
  }
}
