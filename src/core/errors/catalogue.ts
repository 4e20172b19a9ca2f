/**
 * A provider's errors as data: a catalogue of entries (what `X-Emulator-Error` and fault rules
 * name), a table saying how each provider-neutral failure is answered, and the envelope that
 * shapes an entry into the provider's JSON.
 */
import type { FailureDetail, FailureKind } from './failure.js'

export interface ErrorEntry {
  status: number
  /** The provider's code: a string, CRUN's numbers, or null where OpenAI sends null. */
  code: string | number | null
  /** The error family, for envelopes that carry one (`invalid_request_error`). */
  type?: string
  message: string
  headers?: Record<string, string>
  /** A 429-style answer: `retry-after` and `retry-after-ms` from config are sent with it. */
  retryAfter?: boolean
  /** Envelope fields beyond the usual ones (OpenAI's `moderation_details`). */
  extra?: Record<string, unknown>
}

export type ErrorCatalogue = Readonly<Record<string, ErrorEntry>>

/**
 * How one failure kind is answered: a catalogue entry as it stands (its name), or an entry (or
 * none) with fields replaced. Unless `message` says otherwise, an answer given as an object
 * speaks the failure's own sentence, which names the field or header at fault.
 */
export type FailureAnswer =
  | string
  | (Partial<Omit<ErrorEntry, 'message'>> & {
      entry?: string
      /** Words the failure's sentence for this provider (`Validation Error: ...`). */
      message?: (failureMessage: string) => string
    })

export type FailureTable = Readonly<Record<FailureKind, FailureAnswer>>

/** Shapes an entry into the provider's JSON body; `detail` carries a failure's field and code. */
export type Envelope = (entry: ErrorEntry, detail: FailureDetail) => unknown

export interface ProviderErrors {
  catalogue: ErrorCatalogue
  failures: FailureTable
  envelope: Envelope
}
