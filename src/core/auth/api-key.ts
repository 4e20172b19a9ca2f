/**
 * How a provider reads its callers' keys, as data: a scheme reads the key from request headers
 * and says how a client sends one, so a new auth style is a new scheme, not a core change.
 */
import type { MiddlewareHandler } from 'hono'
import type { EmulatorEnv } from '../http/env.js'
import { Failure } from '../errors/failure.js'

export interface KeyScheme {
  /** The key from the request headers, or a `missing_api_key` Failure saying what was expected. */
  read(headers: Headers): string
  /** The headers a client sends to present `key` (contract harness, examples). */
  send(key: string): Record<string, string>
}

/**
 * `Authorization: <word> <key>` (`Bearer`, or fal-style `Key`); with `bareKeyToo`, the key alone
 * is accepted as well (GPTProto documents both).
 */
export function authorizationScheme(word: string, { bareKeyToo = false } = {}): KeyScheme {
  const pattern = new RegExp(`^${word}\\s+(\\S+)$`, 'i')
  return {
    read(headers) {
      const value = headers.get('authorization')?.trim() ?? ''
      const match = pattern.exec(value)
      if (match) return match[1]!
      if (
        bareKeyToo &&
        value !== '' &&
        !/\s/.test(value) &&
        value.toLowerCase() !== word.toLowerCase()
      ) {
        return value
      }
      throw new Failure(
        'missing_api_key',
        value === ''
          ? 'Missing API key: send it in the Authorization header.'
          : `Malformed Authorization header: expected "${word} <key>".`,
      )
    },
    send: (key) => ({ authorization: bareKeyToo ? key : `${word} ${key}` }),
  }
}

/** The key alone in a header of its own (`x-api-key: <key>`), any header-name casing. */
export function headerScheme(name: string): KeyScheme {
  return {
    read(headers) {
      const key = headers.get(name)?.trim()
      if (!key)
        throw new Failure('missing_api_key', `Missing API key: send it in the ${name} header.`)
      return key
    },
    send: (key) => ({ [name]: key }),
  }
}

export const bearerScheme = authorizationScheme('Bearer')

/** Middleware that puts the key on the context as `apiKey`, or fails the request. */
export function requireApiKey(
  scheme: KeyScheme,
  acceptKey: (key: string) => boolean = () => true,
): MiddlewareHandler<EmulatorEnv> {
  return async function requireApiKey(c, next) {
    const key = scheme.read(c.req.raw.headers)
    if (!acceptKey(key)) throw new Failure('invalid_api_key', 'Invalid API key.')
    c.set('apiKey', key)
    await next()
  }
}
