/**
 * What never goes into a cassette: credentials in headers, keys in URLs and bodies, tokens in
 * callback URLs, the key itself wherever it appears, and `X-Emulator-*` headers.
 */

export const REDACTED = 'REDACTED'

const SECRET_HEADERS = new Set([
  'authorization',
  'x-api-key',
  'api-key',
  'cookie',
  'set-cookie',
  'proxy-authorization',
])
const SECRET_NAME = /^(api[-_]?key|key|token|access[-_]?token|secret|password|signature|sig|auth)$/i

/** Headers to keep in a cassette: secrets replaced, `X-Emulator-*` and hop-by-hop ones dropped. */
export function redactHeaders(headers: Headers): { name: string; value: string }[] {
  const kept: { name: string; value: string }[] = []
  headers.forEach((value, name) => {
    if (name.startsWith('x-emulator-') || HOP_BY_HOP.has(name)) return
    kept.push({ name, value: SECRET_HEADERS.has(name) ? REDACTED : value })
  })
  return kept
}

export const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
  'host',
  'content-length',
])

/** A URL with secret-looking query parameters replaced (`?token=abc` -> `?token=REDACTED`). */
export function redactUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  for (const name of [...parsed.searchParams.keys()])
    if (SECRET_NAME.test(name)) parsed.searchParams.set(name, REDACTED)
  if (parsed.username || parsed.password) {
    parsed.username = parsed.username ? REDACTED : ''
    parsed.password = parsed.password ? REDACTED : ''
  }
  return parsed.toString()
}

/** A JSON value with secret-named fields replaced and every string that is a URL redacted. */
export function redactJson(value: unknown): unknown {
  if (typeof value === 'string') return /^https?:\/\//.test(value) ? redactUrl(value) : value
  if (Array.isArray(value)) return value.map(redactJson)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      SECRET_NAME.test(k) && typeof v === 'string' ? REDACTED : redactJson(v),
    ]),
  )
}

/** Replaces every occurrence of each secret (the API keys actually used) in `text`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join(REDACTED)
  return out
}
