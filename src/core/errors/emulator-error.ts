/**
 * The emulator's own refusals (a malformed `X-Emulator-*` header, a bad control-plane body).
 * They never take a provider's envelope, so a test can tell the emulator from the provider.
 */

export interface EmulatorErrorBody {
  emulator_error: {
    code: string
    message: string
    /** The header or body field at fault. */
    field?: string
    /** The values that field accepts, when they are a closed list. */
    allowed?: string[]
  }
}

export class EmulatorError extends Error {
  override readonly name = 'EmulatorError'

  constructor(
    readonly status: 400 | 401 | 404 | 409 | 410 | 413 | 422 | 502 | 503,
    readonly code: string,
    message: string,
    readonly extra: { field?: string; allowed?: string[] } = {},
  ) {
    super(message)
  }

  toBody(): EmulatorErrorBody {
    return { emulator_error: { code: this.code, message: this.message, ...this.extra } }
  }
}
