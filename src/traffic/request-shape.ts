/** Reads a provider request into the shape a cassette stores and replay matches on. */
import type { Context } from 'hono'
import type { BlobStore } from './blobs.js'
import type { HarParam } from './cassette.js'
import { canonicalRequest, identityOf, type RequestShape } from './identity.js'
import { volatileOf } from './hints.js'
import type { AnyProvider } from '../providers/descriptor.js'
import { redactField, redactJson, redactQuery, scrubSecrets } from './redact.js'

export interface ReadRequest {
  shape: RequestShape
  canonical: string
  identity: string
  /** Raw bytes, for forwarding; never stored as they are. */
  bytes?: Buffer
  contentType?: string
  /** Keys seen in the request, to scrub from everything recorded. */
  secrets: string[]
  /** HAR postData params for a multipart body (files stored as blobs). */
  params?: HarParam[]
}

/**
 * `bearer:sk-`, `raw:sk-`, `x-api-key:ak_` or `none`: how the call authenticated, never the key
 * itself. The secrets to scrub include the key as the provider's own scheme reads it, so a
 * scheme of any shape (`Authorization: Key <key>`) never leaks its key.
 */
export function authShape(
  headers: Headers,
  scheme?: AnyProvider['keyScheme'],
): { shape: string; secrets: string[] } {
  const schemeKey = readKeyQuietly(headers, scheme)
  const secrets = (keys: string[]) => [...new Set([...keys, ...schemeKey])]
  const apiKey = headers.get('x-api-key')?.trim()
  if (apiKey) return { shape: `x-api-key:${apiKey.slice(0, 3)}`, secrets: secrets([apiKey]) }
  const authorization = headers.get('authorization')?.trim()
  if (!authorization) return { shape: 'none', secrets: secrets([]) }
  const bearer = /^bearer\s+(\S+)$/i.exec(authorization)
  const key = bearer ? bearer[1]! : authorization
  return { shape: `${bearer ? 'bearer' : 'raw'}:${key.slice(0, 3)}`, secrets: secrets([key]) }
}

function readKeyQuietly(headers: Headers, scheme?: AnyProvider['keyScheme']): string[] {
  try {
    return scheme ? [scheme.read(headers)] : []
  } catch {
    return []
  }
}

export async function readRequest(
  c: Context,
  provider: AnyProvider,
  blobs: BlobStore,
): Promise<ReadRequest> {
  const url = new URL(c.req.url)
  const path = url.pathname.slice(provider.id.length + 1) || '/'
  // Redacted here, once: the shape is what cassettes store and identities are made of.
  const query = redactQuery([...url.searchParams.entries()])
  const auth = authShape(c.req.raw.headers, provider.keyScheme)
  const contentType = c.req.header('content-type')
  const hasBody = c.req.method !== 'GET' && c.req.method !== 'HEAD'
  const bytes = hasBody ? Buffer.from(await c.req.arrayBuffer()) : undefined
  let body: unknown = null
  let params: ReadRequest['params']
  if (bytes && bytes.length > 0) {
    if ((contentType ?? '').startsWith('multipart/form-data')) {
      const request = new Request('http://local/', {
        method: 'POST',
        headers: { 'content-type': contentType! },
        body: bytes,
      })
      // undici deprecates formData() for streaming servers; these bytes are already read whole,
      // and it is the parser hono's c.req.formData() runs for the providers' own routes.
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- see the comment above
      const form = await request.formData()
      params = []
      const fields: [string, string][] = []
      for (const [name, value] of form.entries()) {
        if (typeof value === 'string') {
          const clean = scrubSecrets(redactField(name, value), auth.secrets)
          params.push({ name, value: clean })
          fields.push([name, clean])
        } else {
          const file = blobs.put(new Uint8Array(await value.arrayBuffer()))
          params.push({ name, fileName: value.name, contentType: value.type, _file: file })
          fields.push([name, `@${file}`])
        }
      }
      body = fields
    } else {
      const text = bytes.toString('utf8')
      try {
        body = redactJson(JSON.parse(text))
      } catch {
        body = text
      }
    }
  }
  const shape: RequestShape = {
    method: c.req.method,
    path,
    query,
    body: { auth: auth.shape, body },
  }
  const volatile = volatileOf(provider.traffic)
  const canonical = canonicalRequest(shape, volatile)
  return {
    shape,
    canonical,
    identity: identityOf(shape, volatile),
    bytes,
    contentType,
    secrets: auth.secrets,
    params,
  }
}
