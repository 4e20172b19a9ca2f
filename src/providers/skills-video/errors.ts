/**
 * skills.video's error catalogue (docs /http-status, newer version): a flat
 * `{error, code, message}` where `error` is the legacy field. Entry names are what
 * `X-Emulator-Error` accepts: each code in lowercase.
 */
import type { EmulatorConfig } from '../../config.js'
import { ProviderError, type Failure } from '../../core/failure.js'
import { retryAfterHeaders } from '../openai-family/openai-errors.js'
import type { components } from '../../generated/skills-video.js'

type ErrorBody = components['schemas']['Error']
type Code = components['schemas']['ErrorCode']

function skillsVideoError(
  status: number,
  code: Code,
  message: string,
  headers: Record<string, string> = {},
  legacy: ErrorBody['error'] = code,
): ProviderError {
  const body: ErrorBody = { error: legacy, code, message }
  return new ProviderError(status, body, headers)
}

export const invalidInput = (message: string) =>
  skillsVideoError(400, 'IMAGE_GENERATION_INVALID_INPUT', message)

export const unsupportedModel = (model: string) =>
  skillsVideoError(
    400,
    'IMAGE_GENERATION_UNSUPPORTED_MODEL',
    `Model '${model}' is not supported: the emulator serves openai/gpt-image-2.`,
  )

export function createSkillsVideoErrors(config: EmulatorConfig) {
  const retry = retryAfterHeaders(config.retryAfterSeconds)
  return {
    image_generation_invalid_input: () => invalidInput('Invalid request.'),
    image_generation_unsupported_model: () =>
      skillsVideoError(
        400,
        'IMAGE_GENERATION_UNSUPPORTED_MODEL',
        'The requested model is not supported.',
      ),
    unauthorized: () => skillsVideoError(401, 'UNAUTHORIZED', 'Authentication required or failed.'),
    // The docs' example keeps the legacy `error` family-free while `code` names the family.
    insufficient_credits: () =>
      skillsVideoError(
        402,
        'IMAGE_GENERATION_INSUFFICIENT_CREDITS',
        'Insufficient credits for this generation.',
        {},
        'INSUFFICIENT_CREDITS',
      ),
    forbidden: () => skillsVideoError(403, 'FORBIDDEN', 'Access forbidden.'),
    not_found: () => skillsVideoError(404, 'NOT_FOUND', 'Resource not found.'),
    image_generation_content_rejected: () =>
      skillsVideoError(
        422,
        'IMAGE_GENERATION_CONTENT_REJECTED',
        'Upstream moderation rejected the prompt or inputs.',
      ),
    image_generation_rate_limited: () =>
      skillsVideoError(
        429,
        'IMAGE_GENERATION_RATE_LIMITED',
        'Rate limit exceeded. Please retry later.',
        retry,
      ),
    internal_error: () => skillsVideoError(500, 'INTERNAL_ERROR', 'Internal server error.'),
    image_generation_failed: () =>
      skillsVideoError(502, 'IMAGE_GENERATION_FAILED', 'Upstream generation failed.'),
    image_generation_provider_unavailable: () =>
      skillsVideoError(
        503,
        'IMAGE_GENERATION_PROVIDER_UNAVAILABLE',
        'Upstream provider unavailable.',
      ),
    image_generation_timeout: () =>
      skillsVideoError(504, 'IMAGE_GENERATION_TIMEOUT', 'Generation timed out.'),
  }
}

export type SkillsVideoErrors = ReturnType<typeof createSkillsVideoErrors>

export function renderSkillsVideoFailure(
  failure: Failure,
  errors: SkillsVideoErrors,
): ProviderError {
  switch (failure.kind) {
    case 'missing_api_key':
    case 'invalid_api_key':
      return skillsVideoError(401, 'UNAUTHORIZED', failure.message)
    case 'malformed_body':
    case 'invalid_request':
      return invalidInput(failure.message)
    case 'body_too_large':
      return skillsVideoError(413, 'IMAGE_GENERATION_INVALID_INPUT', failure.message)
    case 'content_rejected':
      return errors.image_generation_content_rejected()
    case 'route_not_found':
      return skillsVideoError(404, 'NOT_FOUND', failure.message)
    case 'internal':
      return errors.internal_error()
  }
}
