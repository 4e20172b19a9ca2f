/**
 * A request's log lines: method, path, status and latency, with why it was refused or how its
 * connection was dropped; and, when a fault fired, which rule (or the request's own header) and
 * what it did.
 */
import type { FiredFault } from '../faults/fired-fault.js'
import { timeOfDay, type LogEntry } from './log.js'

export interface RequestFacts {
  time: number
  requestId: string
  method: string
  /** Already redacted. */
  path: string
  provider: string
  /** Null when no response was sent: the connection was reset or closed. */
  status: number | null
  latencyMs: number
  /** Why the request was refused, in one phrase (`invalid_api_key: Invalid API key.`). */
  reason?: string
  /** How the connection ended without a response (`connection reset`). */
  dropped?: string
}

/**
 * Built on every request: each form is made only when read, so a log renders the one its format
 * needs (`--log json` never builds the readable line, `pretty` never the fields).
 */
export function requestEntry(facts: RequestFacts, color = false): LogEntry {
  const { time, method, path, status, latencyMs, reason, dropped } = facts
  return {
    event: 'request',
    time,
    get fields() {
      return {
        request_id: facts.requestId,
        method,
        path,
        provider: facts.provider,
        status,
        latency_ms: latencyMs,
        ...(reason !== undefined && { reason }),
        ...(dropped !== undefined && { dropped }),
      }
    },
    get text() {
      const paint = (code: number, text: string) =>
        color ? `\u001b[${code}m${text}\u001b[0m` : text
      const statusText =
        status === null
          ? paint(31, '---')
          : paint(status >= 500 ? 31 : status >= 400 ? 33 : 32, String(status))
      const why = dropped ?? reason
      return (
        `${timeOfDay(time)} ${method.padEnd(6)} ${statusText} ${String(latencyMs).padStart(7)} ms  ` +
        `${path}${why === undefined ? '' : `  ${why}`}`
      )
    },
  }
}

/** `rule f_1`, `rules f_1, f_2`, `header`, or `rule f_1 and header`. */
export function faultSource(fault: Pick<FiredFault, 'ruleIds' | 'header'>): string {
  const { ruleIds, header } = fault
  const rules =
    ruleIds.length === 0 ? '' : `${ruleIds.length === 1 ? 'rule' : 'rules'} ${ruleIds.join(', ')}`
  if (!header) return rules
  return rules === '' ? 'header' : `${rules} and header`
}

export function faultEntry(
  fault: FiredFault,
  request: Pick<RequestFacts, 'time' | 'requestId' | 'method' | 'path' | 'provider'>,
): LogEntry {
  const { time, method, path } = request
  return {
    event: 'fault',
    time,
    fields: {
      request_id: request.requestId,
      method,
      path,
      provider: request.provider,
      rules: fault.ruleIds,
      header: fault.header,
      action: fault.action,
    },
    text: `${timeOfDay(time)} fault  ${faultSource(fault)} on ${method} ${path}: ${fault.action}`,
  }
}
