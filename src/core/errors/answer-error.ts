/**
 * The last word on a request that threw: an emulator error in its envelope, a client that went
 * away as such, anything else as a logged 500 that says where to look.
 */
import type { Context } from 'hono'
import { EmulatorError } from './emulator-error.js'
import { ClientClosedRequest, clientClosed } from './client-closed.js'
import { refusalReason } from './render.js'

export function answerError(err: Error, c: Context): Response {
  if (err instanceof ClientClosedRequest) return clientClosed()
  // A body refused unread leaves bytes in flight: close the connection so no client reuses it.
  const unread = err instanceof EmulatorError && err.status === 413
  if (err instanceof EmulatorError) {
    c.set('refusal', refusalReason(err.code, err.message)) // for the log
    return c.json(err.toBody(), err.status, unread ? { connection: 'close' } : {})
  }
  console.error('[gpt-image-emulator] unexpected error:', err)
  return c.json(
    {
      emulator_error: {
        code: 'internal',
        message: 'The emulator failed unexpectedly; see its log.',
      },
    },
    500,
  )
}
