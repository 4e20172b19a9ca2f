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
const QUOTE = 0x22
const PLACEHOLDER = new RegExp(`"${ESCAPED_MARKER.replace(/\\/g, '\\\\')}(\\d+)"`, 'g')

/** `value` as JSON bytes, identical to JSON.stringify's output. */
export function jsonWithBase64(value: unknown): Buffer {
  const raws: string[] = []
  const text = JSON.stringify(value, (key, field: unknown) => {
    if (RAW_FIELDS.has(key) && typeof field === 'string') return `${MARKER}${raws.push(field) - 1}`
    return field
  })
  if (raws.length === 0) return Buffer.from(text)
  // Split on the placeholders (their numbers captured): text, number, text, number, ..., text.
  const pieces = text.split(PLACEHOLDER)
  let size = 0
  for (let i = 0; i < pieces.length; i++)
    size += i % 2 === 0 ? Buffer.byteLength(pieces[i]!) : raws[Number(pieces[i])]!.length + 2
  // One buffer, written in place: no copy per piece, no concat.
  const out = Buffer.allocUnsafe(size)
  let at = 0
  for (let i = 0; i < pieces.length; i++) {
    if (i % 2 === 0) {
      at += out.write(pieces[i]!, at)
    } else {
      out[at++] = QUOTE
      at += out.write(raws[Number(pieces[i])]!, at, 'latin1')
      out[at++] = QUOTE
    }
  }
  return out
}

/** Responds with `value` as `application/json`, base64 fields spliced in raw. */
export function respondJson(c: Context, value: unknown, status: 200 | 201 = 200): Response {
  // A Buffer is a Uint8Array; hono's type wants one over a plain ArrayBuffer, which it also is
  // here.
  return c.body(jsonWithBase64(value) as Uint8Array<ArrayBuffer>, status, {
    'content-type': 'application/json',
  })
}
