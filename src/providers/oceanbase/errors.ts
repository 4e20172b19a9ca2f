/**
 * OceanBase Cloud AI API errors, in its envelope `{error:{message,type,code}}` (seed 001). The
 * page documents only the envelope and `unauthorized` ("Invalid API key."); the rest follow
 * OpenAI's vocabulary (x-emulator-inferred). Entry names are what `X-Emulator-Error` accepts.
 */
import type { ErrorCatalogue, FailureTable, ProviderErrors } from '../../core/errors/catalogue.js'

export interface OceanbaseErrorBody {
  error: { message: string; type: string; code: string }
}

const CATALOGUE = {
  unauthorized: {
    status: 401,
    type: 'authentication_error',
    code: 'unauthorized',
    message: 'Invalid API key.',
  },
  permission_denied: {
    status: 403,
    type: 'permission_error',
    code: 'permission_denied',
    message: 'This API key may not be used from this address.',
  },
  model_disabled: {
    status: 403,
    type: 'permission_error',
    code: 'model_disabled',
    message: "The model 'gpt-image-2' is not enabled for this account.",
  },
  content_policy_violation: {
    status: 400,
    type: 'invalid_request_error',
    code: 'content_policy_violation',
    message: 'Your request was rejected by the safety system.',
  },
  rate_limit_exceeded: {
    status: 429,
    type: 'rate_limit_error',
    code: 'rate_limit_exceeded',
    message: 'Rate limit reached for gpt-image-2. Please try again later.',
    retryAfter: true,
  },
  internal_error: {
    status: 500,
    type: 'server_error',
    code: 'internal_error',
    message: 'Internal server error.',
  },
  service_unavailable: {
    status: 503,
    type: 'server_error',
    code: 'service_unavailable',
    message: 'The model is temporarily unavailable. Please try again later.',
  },
} satisfies ErrorCatalogue

const invalid = (status: number, code: string) => ({ status, type: 'invalid_request_error', code })

const FAILURES: FailureTable = {
  missing_api_key: 'unauthorized',
  invalid_api_key: 'unauthorized',
  ip_not_allowed: 'permission_denied',
  rate_limited: 'rate_limit_exceeded',
  // Synchronous and unmetered here: no credits are charged, so these never happen.
  insufficient_credits: 'permission_denied',
  spend_limit_exceeded: 'permission_denied',
  task_not_found: invalid(404, 'not_found'),
  malformed_body: invalid(400, 'invalid_json'),
  body_too_large: invalid(413, 'request_too_large'),
  invalid_request: invalid(400, 'invalid_value'),
  content_rejected: 'content_policy_violation',
  route_not_found: invalid(404, 'not_found'),
  unavailable: 'service_unavailable',
  internal: 'internal_error',
}

export const OCEANBASE_ERRORS: ProviderErrors = {
  catalogue: CATALOGUE,
  failures: FAILURES,
  // A failure's finer code (OpenAI's `missing_required_parameter`) wins over the entry's.
  envelope: ({ message, type, code }, detail): OceanbaseErrorBody => ({
    error: { message, type: type ?? 'invalid_request_error', code: detail.code ?? String(code) },
  }),
}
