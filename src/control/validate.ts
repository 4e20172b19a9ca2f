/**
 * Control-plane body reading and validation: refusals in the emulator's envelope, naming the
 * field and its allowed values. Bodies are bounded in size (refused before they are read whole)
 * and in nesting depth, so no body can exhaust the memory or the stack.
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { z } from 'zod'
import { EmulatorError } from '../core/errors/emulator-error.js'
import { ClientClosedRequest } from '../core/errors/client-closed.js'
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../core/http/json-depth.js'

const maxBytesOf = new WeakMap<Context['req'], number>()

const tooLarge = (max: number) =>
  new EmulatorError(413, 'body_too_large', `The body is larger than ${max} bytes.`)

/** Refuses a declared length over `max` at once; `readControlBody` counts the rest as it reads. */
export function limitControlBodies(max: number): MiddlewareHandler {
  return async function limitControlBodies(c, next) {
    maxBytesOf.set(c.req, max)
    const declared = c.req.header('content-length')
    if (declared !== undefined && Number(declared) > max) throw tooLarge(max)
    await next()
  }
}

export async function readControlBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<z.output<S>> {
  const text = await readText(c)
  if (exceedsJsonDepth(text)) {
    throw new EmulatorError(
      400,
      'invalid_json',
      `The body is nested more than ${MAX_JSON_DEPTH} levels deep.`,
    )
  }
  let body: unknown
  try {
    body = JSON.parse(text || '{}')
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

/** The body as text, read chunk by chunk and given up on as soon as it passes the limit. */
async function readText(c: Context): Promise<string> {
  const max = maxBytesOf.get(c.req) ?? Infinity
  const stream = c.req.raw.body
  if (!stream) return ''
  // Node types a request body loosely; its chunks are bytes.
  const reader = stream.getReader() as ReadableStreamDefaultReader<Uint8Array>
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const chunk = await reader.read().catch((err: unknown) => {
      throw new ClientClosedRequest(err)
    })
    if (chunk.done) break
    total += chunk.value.byteLength
    if (total > max) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge(max)
    }
    chunks.push(chunk.value)
  }
  return Buffer.concat(chunks).toString('utf8')
}
