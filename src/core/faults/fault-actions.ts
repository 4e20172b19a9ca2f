/**
 * What a fault does, whether it comes from a rule (`/__emulator/faults`) or from a one-shot
 * request header. Both are written in the same small vocabulary and parsed here.
 *
 *   X-Emulator-Error: rate_limit_exceeded           an entry of the provider's error catalogue
 *   X-Emulator-Latency: 250 | 100-400               milliseconds before answering
 *   X-Emulator-Fault: <token>[, <token>...]         reset | empty | truncate | malformed |
 *                                                   stream-cut:<events> |
 *                                                   task-fail:<queued|running>[:<code>] |
 *                                                   callback-fail:<attempts> | callback-duplicate |
 *                                                   callback-out-of-order
 */

export type ConnectionFault =
  /** The connection is reset before any byte of a response (the request is not processed). */
  | { kind: 'reset' }
  /** The connection is closed without a response (the request is not processed). */
  | { kind: 'empty' }
  /** Status, headers and half the body are sent, then the connection closes. */
  | { kind: 'truncate' }
  /** The status is kept but the body is not valid JSON. */
  | { kind: 'malformed' }
  /** A server-sent-events answer stops after this many events and the connection drops. */
  | { kind: 'stream-cut'; afterEvents: number }

export interface TaskFault {
  stage: 'queued' | 'running'
  /** The provider's failure code; the provider's usual one when omitted. */
  code?: string
}

export interface CallbackFault {
  /** The first N delivery attempts fail (logged as injected) before real ones go out. */
  failFirst?: number
  /** Each callback arrives twice. */
  duplicate?: boolean
  /** A task's callbacks are held until it ends, then sent newest first. */
  outOfOrder?: boolean
}

export interface FaultPlan {
  error?: string
  latency?: { minMs: number; maxMs: number }
  connection?: ConnectionFault
  task?: TaskFault
  callback?: CallbackFault
}

export const FAULT_TOKENS = [
  'reset',
  'empty',
  'truncate',
  'malformed',
  'stream-cut:<events>',
  'task-fail:<queued|running>[:<code>]',
  'callback-fail:<attempts>',
  'callback-duplicate',
  'callback-out-of-order',
] as const

export class FaultSyntaxError extends Error {}

/** Parses `250` or `100-400` (milliseconds, at most a minute). */
export function parseLatency(text: string): { minMs: number; maxMs: number } {
  const match = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(text)
  const minMs = Number(match?.[1])
  const maxMs = match?.[2] === undefined ? minMs : Number(match[2])
  if (!match || maxMs < minMs || maxMs > 60_000) {
    throw new FaultSyntaxError(
      `'${text}' is not a latency: use milliseconds (250) or a range (100-400), at most 60000`,
    )
  }
  return { minMs, maxMs }
}

/**
 * Parses the comma-separated tokens of `X-Emulator-Fault` into a plan (errors name the bad token).
 */
export function parseFaultTokens(text: string): FaultPlan {
  const plan: FaultPlan = {}
  for (const raw of text.split(',')) {
    const token = raw.trim()
    const [name, arg, extra] = token.split(':').map((part) => part.trim())
    const count = (value: string | undefined, max: number) => {
      const n = Number(value)
      if (!Number.isInteger(n) || n < 1 || n > max)
        throw new FaultSyntaxError(`'${token}' needs a whole number from 1 to ${max}`)
      return n
    }
    switch (name) {
      case 'reset':
      case 'empty':
      case 'truncate':
      case 'malformed':
        plan.connection = { kind: name }
        break
      case 'stream-cut':
        plan.connection = { kind: 'stream-cut', afterEvents: count(arg, 1000) }
        break
      case 'task-fail':
        if (arg !== 'queued' && arg !== 'running')
          throw new FaultSyntaxError(
            `'${token}' needs a stage: task-fail:queued or task-fail:running`,
          )
        plan.task = { stage: arg, ...(extra && { code: extra }) }
        break
      case 'callback-fail':
        plan.callback = { ...plan.callback, failFirst: count(arg, 20) }
        break
      case 'callback-duplicate':
        plan.callback = { ...plan.callback, duplicate: true }
        break
      case 'callback-out-of-order':
        plan.callback = { ...plan.callback, outOfOrder: true }
        break
      default:
        throw new FaultSyntaxError(`unknown fault '${token}'`)
    }
  }
  return plan
}

/** Joins plans; later ones win where both set the same thing. */
export function mergePlans(...plans: FaultPlan[]): FaultPlan {
  const merged: FaultPlan = {}
  for (const plan of plans) {
    // Callback faults add up (a rule's callback-fail with a header's callback-duplicate).
    const callback = plan.callback && { ...merged.callback, ...plan.callback }
    Object.assign(merged, plan, callback && { callback })
  }
  return merged
}
