/**
 * Content-addressed files beside a cassette: image bytes and base64 payloads are stored once as
 * `blobs/<sha256>.<ext>` and referenced from the HAR, so cassettes stay small and diffable.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const MARKER = '@emulator-blob:'
const MIN_BASE64_LENGTH = 256
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
const DATA_URI = /^data:([\w.+/-]+);base64,(.+)$/s

export interface BlobStore {
  /** Stores bytes; returns their path relative to the cassette folder (`blobs/<hash>.<ext>`). */
  put(bytes: Uint8Array): string
  get(path: string): Buffer
}

export function openBlobStore(dir: string): BlobStore {
  return {
    put(bytes) {
      const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32)
      const path = `blobs/${hash}.${extensionOf(bytes)}`
      const full = join(dir, path)
      if (!existsSync(full)) {
        mkdirSync(join(dir, 'blobs'), { recursive: true })
        writeFileSync(full, bytes)
      }
      return path
    },
    get: (path) => readFileSync(join(dir, path)),
  }
}

/** The file extension for image bytes (by their magic number), else `bin`. */
export function extensionOf(bytes: Uint8Array): string {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png'
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg'
  if (
    Buffer.from(bytes.subarray(0, 4)).toString('latin1') === 'RIFF' &&
    Buffer.from(bytes.subarray(8, 12)).toString('latin1') === 'WEBP'
  )
    return 'webp'
  return 'bin'
}

/** A JSON value with every long base64 string (bare or a data URI) moved into a blob. */
export function externalizeBase64(value: unknown, blobs: BlobStore): unknown {
  if (typeof value === 'string' && value.length >= MIN_BASE64_LENGTH) {
    const uri = DATA_URI.exec(value)
    if (uri) return `${MARKER}data-uri:${uri[1]}:${blobs.put(Buffer.from(uri[2]!, 'base64'))}`
    if (BASE64.test(value)) return `${MARKER}base64:${blobs.put(Buffer.from(value, 'base64'))}`
    return value
  }
  if (Array.isArray(value)) return value.map((v) => externalizeBase64(v, blobs))
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, externalizeBase64(v, blobs)]))
}

/** The inverse of `externalizeBase64`: blob references back to their base64 strings. */
export function internalizeBase64(value: unknown, blobs: BlobStore): unknown {
  if (typeof value === 'string' && value.startsWith(MARKER)) {
    const rest = value.slice(MARKER.length)
    if (rest.startsWith('base64:')) return blobs.get(rest.slice(7)).toString('base64')
    const [, mime, ...path] = rest.split(':')
    return `data:${mime};base64,${blobs.get(path.join(':')).toString('base64')}`
  }
  if (Array.isArray(value)) return value.map((v) => internalizeBase64(v, blobs))
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, internalizeBase64(v, blobs)]))
}

/** Applies `transform` to the JSON of each `data:` line of a server-sent-events body. */
export function mapSseData(text: string, transform: (json: unknown) => unknown): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.startsWith('data:')) return line
      const data = line.slice(5).trim()
      try {
        return `data: ${JSON.stringify(transform(JSON.parse(data)))}`
      } catch {
        return line
      }
    })
    .join('\n')
}
