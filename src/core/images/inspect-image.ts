/** Reads an uploaded image's format and size with sharp, without decoding its pixels. */
import { loadSharp } from './load-sharp.js'
import type { PixelSize } from './gpt-image-sizes.js'

export interface ImageInfo extends PixelSize {
  /** sharp's format name: `png`, `jpeg`, `webp`, `gif`... */
  format: string
  hasAlpha: boolean
}

/** The image's header facts, or undefined when the bytes are not an image sharp can read. */
export async function inspectImage(bytes: Uint8Array): Promise<ImageInfo | undefined> {
  try {
    const sharp = await loadSharp()
    const meta = await sharp(bytes).metadata()
    if (!meta.width || !meta.height) return undefined
    return { format: meta.format, width: meta.width, height: meta.height, hasAlpha: meta.hasAlpha }
  } catch {
    return undefined
  }
}
