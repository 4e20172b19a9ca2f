/** Reads the caller's API key in the style each provider documents, as hono middleware. */
import type { MiddlewareHandler } from 'hono'
import type { EmulatorEnv } from '../http/env.js'
import { Failure } from '../failure.js'

export type KeyScheme =
  /** `Authorization: Bearer <key>` */
  | 'bearer'
  /** `Authorization: <key>` or `Authorization: Bearer <key>` (GPTProto documents both). */
  | 'raw-or-bearer'
  /** `x-api-key: <key>`, any header-name casing. */
  | 'x-api-key'

/** The key from the request headers, or a `missing_api_key` failure saying what was expected. */
export function readApiKey(headers: Headers, scheme: KeyScheme): string {
  if (scheme === 'x-api-key') {
    const key = headers.get('x-api-key')?.trim()
    if (!key)
      throw new Failure('missing_api_key', 'Missing API key: send it in the x-api-key header.')
    return key
  }
  const value = headers.get('authorization')?.trim() ?? ''
  const bearer = /^bearer\s+(\S+)$/i.exec(value)
  if (bearer) return bearer[1]!
  if (
    scheme === 'raw-or-bearer' &&
    value !== '' &&
    !/\s/.test(value) &&
    value.toLowerCase() !== 'bearer'
  )
    return value
  throw new Failure(
    'missing_api_key',
    value === ''
      ? 'Missing API key: send it in the Authorization header.'
      : 'Malformed Authorization header: expected "Bearer <key>".',
  )
}

/** Middleware that puts the key on the context as `apiKey`, or fails the request. */
export function requireApiKey(scheme: KeyScheme): MiddlewareHandler<EmulatorEnv> {
  return async function requireApiKey(c, next) {
    c.set('apiKey', readApiKey(c.req.raw.headers, scheme))
    await next()
  }
}
