/**
 * Base64 of image bytes, remembered per Buffer: cached images are served again and again, and
 * encoding 20 KB to base64 costs more than the cache lookup that found them. Entries live as
 * long as their Buffer does.
 */
const encoded = new WeakMap<Buffer, string>()

export function base64Of(bytes: Buffer): string {
  let text = encoded.get(bytes)
  if (text === undefined) {
    text = bytes.toString('base64')
    encoded.set(bytes, text)
  }
  return text
}
