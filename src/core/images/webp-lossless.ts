/**
 * A lossless WebP (VP8L) writer for palette images whose top rows change per request. sharp
 * needs 120 ms or more for any WebP of a 3840x2160 picture, and lossy VP8 has no restart points to
 * splice at; VP8L, an LSB-first bitstream without byte alignment, can be spliced at any bit.
 *
 * The file holds a colour-indexing transform with the image's palette, then LZ77 tokens with one
 * set of prefix codes. Once per background, the rows below the caption are tokenised and written
 * as bits, with codes built from the background's histogram plus one count for every symbol a
 * caption could use; a request tokenises only the caption rows and writes them between the cached
 * header and the cached rows, so its cost does not grow with the picture.
 */
import { setImmediate as nextTurn } from 'node:timers/promises'
import { BitWriter, type Bits } from './bit-writer.js'
import type { IndexedImage } from './indexed-image.js'
import { writePrefixCode, type PrefixCode } from './prefix-codes.js'
import {
  DISTANCE_PREFIXES,
  LENGTH_PREFIXES,
  LITERALS,
  countTokens,
  gradientReferences,
  nearReferences,
  tokenize,
  writeTokens,
  type Tokens,
} from './vp8l-tokens.js'

const SIGNATURE = 0x2f
/** The largest width and height VP8L can store (14 bits each, minus one). */
const MAX_EDGE = 16384
const COLOR_INDEXING_TRANSFORM = 3
/** Palettes this small would pack several pixels per byte; ours never are. */
const MIN_UNPACKED_PALETTE = 17
const MAX_PALETTE = 256
const GREEN_SYMBOLS = LITERALS + LENGTH_PREFIXES
/** Pixels tokenised between yields to the event loop while a background is built. */
const PIXELS_PER_SLICE = 1 << 20

/** What a background keeps to write its lossless WebPs. */
export interface LosslessWebpBackground {
  width: number
  /** Rows tokenised per request (the caption band). */
  topRows: number
  /** The VP8L stream from its signature to the end of the prefix codes. */
  head: Bits
  /** The tokens of every row from `topRows` down. */
  body: Bits
  green: PrefixCode
  distance: PrefixCode
}

/**
 * Tokenises `image` below its first `topRows` rows and fixes the prefix codes; undefined when
 * the image does not fit VP8L's limits or an unpacked palette (the caller then uses sharp).
 */
export async function buildLosslessWebp(
  image: IndexedImage,
  topRows: number,
): Promise<LosslessWebpBackground | undefined> {
  const { pixels, width, height, palette } = image
  const paletteSize = palette.rgb.length / 3
  if (width > MAX_EDGE || height > MAX_EDGE || topRows > height) return undefined
  if (paletteSize < MIN_UNPACKED_PALETTE || paletteSize > MAX_PALETTE) return undefined

  // In slices of rows (copies stop at a slice's end), so other requests are not held up long.
  const below: Tokens = { lengths: [], values: [] }
  const references = gradientReferences(width, height)
  const sliceRows = Math.max(1, Math.floor(PIXELS_PER_SLICE / width))
  for (let fromRow = topRows; fromRow < height; fromRow += sliceRows) {
    const toRow = Math.min(height, fromRow + sliceRows)
    tokenize(pixels, width, { fromRow, toRow, floorRow: topRows }, references, below)
    await nextTurn()
  }
  const top: Tokens = { lengths: [], values: [] }
  tokenize(pixels, width, topRowsOf(topRows), nearReferences(width), top)

  // Every symbol a caption may need gets a code, so the codes never depend on the caption.
  const greenCounts = new Array<number>(GREEN_SYMBOLS).fill(0)
  greenCounts.fill(1, 0, paletteSize).fill(1, LITERALS)
  const distanceCounts = new Array<number>(DISTANCE_PREFIXES).fill(1)
  countTokens(below, greenCounts, distanceCounts)
  countTokens(top, greenCounts, distanceCounts)

  const head = new BitWriter(4096)
  writeHeader(head, image)
  head.write(0, 1) // no colour cache
  head.write(0, 1) // one set of prefix codes for the whole image
  const green = writePrefixCode(head, greenCounts)
  // Red, blue and alpha of every literal are 0: one-symbol codes, which cost no bits.
  for (let channel = 0; channel < 3; channel++) writePrefixCode(head, [1])
  const distance = writePrefixCode(head, distanceCounts)

  const body = new BitWriter(below.lengths.length * 2)
  writeTokens(body, below, green, distance)
  return { width, topRows, head: head.finish(), body: body.finish(), green, distance }
}

