/**
 * Body readers for provider routes: a size limit per media type, and JSON or multipart parsing
 * that turns every malformed body into a `Failure` the provider renders in its own envelope.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { Failure } from '../errors/failure.js'

export interface BodyLimits {
  jsonBodyBytes: number
  multipartBodyBytes: number
}

/** Refuses bodies over the limit for their media type (multipart uploads get the larger one). */
export function limitBodySize(limits: BodyLimits): MiddlewareHandler {
  const tooLarge = (max: number) => () => {
    throw new Failure('body_too_large', `Request body too large. The maximum size is ${max} bytes.`)
  }
  const json = bodyLimit({ maxSize: limits.jsonBodyBytes, onError: tooLarge(limits.jsonBodyBytes) })
  const multipart = bodyLimit({
    maxSize: limits.multipartBodyBytes,
    onError: tooLarge(limits.multipartBodyBytes),
  })
  return async function limitBodySize(c, next) {
    const max = isMultipart(c) ? limits.multipartBodyBytes : limits.jsonBodyBytes
    const declared = c.req.header('content-length')
    // A declared length is checked from the header alone. Reading `c.req.raw.body`, as hono's
    // bodyLimit does, makes @hono/node-server build a full Request: several times the cost of
    // the rest of a small request. Chunked bodies still go through bodyLimit, which counts bytes.
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number(declared) > max) tooLarge(max)()
      return next()
    }
    return isMultipart(c) ? multipart(c, next) : json(c, next)
  }
}

export function isMultipart(c: Context): boolean {
  return (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')
}

/**
 * The body as a JSON object; anything else (empty, invalid, an array) is a `malformed_body`
 * failure.
 */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text()
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new Failure(
      'malformed_body',
      'We could not parse the JSON body of your request. The API expects a JSON payload, ' +
        'but what was sent was not valid JSON.',
    )
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Failure('malformed_body', 'The request body must be a JSON object.')
  }
  return value as Record<string, unknown>
}

/**
 * A file field as FormData yields it: Node's types declare undici's File apart from
 * node:buffer's, though at run time they are the one global class.
 */
export type UploadedFile = Exclude<ReturnType<FormData['get']>, string | null>

export interface MultipartBody {
  /** Text fields; a field sent more than once keeps its last value. */
  fields: Record<string, string>
  /** File fields by name, in the order sent (`image[]` and `image` stay separate). */
  files: Record<string, UploadedFile[]>
}

/**
 * The multipart form, parsed once and cached by hono: fault rules matching on the prompt, the
 * handler and the journal can all read it.
 */
export async function readFormData(c: Context): Promise<FormData> {
  if (!isMultipart(c)) {
    throw new Failure(
      'malformed_body',
      'Expected a multipart/form-data body (Content-Type: multipart/form-data).',
    )
  }
  try {
    return await c.req.formData()
  } catch {
    throw new Failure('malformed_body', 'The multipart/form-data body could not be parsed.')
  }
}

/** A multipart/form-data body split into text fields and files. */
export async function readMultipart(c: Context): Promise<MultipartBody> {
  const form = await readFormData(c)
  const body: MultipartBody = { fields: {}, files: {} }
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') body.fields[name] = value
    else (body.files[name] ??= []).push(value)
  }
  return body
}

/**
 * Multipart text fields as JSON values: the named numeric fields become numbers when they look
 * like one and the named boolean fields become booleans when `true`/`false`, so one JSON schema
 * validates both JSON and multipart bodies with the same messages.
 */
export function formFieldsToJson(
  fields: Record<string, string>,
  kinds: { numbers: readonly string[]; booleans: readonly string[] },
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields }
  for (const name of kinds.numbers) {
    const value = fields[name]
    if (value !== undefined && /^-?\d+(\.\d+)?$/.test(value.trim())) out[name] = Number(value)
  }
  for (const name of kinds.booleans) {
    const value = fields[name]?.trim().toLowerCase()
    if (value === 'true' || value === 'false') out[name] = value === 'true'
  }
  return out
}
