/**
 * CRUN's error catalogue (seed 003's code list): `{code, message, data: null}`, the outcome in the
 * body `code`. Entry names are what `X-Emulator-Error` accepts.
 */
import type { EmulatorConfig } from '../../config.js'
import { ProviderError, type Failure } from '../../core/failure.js'
import { retryAfterHeaders } from '../openai-family/openai-errors.js'
import type { components } from '../../generated/crun.js'

type ErrorBody = components['schemas']['Error']
type Code = ErrorBody['code']

/**
 * Codes CRUN's public clients see with HTTP 200 (401, 402, 422, 429, 455, 505), and 501, which
 * reads as a refusal too: sent as HTTP 501 it would tell HTTP clients "not implemented".
 */
const REFUSAL_CODES: readonly Code[] = [401, 402, 422, 429, 455, 501, 505]

function crunError(
  status: number,
  code: Code,
  message: string,
  headers: Record<string, string> = {},
): ProviderError {
  const body: ErrorBody = { code, message, data: null }
  return new ProviderError(status, body, headers)
}

export function createCrunErrors(config: EmulatorConfig) {
  // 404 and 500 are real HTTP statuses whatever the setting; refusals follow `crun.refusalStatus`.
  const statusOf = (code: Code) =>
    REFUSAL_CODES.includes(code) && config.crun.refusalStatus === '200' ? 200 : code
  const refusal = (code: Code, message: string, headers?: Record<string, string>) =>
    crunError(statusOf(code), code, message, headers)
  const validation = (what: string) => refusal(422, `Validation Error: ${what}`)
  const catalogue = {
    unauthorized: () => refusal(401, 'Unauthorized'),
    insufficient_credits: () => refusal(402, 'Insufficient Credits'),
    not_found: () => refusal(404, 'Not Found'),
    validation_error: () => validation('Invalid parameters'),
    rate_limited: () => refusal(429, 'Rate Limited', retryAfterHeaders(config.retryAfterSeconds)),
    maintenance: () => refusal(455, 'Service Unavailable: the system is undergoing maintenance'),
    server_error: () => refusal(500, 'Server Error'),
    generation_failed: () => refusal(501, 'Generation Failed'),
    feature_disabled: () => refusal(505, 'Feature Disabled'),
  }
  return {
    catalogue,
    validation,
    task_not_found: () => refusal(404, 'Task not found'),
    /** Over the body limit: HTTP 413 so HTTP clients know, CRUN's envelope so CRUN clients do. */
    body_too_large: (what: string) => crunError(413, 422, `Validation Error: ${what}`),
  }
}

export type CrunErrors = ReturnType<typeof createCrunErrors>

export function renderCrunFailure(failure: Failure, errors: CrunErrors): ProviderError {
  switch (failure.kind) {
    case 'missing_api_key':
    case 'invalid_api_key':
      return errors.catalogue.unauthorized()
    case 'malformed_body':
    case 'invalid_request':
      return errors.validation(failure.message)
    case 'body_too_large':
      return errors.body_too_large(failure.message)
    case 'content_rejected':
      return errors.catalogue.generation_failed()
    case 'route_not_found':
      return errors.catalogue.not_found()
    case 'internal':
      return errors.catalogue.server_error()
  }
}
