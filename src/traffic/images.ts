/**
 * Image URLs in recorded responses point at the provider's CDN, which replay cannot reach
 * offline; the recorder downloads them into blobs and replay serves them from /files/.
 */
import type { BlobStore } from './blobs.js'
import { readAtMost } from './read-at-most.js'
import { redactUrl } from './redact.js'

/** Past this an image stays a remote URL: gpt-image-2's largest PNG is well under it. */
const MAX_IMAGE_BYTES = 64 * 1024 * 1024

const IMAGE_URL = /https?:\/\/[^\s"']+?\.(?:png|jpe?g|webp)(?:\?[^\s"']*)?(?=["'\s]|$)/g

export function imageUrlsIn(text: string): string[] {
  return [...new Set(text.match(IMAGE_URL) ?? [])]
}

/**
 * Downloads each image URL in the body (best effort, 10 s each) into blobs: redacted url -> blob
 * path. URLs the application itself sent (`inputs`, e.g. reference images echoed back) are not
 * results and are left alone.
 */
export async function downloadImages(
  bytes: Buffer,
  mimeType: string,
  blobs: BlobStore,
  inputs = '',
): Promise<Record<string, string> | undefined> {
  if (!/json|event-stream|text/.test(mimeType)) return undefined
  const urls = imageUrlsIn(bytes.toString('utf8')).filter((url) => !inputs.includes(url))
  if (urls.length === 0) return undefined
  const images: Record<string, string> = {}
  await Promise.all(
    urls.map(async (url) => {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(10_000) })
        const bytes = response.ok ? await readAtMost(response, MAX_IMAGE_BYTES) : null
        if (!response.ok) await response.body?.cancel().catch(() => undefined)
        // Keyed as the URL appears in the cassette: with its secrets redacted.
        if (bytes) images[redactUrl(url)] = blobs.put(bytes)
      } catch {
        // An image that cannot be fetched now stays a remote URL in replay.
      }
    }),
  )
  return images
}
