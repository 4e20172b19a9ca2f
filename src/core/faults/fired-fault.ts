/**
 * What fired on one request, said the way a person reads it: which rules (or the request's own
 * `X-Emulator-*` headers) and what they did. The journal keeps it; the dashboard shows it.
 */
import type { FaultPlan } from './fault-actions.js'

export interface FiredFault {
  /** The fault rules that fired, by id. */
  ruleIds: readonly string[]
  /** Whether the request's own fault headers asked for something. */
  header: boolean
  /** What it did, in a few words: `error rate_limit_exceeded, latency 100-400 ms`. */
  action: string
}

/** The fault a request met, or null when nothing fired. */
export function firedFault(
  plan: FaultPlan,
  ruleIds: readonly string[],
  header: boolean,
): FiredFault | null {
  if (ruleIds.length === 0 && !header) return null
  const action = describePlan(plan)
  return action === '' ? null : { ruleIds, header, action }
}

/** How a dropped connection ended, in the words of the journal, the dashboard and the log. */
export const DROPPED_WORDS = {
  reset: 'connection reset',
  empty: 'closed without a reply',
} as const

function describePlan(plan: FaultPlan): string {
  const parts: string[] = []
  if (plan.error !== undefined) parts.push(`error ${plan.error}`)
  if (plan.latency) {
    const { minMs, maxMs } = plan.latency
    parts.push(minMs === maxMs ? `latency ${minMs} ms` : `latency ${minMs}-${maxMs} ms`)
  }
  const connection = plan.connection
  if (connection?.kind === 'reset' || connection?.kind === 'empty')
    parts.push(DROPPED_WORDS[connection.kind])
  if (connection?.kind === 'truncate') parts.push('body cut short')
  if (connection?.kind === 'malformed') parts.push('body made malformed')
  if (connection?.kind === 'stream-cut')
    parts.push(`stream cut after ${connection.afterEvents} events`)
  if (plan.task)
    parts.push(
      `task fails while ${plan.task.stage}` + (plan.task.code ? ` (${plan.task.code})` : ''),
    )
  const callback = plan.callback
  if (callback?.failFirst) parts.push(`callback fails ${callback.failFirst}x first`)
  if (callback?.duplicate) parts.push('callback sent twice')
  if (callback?.outOfOrder) parts.push('callbacks out of order')
  return parts.join(', ')
}
