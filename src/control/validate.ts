/**
 * Control-plane body reading and validation: refusals in the emulator's envelope, naming the
 * field and its allowed values. Bodies go through the providers' own reader (core/http/read-body),
 * so they are bounded in size (refused before they are read whole) and in nesting depth alike.
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { z } from 'zod'
import { EmulatorError } from '../core/errors/emulator-error.js'
import { Failure } from '../core/errors/failure.js'
import { limitBodySize, readBody } from '../core/http/read-body.js'

/** The providers' refusals of a body, in the emulator's envelope. */
function asEmulatorError(err: unknown): unknown {
  if (!(err instanceof Failure)) return err
  if (err.kind === 'body_too_large') return new EmulatorError(413, 'body_too_large', err.message)
  return new EmulatorError(400, 'invalid_json', err.message)
}

/** Holds every control-plane body, whatever its label, to `max` bytes. */
export function limitControlBodies(max: number): MiddlewareHandler {
  const limit = limitBodySize({ jsonBodyBytes: max, multipartBodyBytes: max })
  return async function limitControlBodies(c, next) {
    try {
      await limit(c, next)
    } catch (err) {
      throw asEmulatorError(err)
    }
  }
}

export async function readControlBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<z.output<S>> {
  const body = await readBody(c).catch((err: unknown) => {
    throw asEmulatorError(err)
  })
  // An empty body stands for `{}`: every control-plane body has defaults for all it holds.
  if (body.kind === 'malformed' && body.text !== '') throw asEmulatorError(body.failure)
  if (body.kind === 'multipart') {
    throw new EmulatorError(400, 'invalid_json', 'The body must be JSON, not a form.')
  }
  const result = schema.safeParse(body.kind === 'json' ? body.value : {})
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const field = issue.path.map(String).join('.') || '(body)'
  const allowed = issue.code === 'invalid_value' ? issue.values.map(String) : undefined
  throw new EmulatorError(422, 'invalid_field', `Invalid '${field}': ${issue.message}.`, {
    field,
    ...(allowed && { allowed }),
  })
}
