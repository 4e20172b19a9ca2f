/**
 * The images behind `/files/...` URLs. Names are content hashes, so the same image always has the
 * same URL; the store is bounded by bytes and forgets the least recently used first, as expiring
 * CDN links do.
 */
import { createHash } from 'node:crypto'
import { LRUCache } from 'lru-cache'
import { CONTENT_TYPES, type ImageFormat } from './render-image.js'

export interface StoredFile {
  bytes: Buffer
  contentType: string
}

export interface FileStore {
  /** Keeps the bytes and returns the file name to serve them under (`<hash>.<ext>`). */
  put(bytes: Buffer, format: ImageFormat): string
  get(name: string): StoredFile | undefined
  clear(): void
}

const EXTENSIONS: Record<ImageFormat, string> = { png: 'png', jpeg: 'jpg', webp: 'webp' }

export function createFileStore(maxBytes: number): FileStore {
  const files = new LRUCache<string, StoredFile>({
    maxSize: Math.max(1, maxBytes),
    sizeCalculation: (file) => Math.max(1, file.bytes.length),
  })
  return {
    put(bytes, format) {
      const name = fileNameFor(bytes, format)
      if (!files.has(name)) files.set(name, { bytes, contentType: CONTENT_TYPES[format] })
      return name
    },
    get: (name) => files.get(name),
    clear: () => files.clear(),
  }
}

/**
 * The name `put` gives these bytes, known before they are stored: a request can name its uploads
 * and store them only once it is accepted.
 */
export function fileNameFor(bytes: Buffer, format: ImageFormat): string {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32)
  return `${hash}.${EXTENSIONS[format]}`
}
