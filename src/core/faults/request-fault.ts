/**
 * The fault a request met, read from what the fault middleware left on its context: the journal
 * and the log both ask here, so they always agree.
 */
import type { Context } from 'hono'
import type { EmulatorEnv } from '../http/env.js'
import { firedFault, type FiredFault } from './fired-fault.js'

/** The fault that fired, once the fault middleware has run (a refusal before it meets none). */
export function faultOfRequest(c: Context<EmulatorEnv>): FiredFault | null {
  const plan = c.get('faults') as EmulatorEnv['Variables']['faults'] | undefined
  if (plan === undefined) return null
  const header = Object.keys(c.get('steering').faults).length > 0
  return firedFault(plan, c.get('faultRuleIds'), header)
}
