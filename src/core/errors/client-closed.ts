/**
 * A client that went away before its request body arrived whole. Nothing failed on our side and
 * nobody is left to answer: it is journaled as 499 ("client closed request", nginx's code) and
 * never logged as an unexpected error.
 */
export const CLIENT_CLOSED_STATUS = 499

export class ClientClosedRequest extends Error {
  override readonly name = 'ClientClosedRequest'

  constructor(cause?: unknown) {
    super('The client closed the connection before its request body arrived.', { cause })
  }
}

/** The answer nobody reads: its status is what the journal and the request log keep. */
export function clientClosed(): Response {
  return new Response(null, { status: CLIENT_CLOSED_STATUS })
}
