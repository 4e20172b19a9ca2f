/**
 * The one owner of "what is a secret": which header, query and field names hold credentials, and
 * how a URL, a query, a JSON value, a path or a text is cleaned of them. Cassettes, the replay
 * identity, the journal, the control plane's task and delivery views and the request log all
 * redact through here, so a name added once is hidden everywhere.
 */
import { MAX_JSON_DEPTH } from './http/json-depth.js'

export const REDACTED = 'REDACTED'

const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'cookie',
  'set-cookie',
  'x-amz-security-token',
])

/** Any `x-<vendor>-api-key`, `*-token`, `*-secret` or `*-password` header carries a credential. */
const SECRET_HEADER_NAME = /(^|-)(api-key|token|secret|password)$/i

/**
 * Query parameters and body fields that carry a credential: keys, tokens, passwords and the
 * parameters of signed URLs (S3's `X-Amz-Signature`, GCS's `X-Goog-Credential`, Azure's `sig`).
 */
const SECRET_NAME = new RegExp(
  '^(' +
    [
      'api[-_]?key',
      'key',
      'token',
      '[a-z]*[-_]?token',
      'secret',
      'client[-_]?secret',
      'password',
      'passwd',
      'signature',
      'sig',
      'auth',
      'credential',
      'x-(amz|goog)-(signature|credential|security-token)',
    ].join('|') +
    ')$',
  'i',
)

/** Nesting past which a JSON value is not walked (the bodies' own limit): no stack overflow. */
const MAX_DEPTH = MAX_JSON_DEPTH

export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase()
  return SECRET_HEADERS.has(lower) || SECRET_HEADER_NAME.test(lower)
}

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name)
}

/** Query pairs with secret-named values replaced; order and names kept, so a query still reads. */
export function redactQuery(query: readonly (readonly [string, string])[]): [string, string][] {
  return query.map(([name, value]) => [name, isSecretName(name) ? REDACTED : redactValue(value)])
}

/** A query string (`?a=1&token=x`) with secret-named values replaced; `''` stays `''`. */
export function redactSearch(search: string): string {
  if (search === '' || search === '?') return search
  const params = new URLSearchParams(search)
  const clean = new URLSearchParams(redactQuery([...params.entries()]))
  return `?${clean.toString()}`
}

/**
 * A URL with secret-looking query parameters, userinfo and control-plane path secrets replaced
 * (`?token=abc` -> `?token=REDACTED`); a URL with none comes back exactly as it was written.
 */
export function redactUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  const query = [...parsed.searchParams.entries()]
  const clean = redactQuery(query)
  const path = redactPath(parsed.pathname)
  const changed =
    clean.some(([, value], i) => value !== query[i]![1]) ||
    parsed.username !== '' ||
    parsed.password !== '' ||
    path !== parsed.pathname
  if (!changed) return url
  parsed.search = new URLSearchParams(clean).toString()
  parsed.username = parsed.username ? REDACTED : ''
  parsed.password = parsed.password ? REDACTED : ''
  parsed.pathname = path
  return parsed.toString()
}

/** A string value: redacted as a URL when it is one, kept otherwise. */
function redactValue(value: string): string {
  return /^https?:\/\//i.test(value) ? redactUrl(value) : value
}

/**
 * A JSON value with secret-named fields replaced, every URL string redacted, and each of
 * `secrets` (the keys actually used) cut out of any string. Past `MAX_DEPTH` a value is replaced
 * whole: what cannot be walked cannot be shown safe.
 */
export function redactJson(value: unknown, secrets: readonly string[] = []): unknown {
  return redactNested(value, secrets, 0)
}

function redactNested(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return scrubSecrets(redactValue(value), secrets)
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_DEPTH) return `${REDACTED} (nested deeper than ${MAX_DEPTH})`
  if (Array.isArray(value)) return value.map((item) => redactNested(item, secrets, depth + 1))
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      isSecretName(k) && (typeof v === 'string' || typeof v === 'number')
        ? REDACTED
        : redactNested(v, secrets, depth + 1),
    ]),
  )
}

/** One multipart text field, redacted as a JSON field of the same name would be. */
export function redactField(name: string, value: string): string {
  return isSecretName(name) ? REDACTED : redactValue(value)
}

/**
 * A path with the secrets control-plane paths carry replaced: the key in
 * `/__emulator/keys/<provider>/<key>` and the token in record mode's `/__emulator/capture/<token>`.
 */
export function redactPath(path: string): string {
  return path
    .replace(/^(\/__emulator\/keys\/[^/]+\/)[^/]+/, `$1${REDACTED}`)
    .replace(/^(\/__emulator\/capture\/)[^/]+/, `$1${REDACTED}`)
}

/** Replaces every occurrence of each secret (the API keys actually used) in `text`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join(REDACTED)
  return out
}

/**
 * Request headers with secrets cut to a recognisable prefix: `Bearer sk-a…` keeps which key it
 * was.
 */
export function maskHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  headers.forEach((value, name) => {
    out[name] = isSecretHeader(name) ? maskSecret(value) : value
  })
  return out
}

/** A secret cut to a recognisable prefix (`Bearer sk-123…`), or `***` when too short to cut. */
export function maskSecret(value: string): string {
  const [scheme, token] = /^bearer\s+/i.test(value)
    ? [value.slice(0, 7), value.slice(7)]
    : ['', value]
  return token.length <= 6 ? `${scheme}***` : `${scheme}${token.slice(0, 6)}…`
}
