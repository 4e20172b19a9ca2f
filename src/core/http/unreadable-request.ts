/**
 * The answer to a request @hono/node-server cannot turn into a `Request` at all (a Host header
 * that is not a host, a backslash in the path, `*` as the target): it would send a bare 400 with
 * no body; the emulator's envelope says what was wrong instead. Anything else that escapes the
 * app gets the emulator's 500 envelope rather than an empty one.
 */
import { RequestError } from '@hono/node-server'

export function answerUnreadableRequest(err: unknown): Response {
  if (err instanceof RequestError) {
    return Response.json(
      {
        emulator_error: {
          code: 'bad_request',
          message: `The request could not be read: ${err.message}.`,
        },
      },
      { status: 400, headers: { connection: 'close' } },
    )
  }
  console.error('[gpt-image-emulator] unexpected error:', err)
  return Response.json(
    {
      emulator_error: {
        code: 'internal',
        message: 'The emulator failed unexpectedly; see its log.',
      },
    },
    { status: 500 },
  )
}
