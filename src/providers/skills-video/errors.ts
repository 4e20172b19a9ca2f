/**
 * skills.video's errors (docs /http-status, newer version): a flat `{error, code, message}` where
 * `error` is the legacy field. Entry names are what `X-Emulator-Error` accepts: each code in
 * lowercase.
 */
import type { ErrorCatalogue, FailureTable, ProviderErrors } from '../../core/errors/catalogue.js'
import type { components } from '../../generated/skills-video.js'

type ErrorBody = components['schemas']['Error']
type Code = components['schemas']['ErrorCode']

const entry = (status: number, code: Code, message: string, retryAfter = false) => ({
  status,
  code,
  message,
  retryAfter,
})

const CATALOGUE = {
  image_generation_invalid_input: entry(400, 'IMAGE_GENERATION_INVALID_INPUT', 'Invalid request.'),
  image_generation_unsupported_model: entry(
    400,
    'IMAGE_GENERATION_UNSUPPORTED_MODEL',
    'The requested model is not supported.',
  ),
  unauthorized: entry(401, 'UNAUTHORIZED', 'Authentication required or failed.'),
  insufficient_credits: {
    ...entry(
      402,
      'IMAGE_GENERATION_INSUFFICIENT_CREDITS',
      'Insufficient credits for this generation.',
    ),
    // The docs' example keeps the legacy `error` family-free while `code` names the family.
    extra: { error: 'INSUFFICIENT_CREDITS' },
  },
  forbidden: entry(403, 'FORBIDDEN', 'Access forbidden.'),
  not_found: entry(404, 'NOT_FOUND', 'Resource not found.'),
  image_generation_content_rejected: entry(
    422,
    'IMAGE_GENERATION_CONTENT_REJECTED',
    'Upstream moderation rejected the prompt or inputs.',
  ),
  image_generation_rate_limited: entry(
    429,
    'IMAGE_GENERATION_RATE_LIMITED',
    'Rate limit exceeded. Please retry later.',
    true,
  ),
  internal_error: entry(500, 'INTERNAL_ERROR', 'Internal server error.'),
  image_generation_failed: entry(502, 'IMAGE_GENERATION_FAILED', 'Upstream generation failed.'),
  image_generation_provider_unavailable: entry(
    503,
    'IMAGE_GENERATION_PROVIDER_UNAVAILABLE',
    'Upstream provider unavailable.',
  ),
  image_generation_timeout: entry(504, 'IMAGE_GENERATION_TIMEOUT', 'Generation timed out.'),
} satisfies ErrorCatalogue

const FAILURES: FailureTable = {
  missing_api_key: { entry: 'unauthorized' },
  invalid_api_key: { entry: 'unauthorized' },
  ip_not_allowed: 'forbidden',
  rate_limited: 'image_generation_rate_limited',
  insufficient_credits: 'insufficient_credits',
  // A spend limit set on the control plane reads as too few credits: skills.video documents none.
  spend_limit_exceeded: 'insufficient_credits',
  task_not_found: 'not_found',
  malformed_body: { entry: 'image_generation_invalid_input' },
  invalid_request: { entry: 'image_generation_invalid_input' },
  body_too_large: { entry: 'image_generation_invalid_input', status: 413 },
  content_rejected: 'image_generation_content_rejected',
  route_not_found: { entry: 'not_found' },
  unavailable: 'image_generation_provider_unavailable',
  internal: 'internal_error',
}

export const SKILLS_VIDEO_ERRORS: ProviderErrors = {
  catalogue: CATALOGUE,
  failures: FAILURES,
  envelope: ({ code, message, extra }): ErrorBody => ({
    error: (extra?.error as ErrorBody['error'] | undefined) ?? (code as Code),
    code: code as Code,
    message,
  }),
}

/** The refusal of a model the emulator does not serve, naming it. */
export const unsupportedModelMessage = (model: string) =>
  `Model '${model}' is not supported: the emulator serves openai/gpt-image-2.`
