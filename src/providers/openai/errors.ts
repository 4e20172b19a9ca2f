/**
 * OpenAI's own errors (specs/openai.openapi.yaml), in OpenAI's envelope and wording, each message
 * as the spec's example gives it. Entry names are what `X-Emulator-Error` accepts.
 */
import type { ErrorCatalogue, FailureTable, ProviderErrors } from '../../core/errors/catalogue.js'
import { OPENAI_FAILURES, openAIEnvelope } from '../openai-family/openai-errors.js'

const KEYS_PAGE = 'https://platform.openai.com/account/api-keys'

const CATALOGUE = {
  // No key, or an Authorization header without `Bearer `: OpenAI sends code null.
  missing_api_key: {
    status: 401,
    message: `You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from ${KEYS_PAGE}.`,
    type: 'invalid_request_error',
    code: null,
  },
  // OpenAI masks the caller's key here; the entry is static, so it shows the spec's masked key.
  invalid_api_key: {
    status: 401,
    message: `Incorrect API key provided: sk-proj-****************ab12. You can find your API key at ${KEYS_PAGE}.`,
    type: 'invalid_request_error',
    code: 'invalid_api_key',
  },
  // OpenAI has no IP allowlist; its region block is the nearest real 403.
  unsupported_country_region_territory: {
    status: 403,
    message: 'Country, region, or territory not supported',
    type: 'request_forbidden',
    code: 'unsupported_country_region_territory',
  },
  organization_not_verified: {
    status: 403,
    message:
      'Your organization must be verified to use the model `gpt-image-2`. Please go to: https://platform.openai.com/settings/organization/general and click on Verify Organization. If you just verified, it can take up to 15 minutes for access to propagate.',
    type: 'invalid_request_error',
    code: null,
  },
  rate_limit_exceeded: {
    status: 429,
    message:
      'Rate limit reached for gpt-image-2 in organization org-emulator on images per minute (IPM): Limit 5, Used 5, Requested 1. Please try again in 12s. Visit https://platform.openai.com/account/rate-limits to learn more.',
    type: 'requests',
    code: 'rate_limit_exceeded',
    retryAfter: true,
  },
  // OpenAI answers an exhausted quota with 429 too; the spec documents retry-after on every 429.
  insufficient_quota: {
    status: 429,
    message:
      'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
    type: 'insufficient_quota',
    code: 'insufficient_quota',
    retryAfter: true,
  },
  server_error: {
    status: 500,
    message: 'The server had an error while processing your request. Sorry about that!',
    type: 'server_error',
    code: null,
  },
  moderation_blocked: {
    status: 400,
    message:
      'Your request was rejected by the safety system. If you believe this is an error, contact us at help.openai.com and include the request ID req_0123456789abcdef0123456789abcdef. safety_violations=[sexual].',
    type: 'image_generation_user_error',
    code: 'moderation_blocked',
    extra: { moderation_details: { moderation_stage: 'input', categories: ['sexual'] } },
  },
} satisfies ErrorCatalogue

const UNPARSABLE_JSON = 'We could not parse the JSON body of your request.'

const FAILURES: FailureTable = {
  ...OPENAI_FAILURES,
  missing_api_key: 'missing_api_key',
  invalid_api_key: 'invalid_api_key',
  ip_not_allowed: 'unsupported_country_region_territory',
  internal: 'server_error',
  // OpenAI's longer sentence for a body that is not JSON; other malformed bodies keep their own.
  malformed_body: {
    ...OPENAI_FAILURES.malformed_body,
    message: (sentence) =>
      sentence.startsWith(UNPARSABLE_JSON)
        ? `${UNPARSABLE_JSON} (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, visit https://help.openai.com.)`
        : sentence,
  },
}

export const OPENAI_ERRORS: ProviderErrors = {
  catalogue: CATALOGUE,
  failures: FAILURES,
  envelope: openAIEnvelope,
}
