/**
 * Control-plane body validation: refusals in the emulator's envelope, naming the field and its
 * allowed values.
 */
import type { Context } from 'hono'
import type { z } from 'zod'
import { EmulatorError } from '../core/errors/emulator-error.js'

export async function readControlBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<z.output<S>> {
  let body: unknown
  try {
    body = JSON.parse((await c.req.text()) || '{}')
  } catch {
    throw new EmulatorError(400, 'invalid_json', 'The body is not valid JSON.')
  }
  const result = schema.safeParse(body)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const field = issue.path.map(String).join('.') || '(body)'
  const allowed = issue.code === 'invalid_value' ? issue.values.map(String) : undefined
  throw new EmulatorError(422, 'invalid_field', `Invalid '${field}': ${issue.message}.`, {
    field,
    ...(allowed && { allowed }),
  })
}
