/**
 * What never goes into a cassette: credentials in headers, keys in URLs and bodies, tokens in
 * callback URLs, the key itself wherever it appears, and `X-Emulator-*` headers. What counts as a
 * secret is decided in core/redact.ts, for cassettes and everything else alike.
 */
import { isSecretHeader, REDACTED } from '../core/redact.js'

export {
  REDACTED,
  redactField,
  redactJson,
  redactQuery,
  redactUrl,
  scrubSecrets,
} from '../core/redact.js'

/** Headers to keep in a cassette: secrets replaced, `X-Emulator-*` and hop-by-hop ones dropped. */
export function redactHeaders(headers: Headers): { name: string; value: string }[] {
  const kept: { name: string; value: string }[] = []
  headers.forEach((value, name) => {
    if (name.startsWith('x-emulator-') || HOP_BY_HOP.has(name)) return
    kept.push({ name, value: isSecretHeader(name) ? REDACTED : value })
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
