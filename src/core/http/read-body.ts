/**
 * Body readers for provider routes: a size limit per media type, and one reader that reads the
 * bytes once and decides what they are (JSON or multipart), turning every malformed body into a
 * `Failure` the provider renders in its own envelope.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { Failure } from '../errors/failure.js'
import { ClientClosedRequest } from '../errors/client-closed.js'
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth.js'

export interface BodyLimits {
  jsonBodyBytes: number
  multipartBodyBytes: number
}

// Keyed by hono's request object, which stays the same when a limiter swaps `c.req.raw`.
const limitsOf = new WeakMap<Context['req'], BodyLimits>()
const bodies = new WeakMap<Context['req'], Promise<RequestBody>>()

const tooLarge = (max: number) =>
  new Failure('body_too_large', `Request body too large. The maximum size is ${max} bytes.`)

/** Refuses bodies over the limit for their media type (multipart uploads get the larger one). */
export function limitBodySize(limits: BodyLimits): MiddlewareHandler {
  const refuse = (max: number) => () => {
    throw tooLarge(max)
  }
  const json = bodyLimit({ maxSize: limits.jsonBodyBytes, onError: refuse(limits.jsonBodyBytes) })
  const multipart = bodyLimit({
    maxSize: limits.multipartBodyBytes,
    onError: refuse(limits.multipartBodyBytes),
  })
  return async function limitBodySize(c, next) {
    limitsOf.set(c.req, limits)
    const max = isMultipart(c) ? limits.multipartBodyBytes : limits.jsonBodyBytes
    const declared = c.req.header('content-length')
    const chunked = c.req.header('transfer-encoding') !== undefined
    // A declared length is checked from the header alone, and a request with neither header (a
    // GET, a poll) has no body to count. Reading `c.req.raw.body`, as hono's bodyLimit does, makes
    // @hono/node-server build a full Request: several times the cost of the rest of a small
    // request. Chunked bodies still go through bodyLimit, which counts bytes.
    if (!chunked) {
      if (declared !== undefined && Number(declared) > max) throw tooLarge(max)
      return next()
    }
    return isMultipart(c) ? multipart(c, next) : json(c, next)
  }
}

export function isMultipart(c: Context): boolean {
  return (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')
}

/**
 * A request body as its bytes turned out to be, not as its label says: JSON (of bounded depth),
 * a multipart form, or malformed with the failure that refuses it.
 */
export type RequestBody =
  | { kind: 'json'; value: unknown; text: string }
  | { kind: 'multipart'; form: FormData }
  | { kind: 'malformed'; text: string; failure: Failure }

/**
 * The body, read once and shared: fault rules matching on the prompt, the handler and the
 * journal all see the same verdict. Throws only for a body over the limit or a client that left.
 */
export function readBody(c: Context): Promise<RequestBody> {
  let body = bodies.get(c.req)
  if (!body) bodies.set(c.req, (body = readOnce(c)))
  return body
}

async function readOnce(c: Context): Promise<RequestBody> {
  const bytes = await readBytes(c)
  const text = () => new TextDecoder().decode(bytes)
  if (isMultipart(c)) {
    const form = await parseMultipart(bytes, c.req.header('content-type') ?? '')
    if (form) return { kind: 'multipart', form }
    // Not multipart, whatever the label says: held to the limit of what it may be instead.
    const max = limitsOf.get(c.req)?.jsonBodyBytes
    const failure =
      max !== undefined && bytes.length > max
        ? tooLarge(max)
        : new Failure('malformed_body', 'The multipart/form-data body could not be parsed.')
    return { kind: 'malformed', text: text(), failure }
  }
  const json = text()
  if (exceedsJsonDepth(json)) {
    const message = `The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep.`
    return { kind: 'malformed', text: json, failure: new Failure('malformed_body', message) }
  }
  try {
    return { kind: 'json', value: JSON.parse(json), text: json }
  } catch {
    const failure = new Failure(
      'malformed_body',
      'We could not parse the JSON body of your request. The API expects a JSON payload, ' +
        'but what was sent was not valid JSON.',
    )
    return { kind: 'malformed', text: json, failure }
  }
}

async function readBytes(c: Context): Promise<Uint8Array> {
  try {
    return new Uint8Array(await c.req.arrayBuffer())
  } catch (err) {
    // hono's bodyLimit fails the stream of a chunked body once it passes the limit.
    if (err instanceof Error && err.name === 'BodyLimitError') {
      const limits = limitsOf.get(c.req)
      if (limits) throw tooLarge(isMultipart(c) ? limits.multipartBodyBytes : limits.jsonBodyBytes)
    }
    // Anything else breaks the stream of bytes itself: the client is gone.
    throw new ClientClosedRequest(err)
  }
}

async function parseMultipart(bytes: Uint8Array, contentType: string): Promise<FormData | null> {
  try {
    const response = new Response(bytes, { headers: { 'content-type': contentType } })
    // undici deprecates formData() for streaming servers; these bytes are already read whole,
    // and it is the parser hono's c.req.formData() runs.
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- see the comment above
    return await response.formData()
  } catch {
    return null
  }
}

/**
 * The body as a JSON object; anything else (empty, invalid, too deep, an array, a form) is a
 * `malformed_body` failure.
 */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const body = await readBody(c)
  if (body.kind === 'malformed') throw body.failure
  if (body.kind === 'multipart') {
    throw new Failure(
      'malformed_body',
      'Expected a JSON body (Content-Type: application/json), not multipart/form-data.',
    )
  }
  const { value } = body
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
  /** Text fields; a field sent more than once keeps its last value. Null prototype. */
  fields: Record<string, string>
  /** File fields by name, in the order sent (`image[]` and `image` stay separate). */
  files: Record<string, UploadedFile[]>
}

/** The multipart form; a body that is not one is a `malformed_body` failure. */
export async function readFormData(c: Context): Promise<FormData> {
  if (!isMultipart(c)) {
    throw new Failure(
      'malformed_body',
      'Expected a multipart/form-data body (Content-Type: multipart/form-data).',
    )
  }
  const body = await readBody(c)
  if (body.kind === 'malformed') throw body.failure
  if (body.kind !== 'multipart') throw new Failure('malformed_body', 'Expected a form.')
  return body.form
}

/**
 * A multipart/form-data body split into text fields and files. Part names are the client's:
 * null-prototype records, so `constructor` or `__proto__` are names like any other.
 */
export async function readMultipart(c: Context): Promise<MultipartBody> {
  const form = await readFormData(c)
  const body: MultipartBody = { fields: nullProto(), files: nullProto() }
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') body.fields[name] = value
    else (body.files[name] ??= []).push(value)
  }
  return body
}

/** An empty record with no prototype: no client-chosen key can reach Object.prototype. */
export function nullProto<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
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
  const out: Record<string, unknown> = Object.assign(nullProto<unknown>(), fields)
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
