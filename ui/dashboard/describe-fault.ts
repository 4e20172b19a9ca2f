/** A fault rule's match and plan in words, for the faults table. */
import type { FaultRule } from './types.js'

export function describeMatch(match: FaultRule['match']): string {
  const parts = [
    match.provider,
    match.method,
    match.path && `path contains ${match.path}`,
    match.key && `key ${match.key}`,
    match.prompt_contains && `prompt contains "${match.prompt_contains}"`,
  ].filter(Boolean)
  return parts.length ? parts.join(' · ') : 'every provider request'
}

export function describePlan(plan: FaultRule['plan']): string {
  const parts: string[] = []
  if (plan.error) parts.push(`error ${plan.error}`)
  if (plan.latency_ms) {
    const [min, max] = plan.latency_ms
    parts.push(min === max ? `latency ${min} ms` : `latency ${min}–${max} ms`)
  }
  if (plan.connection) parts.push(`connection ${plan.connection}`)
  if (plan.task_failure) {
    const { stage, code } = plan.task_failure
    parts.push(`task fails while ${stage}${code ? ` (${code})` : ''}`)
  }
  if (plan.callback) {
    const { fail_first, duplicate, out_of_order } = plan.callback
    if (fail_first) parts.push(`callback fails ${fail_first}×`)
    if (duplicate) parts.push('callback sent twice')
    if (out_of_order) parts.push('callbacks out of order')
  }
  return parts.join(', ') || 'nothing'
}
