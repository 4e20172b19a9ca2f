/**
 * The two ways provider code refuses a request. Core code throws a `Failure`, a provider-neutral
 * kind that each provider's failure table maps to an entry of its catalogue. Provider code throws
 * a `Refusal`, naming its own catalogue entry. Both are rendered once, by core/errors/render.ts.
 */

export type FailureKind =
  /** The body is not valid JSON, or not the media type the endpoint takes. */
  | 'malformed_body'
  /** The body is larger than the configured limit. */
  | 'body_too_large'
  /** A field is missing, of the wrong type or out of range. */
  | 'invalid_request'
  /** No credentials were sent, or they are not in the expected form. */
  | 'missing_api_key'
  /**
   * Credentials were sent but are not accepted (unknown form, or disabled on the control plane).
   */
  | 'invalid_api_key'
  /** The caller's address is outside the key's allowlist. */
  | 'ip_not_allowed'
  /** The key is over its rate limit. */
  | 'rate_limited'
  /** The balance does not cover the price. */
  | 'insufficient_credits'
  /** The charge would pass one of the key's spend limits. */
  | 'spend_limit_exceeded'
  /** No task of the caller's has this id. */
  | 'task_not_found'
  /** The prompt or inputs tripped the moderation rules. */
  | 'content_rejected'
  /** The path or method does not exist under the provider's mount. */
  | 'route_not_found'
  /** The shared state store (Redis) cannot be reached: the provider's 503, to retry later. */
  | 'unavailable'
  /** Anything unexpected: a bug in the emulator, reported in the provider's 500 envelope. */
  | 'internal'

export interface FailureDetail {
  /** The request field at fault, in the provider's own naming (`size`, `input.prompt`). */
  param?: string | null
  /** A finer code in OpenAI's vocabulary (`invalid_value`, `missing_required_parameter`). */
  code?: string | null
  /** Headers sent with the answer (`x-ratelimit-*`), over the catalogue entry's. */
  headers?: Record<string, string>
}

export class Failure extends Error {
  override readonly name = 'Failure'

  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly detail: FailureDetail = {},
  ) {
    super(message)
  }
}

export interface RefusalOverrides {
  /** Replaces the entry's sentence (a model name, a moderation category). */
  message?: string
  headers?: Record<string, string>
  /** Envelope fields beyond the usual ones, merged over the entry's `extra`. */
  extra?: Record<string, unknown>
}

/** A named entry of the provider's own error catalogue, as `X-Emulator-Error` names them. */
export class Refusal extends Error {
  override readonly name = 'Refusal'

  constructor(
    readonly entry: string,
    readonly overrides: RefusalOverrides = {},
  ) {
    super(`refusal ${entry}`)
  }
}
