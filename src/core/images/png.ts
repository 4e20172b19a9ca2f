/**
 * A palette PNG writer that splices pre-compressed row ranges with fresh ones, so an image that
 * differs from a cached one only in its caption band costs one small deflate, not a full encode.
 *
 * PNG allows the zlib stream of the pixel data to be split over several IDAT chunks, and a deflate
 * stream may be built from independently compressed pieces as long as every piece but the last
 * ends on a flush point. Only the Adler-32 trailer depends on all pieces; it is combined
 * arithmetically from each piece's own checksum.
 */
import { crc32, constants, deflateRaw, deflateRawSync, type ZlibOptions } from 'node:zlib'
import { promisify } from 'node:util'
import { adler32, combineAdler32 } from './adler32.js'
import { deflatePaintedRows } from './deflate-fixed.js'
import type { PaintedRows } from './painted-rows.js'

export { adler32, combineAdler32 }

const deflateRawAsync = promisify<Buffer | Uint8Array, ZlibOptions, Buffer>(deflateRaw)

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const ZLIB_HEADER = Buffer.from([0x78, 0x01])
const FILTER_NONE = 0
// The same in every file, so built once.
const ZLIB_HEADER_CHUNK = chunk('IDAT', ZLIB_HEADER)
const IEND_CHUNK = chunk('IEND', Buffer.alloc(0))
/** The IDAT chunk holding the 4-byte Adler-32 that ends the zlib stream. */
const TRAILER_CHUNK_LENGTH = 12 + 4

/** A piece of the filtered pixel stream, compressed on its own. */
export interface DeflatedRows {
  /** A raw deflate piece: ends at a flush point, or with the final block when `final`. */
  readonly deflated: Buffer
  readonly adler: number
  readonly rawLength: number
  readonly final: boolean
  /** This piece as a finished IDAT chunk, so a cached piece pays for its CRC once. */
  readonly chunk: Buffer
}

export interface PaletteImageHeader {
  width: number
  height: number
  /** RGB triplets, at most 256 of them. */
  palette: Uint8Array
  /** Per-entry alpha; omitted for an opaque image. */
  alpha?: Uint8Array
}

/** Signature, IHDR, PLTE and (when transparent) tRNS: everything before the pixel data. */
export function encodePngHeader({ width, height, palette, alpha }: PaletteImageHeader): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 3 // colour type: palette
  const chunks = [SIGNATURE, chunk('IHDR', ihdr), chunk('PLTE', palette)]
  if (alpha) chunks.push(chunk('tRNS', alpha))
  return Buffer.concat(chunks)
}

/** Compresses filtered rows off the main thread; for large, cacheable ranges. */
export async function deflateRows(
  raw: Uint8Array,
  final: boolean,
  level = 9,
): Promise<DeflatedRows> {
  const deflated = await deflateRawAsync(raw, { level, finishFlush: finishFlushFor(final) })
  return piece(deflated, raw, final)
}

/**
 * Compresses filtered rows of `stride` bytes with zlib on the calling thread; for small ranges
 * whose rows mostly repeat (so the checksum is combined per distinct row).
 */
export function deflateRowsSync(
  raw: Uint8Array,
  stride: number,
  final: boolean,
  level = 1,
): DeflatedRows {
  const deflated = deflateRawSync(raw, { level, finishFlush: finishFlushFor(final) })
  return {
    deflated,
    adler: adler32Rows(raw, stride),
    rawLength: raw.length,
    final,
    chunk: chunk('IDAT', deflated),
  }
}

/**
 * Compresses painted rows, each opened with filter type none, without zlib: for the per-image
 * caption band, whose rows are a few hundred runs each and mostly repeat.
 */
export function deflatePaintedRowsSync(rows: PaintedRows, final: boolean): DeflatedRows {
  const { bytes, adler, rawLength } = deflatePaintedRows(rows, { lead: FILTER_NONE, final })
  const idat = chunk('IDAT', bytes)
  return { deflated: idat.subarray(8, idat.length - 4), adler, rawLength, final, chunk: idat }
}

/** Joins a header and pieces (in row order, the last one final) into a complete PNG file. */
export function assemblePng(header: Buffer, pieces: readonly DeflatedRows[]): Buffer {
  if (pieces.length === 0 || !pieces[pieces.length - 1]!.final) {
    throw new Error('assemblePng needs pieces whose last one is final')
  }
  let adler = 1
  let size = header.length + ZLIB_HEADER_CHUNK.length + TRAILER_CHUNK_LENGTH + IEND_CHUNK.length
  for (const piece of pieces) {
    adler = combineAdler32(adler, piece.adler, piece.rawLength)
    size += piece.chunk.length
  }
  // One allocation, every byte written: this runs per image, so no Buffer.concat of temporaries.
  const png = Buffer.allocUnsafe(size)
  let at = header.copy(png, 0)
  at += ZLIB_HEADER_CHUNK.copy(png, at)
  for (const piece of pieces) at += piece.chunk.copy(png, at)
  const trailer = png.subarray(at, at + TRAILER_CHUNK_LENGTH)
  trailer.writeUInt32BE(4, 0)
  trailer.write('IDAT', 4, 'latin1')
  trailer.writeUInt32BE(adler, 8)
  trailer.writeUInt32BE(crc32(trailer.subarray(4, 12)), 12)
  IEND_CHUNK.copy(png, at + TRAILER_CHUNK_LENGTH)
  return png
}

/** Adler-32 of whole rows, each repeated row folded in arithmetically instead of summed again. */
export function adler32Rows(raw: Uint8Array, stride: number): number {
  const rows = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
  let adler = 1
  let previous = -1
  let rowAdler = 1
  for (let start = 0; start < rows.length; start += stride) {
    const end = Math.min(start + stride, rows.length)
    const repeats =
      previous >= 0 &&
      end - start === stride &&
      rows.compare(rows, previous, previous + stride, start, end) === 0
    if (!repeats) rowAdler = adler32(rows.subarray(start, end))
    adler = combineAdler32(adler, rowAdler, end - start)
    previous = start
  }
  return adler
}

function finishFlushFor(final: boolean): number {
  // A full flush ends the piece on a byte boundary without the final-block bit and resets the
  // window, so the next piece needs no back-references into this one.
  return final ? constants.Z_FINISH : constants.Z_FULL_FLUSH
}

function piece(deflated: Buffer, raw: Uint8Array, final: boolean): DeflatedRows {
  return {
    deflated,
    adler: adler32(raw),
    rawLength: raw.length,
    final,
    chunk: chunk('IDAT', deflated),
  }
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(12 + data.length) // every byte is written below
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'latin1')
  out.set(data, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}
