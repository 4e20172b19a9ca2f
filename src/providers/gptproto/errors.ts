/**
 * GPTProto's errors (seed 004's table and its Authentication page), in OpenAI's envelope. Entry
 * names are what `X-Emulator-Error` accepts.
 */
import type { ErrorCatalogue, FailureTable, ProviderErrors } from '../../core/errors/catalogue.js'
import { OPENAI_FAILURES, openAIEnvelope } from '../openai-family/openai-errors.js'

const CATALOGUE = {
  invalid_api_key: {
    status: 401,
    message: 'Invalid authentication credentials',
    type: 'invalid_request_error',
    code: 'invalid_api_key',
  },
  insufficient_permissions: {
    status: 403,
    message: 'You do not have access to this resource',
    type: 'permission_error',
    code: 'insufficient_permissions',
  },
  insufficient_balance: {
    status: 403,
    message: 'Insufficient balance for the requested operation. Please recharge your account.',
    type: 'permission_error',
    code: 'insufficient_balance',
  },
  rate_limit_exceeded: {
    status: 429,
    message: 'Rate limit exceeded',
    type: 'rate_limit_error',
    code: 'rate_limit_exceeded',
    retryAfter: true,
  },
  internal_error: {
    status: 500,
    message: 'The server had an error while processing your request.',
    type: 'server_error',
    code: 'internal_error',
  },
  // OpenAI's safety-system refusal, which GPTProto relays with HTTP 400 ("503" in its table).
  moderation_blocked: {
    status: 400,
    message:
      'Your request was rejected by the safety system. If you believe this is an error, ' +
      'contact us and include the request ID. safety_violations=[unsafe-content].',
    type: 'image_generation_user_error',
    code: 'moderation_blocked',
    extra: { moderation_details: { moderation_stage: 'input', categories: ['unsafe-content'] } },
  },
} satisfies ErrorCatalogue

const FAILURES: FailureTable = {
  ...OPENAI_FAILURES,
  insufficient_credits: 'insufficient_balance',
  spend_limit_exceeded: 'insufficient_balance',
}

export const GPTPROTO_ERRORS: ProviderErrors = {
  catalogue: CATALOGUE,
  failures: FAILURES,
  envelope: openAIEnvelope,
}
