/**
 * JSON bodies whose base64 fields are spliced in raw. Images are nearly all of an image API's
 * response, and JSON.stringify scans every character of them for escapes that base64 (and a
 * `data:image/...;base64,` prefix) can never contain; splicing them as bytes takes a tenth of the
 * time.
 */
import type { Context } from 'hono'
import { randomBytes } from 'node:crypto'

/** Field names whose string values are base64 and are written without escaping. */
const RAW_FIELDS = new Set(['b64_json'])
const MARKER = `\u0000raw-${randomBytes(6).toString('hex')}:`
const ESCAPED_MARKER = JSON.stringify(MARKER).slice(1, -1)
const PLACEHOLDER = new RegExp(`"${ESCAPED_MARKER.replace(/\\/g, '\\\\')}(\\d+)"`, 'g')

/** `value` as JSON bytes, identical to JSON.stringify's output. */
export function jsonWithBase64(value: unknown): Buffer {
  const raws: string[] = []
  const text = JSON.stringify(value, (key, field: unknown) => {
    if (RAW_FIELDS.has(key) && typeof field === 'string') return `${MARKER}${raws.push(field) - 1}`
    return field
  })
  const parts: Buffer[] = []
  let last = 0
  for (const match of text.matchAll(PLACEHOLDER)) {
    parts.push(
      Buffer.from(text.slice(last, match.index) + '"'),
      Buffer.from(raws[Number(match[1])]!, 'latin1'),
      Buffer.from('"'),
    )
    last = match.index + match[0].length
  }
  parts.push(Buffer.from(text.slice(last)))
  return Buffer.concat(parts)
}

/** Responds with `value` as `application/json`, base64 fields spliced in raw. */
export function respondJson(c: Context, value: unknown, status: 200 | 201 = 200): Response {
  // A Buffer is a Uint8Array; hono's type wants one over a plain ArrayBuffer, which it also is
  // here.
  return c.body(jsonWithBase64(value) as Uint8Array<ArrayBuffer>, status, {
    'content-type': 'application/json',
  })
}
