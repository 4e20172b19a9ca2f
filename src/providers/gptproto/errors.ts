/**
 * GPTProto's error catalogue (seed 004's table and its Authentication page), in OpenAI's envelope.
 * Entry names are what `X-Emulator-Error` accepts.
 */
import type { EmulatorConfig } from '../../config.js'
import type { Failure, ProviderError } from '../../core/failure.js'
import { openAIError, retryAfterHeaders } from '../openai-family/openai-errors.js'

export function createGptprotoErrors(config: EmulatorConfig) {
  return {
    invalid_api_key: () =>
      openAIError(401, {
        message: 'Invalid authentication credentials',
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      }),
    insufficient_permissions: () =>
      openAIError(403, {
        message: 'You do not have access to this resource',
        type: 'permission_error',
        code: 'insufficient_permissions',
      }),
    insufficient_balance: () =>
      openAIError(403, {
        message: 'Insufficient balance for the requested operation. Please recharge your account.',
        type: 'permission_error',
        code: 'insufficient_balance',
      }),
    rate_limit_exceeded: () =>
      openAIError(
        429,
        { message: 'Rate limit exceeded', type: 'rate_limit_error', code: 'rate_limit_exceeded' },
        retryAfterHeaders(config.retryAfterSeconds),
      ),
    internal_error: () =>
      openAIError(500, {
        message: 'The server had an error while processing your request.',
        type: 'server_error',
        code: 'internal_error',
      }),
    moderation_blocked: () => moderationBlocked('unsafe-content'),
  }
}

export type GptprotoErrors = ReturnType<typeof createGptprotoErrors>

/** OpenAI's safety-system refusal, which GPTProto relays with HTTP 400 ("503" in its table). */
export function moderationBlocked(category: string): ProviderError {
  return openAIError(
    400,
    {
      message: `Your request was rejected by the safety system. If you believe this is an error, contact us and include the request ID. safety_violations=[${category}].`,
      type: 'image_generation_user_error',
      code: 'moderation_blocked',
    },
    {},
    { moderation_details: { moderation_stage: 'input', categories: [category] } },
  )
}

export function renderGptprotoFailure(failure: Failure, errors: GptprotoErrors): ProviderError {
  const { message, detail } = failure
  switch (failure.kind) {
    case 'missing_api_key':
    case 'invalid_api_key':
      return errors.invalid_api_key()
    case 'malformed_body':
      return openAIError(400, { message, type: 'invalid_request_error' })
    case 'body_too_large':
      return openAIError(413, { message, type: 'invalid_request_error', code: 'request_too_large' })
    case 'invalid_request':
      return openAIError(400, {
        message,
        type: 'invalid_request_error',
        param: detail.param,
        code: detail.code,
      })
    case 'content_rejected':
      return moderationBlocked('unsafe-content')
    case 'route_not_found':
      return openAIError(404, { message, type: 'invalid_request_error' })
    case 'internal':
      return errors.internal_error()
  }
}
