/** The hono environment every route shares: what middleware leaves on the context. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Context } from 'hono'
import type { FaultPlan } from '../faults/fault-actions.js'
import type { FiredFault } from '../faults/fired-fault.js'
import type { Steering } from '../steering/decode.js'
import type { KeyPolicy } from '../keys/key-policies.js'

export interface EmulatorEnv {
  /** Set by @hono/node-server; absent when the app is called in-process (`app.request`). */
  Bindings: {
    incoming?: IncomingMessage
    outgoing?: ServerResponse
  }
  Variables: {
    /** The `x-request-id` sent back with this request's response. */
    requestId: string
    /** Every `X-Emulator-*` header, decoded by the first middleware. */
    steering: Steering
    /** The caller's key, set by `requireApiKey` on provider routes. */
    apiKey: string
    /**
     * What the control plane set on that key, read once by `enforceKeyPolicies`: a charge later
     * in the request takes its spend limits from here, not from another read of the store.
     */
    keyPolicy: KeyPolicy
    /**
     * Faults for this request: the fault rules' plan merged with the steering's one-shot
     * faults.
     */
    faults: FaultPlan
    /** What fired on this request, said once for the journal and the log; null when nothing. */
    fault: FiredFault | null
    /** Why the request was refused, in one phrase, for the log (set where errors are rendered). */
    refusal: string
    /** Set when a fault ended the connection without a response: no status was sent. */
    dropped: 'reset' | 'empty'
  }
}

/**
 * The Node request behind `c`; undefined in-process, where hono leaves `c.env` itself undefined
 * (so its type, which says otherwise, is widened here).
 */
export function incomingOf(c: Context<EmulatorEnv>): IncomingMessage | undefined {
  return (c.env as EmulatorEnv['Bindings'] | undefined)?.incoming
}
