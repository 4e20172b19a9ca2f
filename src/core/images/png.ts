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

const deflateRawAsync = promisify<Buffer | Uint8Array, ZlibOptions, Buffer>(deflateRaw)

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const ZLIB_HEADER = Buffer.from([0x78, 0x01])
const ADLER_MOD = 65_521
/** Largest byte count whose Adler sums cannot overflow 2^53 before a modulo (zlib's NMAX). */
const ADLER_BLOCK = 5_552

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
 * Compresses filtered rows of `stride` bytes on the calling thread; for the small per-image
 * caption band, whose rows mostly repeat (so its checksum is combined per distinct row).
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

/** Joins a header and pieces (in row order, the last one final) into a complete PNG file. */
export function assemblePng(header: Buffer, pieces: readonly DeflatedRows[]): Buffer {
  if (pieces.length === 0 || !pieces[pieces.length - 1]!.final) {
    throw new Error('assemblePng needs pieces whose last one is final')
  }
  let adler = 1
  for (const { adler: pieceAdler, rawLength } of pieces)
    adler = combineAdler32(adler, pieceAdler, rawLength)
  const trailer = Buffer.alloc(4)
  trailer.writeUInt32BE(adler)
  return Buffer.concat([
    header,
    chunk('IDAT', ZLIB_HEADER),
    ...pieces.map((p) => p.chunk),
    chunk('IDAT', trailer),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Adler-32 of `data`, continuing from `start` (1 for a fresh checksum). */
export function adler32(data: Uint8Array, start = 1): number {
  let a = start & 0xffff
  let b = start >>> 16
  for (let i = 0; i < data.length;) {
    const end = Math.min(i + ADLER_BLOCK, data.length)
    for (; i < end; i++) {
      a += data[i]!
      b += a
    }
    a %= ADLER_MOD
    b %= ADLER_MOD
  }
  return ((b << 16) | a) >>> 0
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

/**
 * The Adler-32 of A followed by B, from adler(A), adler(B) and B's length (zlib's adler32_combine).
 */
export function combineAdler32(first: number, second: number, secondLength: number): number {
  const remainder = secondLength % ADLER_MOD
  let sum1 = first & 0xffff
  let sum2 = (remainder * sum1) % ADLER_MOD
  sum1 += (second & 0xffff) + ADLER_MOD - 1
  sum2 += (first >>> 16) + (second >>> 16) + ADLER_MOD - remainder
  sum1 %= ADLER_MOD
  sum2 %= ADLER_MOD
  return ((sum2 << 16) | sum1) >>> 0
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
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'latin1')
  out.set(data, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}
