/**
 * Failures raised by provider-neutral code (body parsing, auth, size rules). Core throws a
 * `Failure`; each provider's error catalogue renders it in that provider's envelope and status.
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
  /** Credentials were sent but are not accepted. */
  | 'invalid_api_key'
  /** The prompt or inputs tripped the moderation rules. */
  | 'content_rejected'
  /** The path or method does not exist under the provider's mount. */
  | 'route_not_found'
  /** Anything unexpected: a bug in the emulator, reported in the provider's 500 envelope. */
  | 'internal'

export interface FailureDetail {
  /** The request field at fault, in the provider's own naming (`size`, `input.prompt`). */
  param?: string | null
  /** A finer code in OpenAI's vocabulary (`invalid_value`, `missing_required_parameter`). */
  code?: string | null
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

/**
 * An error already rendered in a provider's envelope: status, JSON body and extra headers.
 * Provider catalogues build these; the provider's error handler sends them unchanged.
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError'

  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`provider error ${status}`)
  }
}
