/**
 * The fault a request met, read from what the fault middleware left on its context: the journal
 * and the log both ask here, so they always agree.
 */
import type { Context } from 'hono'
import type { EmulatorEnv } from '../http/env.js'
import type { FiredFault } from './fired-fault.js'

/**
 * The fault that fired, as the fault middleware said it once (a request refused before that
 * middleware met none).
 */
export function faultOfRequest(c: Context<EmulatorEnv>): FiredFault | null {
  // Unset, not null, when the middleware never ran.
  const fault: FiredFault | null | undefined = c.get('fault')
  return fault ?? null
}
