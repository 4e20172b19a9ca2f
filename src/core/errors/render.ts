/**
 * The one place an error becomes a response: an emulator refusal in the emulator's envelope, a
 * provider's `Refusal` or `Failure` through that provider's catalogue and envelope, and anything
 * else as the provider's 500 (logged, since it is a bug).
 */
import { EmulatorError } from './emulator-error.js'
import { Failure, Refusal } from './failure.js'
import type { ErrorEntry, FailureAnswer, ProviderErrors } from './catalogue.js'

export interface RenderedError {
  status: number
  body: unknown
  headers: Record<string, string>
  /** Why, in one short phrase for the log: `invalid_api_key: Invalid API key.` */
  reason: string
}

/** Longer sentences are cut here: a log line names the reason, the body has the whole of it. */
const REASON_CHARS = 100

/** `<name>: <sentence>`, the sentence cut to a log line's measure. */
export function refusalReason(name: string, message: string): string {
  const text = message.length > REASON_CHARS ? `${message.slice(0, REASON_CHARS - 3)}...` : message
  return `${name}: ${text}`
}

export interface ErrorRenderer {
  /** The catalogue's entry names: what `X-Emulator-Error` and fault rules accept. */
  names: readonly string[]
  render(err: unknown): RenderedError
}

/** `retry-after` (whole seconds) and `retry-after-ms`, the pair the openai SDK reads. */
export function retryAfterHeaders(seconds: number): Record<string, string> {
  return {
    'retry-after': String(Math.ceil(seconds)),
    'retry-after-ms': String(Math.round(seconds * 1000)),
  }
}

export function createErrorRenderer(
  errors: ProviderErrors,
  options: { retryAfterSeconds: number },
): ErrorRenderer {
  const { catalogue, failures, envelope } = errors
  const retryAfter = retryAfterHeaders(options.retryAfterSeconds)

  const entryNamed = (name: string): ErrorEntry => {
    const entry = catalogue[name]
    if (!entry) throw new Error(`No error catalogue entry '${name}'`)
    return entry
  }

  const answer = (
    entry: ErrorEntry,
    reason: string,
    detail: Failure['detail'] = {},
  ): RenderedError => ({
    status: entry.status,
    body: envelope(entry, detail),
    headers: { ...(entry.retryAfter && retryAfter), ...entry.headers, ...detail.headers },
    reason,
  })

  const answerFailure = (failure: Failure): RenderedError => {
    const how: FailureAnswer = failures[failure.kind]
    // The failure's own sentence names the cause (`Missing API key...`), whatever the entry says.
    const reason = refusalReason(failure.kind, failure.message)
    if (typeof how === 'string') return answer(entryNamed(how), reason, failure.detail)
    const { entry: name, message, ...fields } = how
    const base = name === undefined ? undefined : entryNamed(name)
    const entry: ErrorEntry = {
      status: 500,
      code: null,
      ...base,
      ...fields,
      message: message ? message(failure.message) : failure.message,
    }
    return answer(entry, reason, failure.detail)
  }

  return {
    names: Object.keys(catalogue),
    render(err) {
      if (err instanceof EmulatorError)
        return {
          status: err.status,
          body: err.toBody(),
          headers: {},
          reason: refusalReason(err.code, err.message),
        }
      if (err instanceof Refusal) {
        const entry = entryNamed(err.entry)
        const { message, headers, extra } = err.overrides
        return answer(
          {
            ...entry,
            message: message ?? entry.message,
            headers: { ...entry.headers, ...headers },
            extra: { ...entry.extra, ...extra },
          },
          refusalReason(err.entry, message ?? entry.message),
        )
      }
      if (err instanceof Failure) return answerFailure(err)
      console.error('[gpt-image-emulator] unexpected error:', err)
      return answerFailure(
        new Failure('internal', 'The server had an error while processing your request.'),
      )
    },
  }
}