/**
 * The whole file: `top` (the first `topRows` rows as palette indexes, caption painted) tokenised
 * and spliced between the cached head and body.
 */
export function encodeLosslessWebp(background: LosslessWebpBackground, top: Uint8Array): Buffer {
  const { width, topRows, head, body } = background
  const tokens: Tokens = { lengths: [], values: [] }
  tokenize(top, width, topRowsOf(topRows), nearReferences(width), tokens)
  const writer = new BitWriter((head.bitLength + body.bitLength) / 8 + tokens.lengths.length * 4)
  writer.append(head)
  writeTokens(writer, tokens, background.green, background.distance)
  writer.append(body)
  return riffContainer(writer.finish().bytes)
}

function topRowsOf(topRows: number) {
  return { fromRow: 0, toRow: topRows, floorRow: 0 }
}

/** Signature, size, and the colour-indexing transform with its palette. */
function writeHeader(writer: BitWriter, { width, height, palette }: IndexedImage): void {
  writer.write(SIGNATURE, 8)
  writer.write(width - 1, 14)
  writer.write(height - 1, 14)
  writer.write(palette.alpha ? 1 : 0, 1)
  writer.write(0, 3) // version
  writer.write(1, 1) // a transform follows
  writer.write(COLOR_INDEXING_TRANSFORM, 2)
  const size = palette.rgb.length / 3
  writer.write(size - 1, 8)
  writeColorTable(writer, palette.rgb, palette.alpha)
  writer.write(0, 1) // no more transforms
}

/**
 * The palette as a one-row image of literals, each entry stored as its difference from the one
 * before (per channel, modulo 256), as VP8L requires.
 */
function writeColorTable(writer: BitWriter, rgb: Uint8Array, alpha?: Uint8Array): void {
  const size = rgb.length / 3
  const argb = (i: number, channel: number) =>
    channel === 3 ? (alpha?.[i] ?? 255) : rgb[i * 3 + channel]!
  // Channels in the order VP8L reads a literal: green, red, blue, alpha.
  const order = [1, 0, 2, 3]
  const deltas = order.map((channel) =>
    Array.from({ length: size }, (_, i) => {
      const before = i === 0 ? 0 : argb(i - 1, channel)
      return (argb(i, channel) - before) & 0xff
    }),
  )
  writer.write(0, 1) // no colour cache
  const codes = deltas.map((values, k) => {
    const counts = new Array<number>(k === 0 ? GREEN_SYMBOLS : LITERALS).fill(0)
    for (const value of values) counts[value]!++
    return writePrefixCode(writer, counts)
  })
  writePrefixCode(writer, new Array<number>(DISTANCE_PREFIXES).fill(0)) // no copies
  for (let i = 0; i < size; i++) {
    codes.forEach((code, k) => {
      const value = deltas[k]![i]!
      writer.write(code.codes[value]!, code.bits[value]!)
    })
  }
}

/** RIFF header, WEBP form, one VP8L chunk (padded to an even length). */
function riffContainer(stream: Uint8Array): Buffer {
  const padded = stream.length + (stream.length & 1)
  const file = Buffer.alloc(20 + padded)
  file.write('RIFF', 0, 'latin1')
  file.writeUInt32LE(12 + padded, 4)
  file.write('WEBPVP8L', 8, 'latin1')
  file.writeUInt32LE(stream.length, 16)
  file.set(stream, 20)
  return file
}
