/** The hono environment every route shares: what middleware leaves on the context. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FaultPlan } from '../faults/fault-actions.js'

export interface EmulatorEnv {
  /** Set by @hono/node-server; absent when the app is called in-process (`app.request`). */
  Bindings: {
    incoming?: IncomingMessage
    outgoing?: ServerResponse
  }
  Variables: {
    /** The `x-request-id` sent back with this request's response. */
    requestId: string
    /** The caller's key, set by `requireApiKey` on provider routes. */
    apiKey: string
    /** Faults chosen for this request by rules and `X-Emulator-*` headers. */
    faults: FaultPlan
  }
}
