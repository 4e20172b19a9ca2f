/**
 * A JPEG writer for images that differ only in their top rows. The image is coded as horizontal
 * strips of whole MCU rows, each strip one restart interval: DC prediction restarts at every
 * restart marker, so a strip's entropy-coded data does not depend on the strips before it. The
 * strips below the first are encoded once per background and quality; a request encodes only the
 * first strip (with its caption) and splices it in front of them.
 *
 * Every strip is a separate sharp JPEG with the same settings: standard Huffman tables (no
 * optimised coding), fixed 4:2:0 subsampling, baseline, no metadata. At build time each strip's
 * tables are checked to be byte-identical to the first's; if not, there is no tail and the caller
 * encodes the whole picture.
 */
import { loadSharp } from './load-sharp.js'
import type { IndexedImage } from './indexed-image.js'
import { expandPixels } from './palette.js'
import {
  END_OF_IMAGE,
  codingLayout,
  restartMarker,
  splicedHeader,
  splitJpeg,
  type JpegParts,
} from './jpeg-segments.js'

/** MCU height and width with 4:2:0 chroma subsampling. */
const MCU_SIZE = 16
/** The largest restart interval a DRI segment can hold. */
const MAX_RESTART_INTERVAL = 0xffff

/** Everything of a spliced JPEG but the first strip's entropy-coded data. */
export interface JpegTail {
  stripRows: number
  /** The first strip's table segments (height blanked), which a fresh first strip must match. */
  layout: Buffer
  /** SOI to SOS of the whole file, with a DRI segment. */
  header: Buffer
  /** RST0, the second strip's data, RST1, ... and EOI. */
  rest: Buffer
}

/** Rows per strip: whole MCU rows covering the first `topRows` rows (the caption band). */
export function stripRowsFor(topRows: number): number {
  return Math.max(1, Math.ceil(topRows / MCU_SIZE)) * MCU_SIZE
}

/**
 * Encodes every strip of `image` below the first one, or returns undefined when the image is
 * only one strip or the strips cannot be spliced (the caller then encodes the whole picture).
 */
export async function buildJpegTail(
  image: IndexedImage,
  stripRows: number,
  quality: number,
): Promise<JpegTail | undefined> {
  const { width, height } = image
  const stripCount = Math.ceil(height / stripRows)
  const interval = Math.ceil(width / MCU_SIZE) * (stripRows / MCU_SIZE)
  if (stripCount < 2 || interval > MAX_RESTART_INTERVAL) return undefined
  const strips = await Promise.all(
    Array.from({ length: stripCount }, (_, i) =>
      encodeStrip(image, i * stripRows, Math.min(height, (i + 1) * stripRows), quality),
    ),
  )
  const parts = strips.map(splitJpeg)
  const first = parts[0]
  if (!first || parts.some((p) => !p)) return undefined
  const layout = codingLayout(first)
  if (!parts.every((p) => p && codingLayout(p).equals(layout))) return undefined
  const pieces: Buffer[] = []
  parts.slice(1).forEach((p, i) => pieces.push(restartMarker(i), (p as JpegParts).scanData))
  pieces.push(END_OF_IMAGE)
  return {
    stripRows,
    layout,
    header: splicedHeader(first, height, interval),
    rest: Buffer.concat(pieces),
  }
}

/**
 * The whole JPEG: `top` (the first strip's palette indexes, caption painted) encoded on its own
 * and spliced in front of the cached strips. Undefined if the fresh strip's tables differ.
 */
export async function spliceJpeg(
  tail: JpegTail,
  top: IndexedImage,
  quality: number,
): Promise<Buffer | undefined> {
  const parts = splitJpeg(await encodeStrip(top, 0, tail.stripRows, quality))
  if (!parts || !codingLayout(parts).equals(tail.layout)) return undefined
  return Buffer.concat([tail.header, parts.scanData, tail.rest])
}

/** Encodes the settings every strip shares; whole-picture fallbacks use them too. */
export async function encodeJpeg(
  rgb: Buffer,
  width: number,
  height: number,
  channels: 3 | 4,
  quality: number,
): Promise<Buffer> {
  const sharp = await loadSharp()
  return sharp(rgb, { raw: { width, height, channels } })
    .jpeg({
      quality,
      optimiseCoding: false,
      chromaSubsampling: '4:2:0',
      progressive: false,
      mozjpeg: false,
    })
    .toBuffer()
}

function encodeStrip(
  image: IndexedImage,
  fromRow: number,
  toRow: number,
  quality: number,
): Promise<Buffer> {
  const { width, palette } = image
  const rows = image.pixels.subarray(fromRow * width, toRow * width)
  const channels = palette.alpha ? 4 : 3
  return encodeJpeg(expandPixels(rows, palette), width, toRow - fromRow, channels, quality)
}
