/**
 * The headers of one delivery attempt, described as data rather than built by a closure: a
 * delivery queued on one replica can then be sent, or sent again, by another, which rebuilds them
 * with the attempt's own time (a fresh timestamp, a fresh signature).
 */
import { standardWebhookHeaders } from './standard-webhooks.js'

export interface AttemptHeaders {
  /** Sent as they are on every attempt. */
  fixed?: Record<string, string>
  /** A header set to the attempt's time, in whole seconds since the epoch. */
  timestampHeader?: string
  /** Signed per attempt with the Standard Webhooks scheme (`webhook-id`, `-timestamp`, `-signature`). */
  standardWebhooks?: { secret: string; id: string }
}

export function attemptHeaders(
  spec: AttemptHeaders,
  attemptAt: number,
  body: string,
): Record<string, string> {
  const headers = { ...spec.fixed }
  if (spec.timestampHeader) headers[spec.timestampHeader] = String(Math.floor(attemptAt / 1000))
  if (spec.standardWebhooks) {
    const { secret, id } = spec.standardWebhooks
    Object.assign(headers, standardWebhookHeaders(secret, id, new Date(attemptAt), body))
  }
  return headers
}
