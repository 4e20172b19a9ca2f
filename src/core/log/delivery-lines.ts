/**
 * A callback's or webhook's log lines: each failed attempt (with when the next one is due), the
 * give-up, and a delivery that got through after failing. First attempts that succeed are not
 * logged: `/__emulator/deliveries` has every attempt.
 */
import type { AttemptReport, DeliveryAttempt } from '../callbacks/delivery.js'
import { redactUrl } from '../redact.js'
import { formatWait, timeOfDay, type LogEntry } from './log.js'

/** The entry for one attempt, or null when it is not worth a line. */
export function deliveryEntry(
  attempt: DeliveryAttempt,
  report: AttemptReport,
  time: number,
): LogEntry | null {
  const { outcome } = attempt
  if (outcome === 'delivered' && (attempt.attempt === 1 || report.kind !== 'scheduled')) return null
  const url = redactUrl(attempt.url)
  const counted =
    report.kind === 'scheduled'
      ? `attempt ${attempt.attempt}/${report.maxAttempts}`
      : `${report.kind} (attempt ${attempt.attempt})`
  const wait = report.nextAttemptInMs
  const gaveUp = outcome === 'failed' && report.kind === 'scheduled'
  const event =
    outcome === 'delivered' ? 'callback_delivered' : gaveUp ? 'callback_gave_up' : 'callback_failed'
  const what =
    outcome === 'delivered'
      ? `delivered on ${counted}`
      : `${counted} failed (${attempt.error ?? `HTTP ${String(attempt.status)}`})` +
        (wait !== null
          ? `, next in ${formatWait(wait)} (${timeOfDay(time + wait)})`
          : gaveUp
            ? ': gave up'
            : '')
  return {
    event,
    time,
    fields: {
      provider: attempt.provider,
      namespace: attempt.namespace,
      task_id: attempt.taskId,
      callback_event: attempt.event,
      url,
      attempt: attempt.attempt,
      max_attempts: report.maxAttempts,
      kind: report.kind,
      status: attempt.status,
      error: attempt.error,
      next_attempt_in_ms: wait,
      next_attempt_at: wait === null ? null : new Date(time + wait).toISOString(),
    },
    text:
      `${timeOfDay(time)} callback ${attempt.provider} task ${attempt.taskId} ${attempt.event} ` +
      `to ${url}: ${what}`,
  }
}
