/**
 * OceanBase Cloud AI API errors, in its envelope `{error:{message,type,code}}` (seed 001).
 * The page documents only the envelope and `unauthorized` ("Invalid API key."); the rest follow
 * OpenAI's vocabulary (x-emulator-inferred). Entry names are what `X-Emulator-Error` accepts.
 */
import type { EmulatorConfig } from '../../config.js'
import { ProviderError, type Failure } from '../../core/failure.js'
import { retryAfterHeaders } from '../openai-family/openai-errors.js'

export interface OceanbaseErrorBody {
  error: { message: string; type: string; code: string }
}

function oceanbaseError(
  status: number,
  type: string,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): ProviderError {
  const body: OceanbaseErrorBody = { error: { message, type, code } }
  return new ProviderError(status, body, headers)
}

export function createOceanbaseErrors(config: EmulatorConfig) {
  return {
    unauthorized: () =>
      oceanbaseError(401, 'authentication_error', 'unauthorized', 'Invalid API key.'),
    permission_denied: () =>
      oceanbaseError(
        403,
        'permission_error',
        'permission_denied',
        'This API key may not be used from this address.',
      ),
    model_disabled: () =>
      oceanbaseError(
        403,
        'permission_error',
        'model_disabled',
        "The model 'gpt-image-2' is not enabled for this account.",
      ),
    content_policy_violation: () => contentPolicyViolation(),
    rate_limit_exceeded: () =>
      oceanbaseError(
        429,
        'rate_limit_error',
        'rate_limit_exceeded',
        'Rate limit reached for gpt-image-2. Please try again later.',
        retryAfterHeaders(config.retryAfterSeconds),
      ),
    internal_error: () =>
      oceanbaseError(500, 'server_error', 'internal_error', 'Internal server error.'),
    service_unavailable: () =>
      oceanbaseError(
        503,
        'server_error',
        'service_unavailable',
        'The model is temporarily unavailable. Please try again later.',
      ),
  }
}

export type OceanbaseErrors = ReturnType<typeof createOceanbaseErrors>

export function contentPolicyViolation(): ProviderError {
  return oceanbaseError(
    400,
    'invalid_request_error',
    'content_policy_violation',
    'Your request was rejected by the safety system.',
  )
}

export function renderOceanbaseFailure(failure: Failure, errors: OceanbaseErrors): ProviderError {
  const { message, detail } = failure
  switch (failure.kind) {
    case 'missing_api_key':
    case 'invalid_api_key':
      return errors.unauthorized()
    case 'malformed_body':
      return oceanbaseError(400, 'invalid_request_error', 'invalid_json', message)
    case 'body_too_large':
      return oceanbaseError(413, 'invalid_request_error', 'request_too_large', message)
    case 'invalid_request':
      return oceanbaseError(400, 'invalid_request_error', detail.code ?? 'invalid_value', message)
    case 'content_rejected':
      return contentPolicyViolation()
    case 'route_not_found':
      return oceanbaseError(404, 'invalid_request_error', 'not_found', message)
    case 'internal':
      return errors.internal_error()
  }
}
