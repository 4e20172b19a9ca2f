/**
 * LZ77 for lossless WebP (VP8L) over palette-index images, tuned to the emulator's pictures: only
 * a few fixed backward references are tried (the pixel before, the row above, and the offset along
 * which the diagonal background gradient repeats), so tokenising is one fast linear pass.
 */
import type { BitWriter } from './bit-writer.js'
import type { PrefixCode } from './prefix-codes.js'

/** Green-alphabet symbols before the length prefixes: the 256 literal values. */
export const LITERALS = 256
/** Length prefixes (copies of 1 to 4096 pixels), and distance prefixes. */
export const LENGTH_PREFIXES = 24
export const DISTANCE_PREFIXES = 40
const MAX_COPY = 4096
/** Shorter matches are cheaper as literals. */
const MIN_COPY = 3
/** Distance codes up to this are 2D neighbourhood codes; larger ones are the distance + 120. */
const PLANE_CODES = 120
/** Neighbourhood codes of the row above (0, 1) and the pixel before (1, 0). */
const ABOVE_CODE = 1
const PREVIOUS_CODE = 2
/** How many rows up a gradient reference may reach. */
const MAX_GRADIENT_ROWS = 16

/** A copy source: `distance` pixels back, written as distance code `code`. */
export interface Reference {
  distance: number
  code: number
}

/** Tokens: per token, 0 and a literal palette index, or a copy length and its distance code. */
export interface Tokens {
  lengths: number[]
  values: number[]
}

/** The pixel before and the row above: enough for bands of flat colour and scaled text. */
export function nearReferences(width: number): Reference[] {
  return [
    { distance: width, code: ABOVE_CODE },
    { distance: 1, code: PREVIOUS_CODE },
  ]
}

/**
 * The near references plus the one (dx right, dy up) along which a gradient over x / (width - 1)
 * + y / (height - 1) is closest to constant, so whole rows of it become a single copy.
 */
export function gradientReferences(width: number, height: number): Reference[] {
  let best = { dx: 0, dy: 1, error: Infinity }
  for (let dy = 1; dy <= Math.min(MAX_GRADIENT_ROWS, height - 1); dy++) {
    const dx = Math.round((dy * (width - 1)) / Math.max(1, height - 1))
    // The gradient's drift per pixel along (dx, dy), scaled; smaller dy wins a tie.
    const error = Math.abs(dx * (height - 1) - dy * (width - 1))
    if (dx > 0 && dx < width && error < best.error) best = { dx, dy, error }
  }
  const references = nearReferences(width)
  if (best.error === Infinity) return references
  const distance = best.dy * width - best.dx
  return [{ distance, code: distance + PLANE_CODES }, ...references]
}

/**
 * Appends tokens for rows `fromRow` to `toRow` of `pixels` (`width` per row). Copies never read
 * before row `floorRow`, so rows above it may change without changing these tokens.
 */
export function tokenize(
  pixels: Uint8Array,
  width: number,
  rows: { fromRow: number; toRow: number; floorRow: number },
  references: readonly Reference[],
  tokens: Tokens,
): void {
  const floor = rows.floorRow * width
  const end = rows.toRow * width
  for (let at = rows.fromRow * width; at < end;) {
    const limit = Math.min(MAX_COPY, end - at)
    let bestLength = 0
    let bestCode = 0
    for (const { distance, code } of references) {
      const from = at - distance
      if (from < floor) continue
      let length = 0
      while (length < limit && pixels[from + length] === pixels[at + length]) length++
      if (length > bestLength) {
        bestLength = length
        bestCode = code
      }
    }
    if (bestLength >= MIN_COPY) {
      tokens.lengths.push(bestLength)
      tokens.values.push(bestCode)
      at += bestLength
    } else {
      tokens.lengths.push(0)
      tokens.values.push(pixels[at]!)
      at++
    }
  }
}

/** Adds the green-alphabet and distance symbols of `tokens` to the two histograms. */
export function countTokens(tokens: Tokens, green: number[], distance: number[]): void {
  const { lengths, values } = tokens
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i]!
    if (length === 0) {
      green[values[i]!]!++
    } else {
      green[LITERALS + prefixOf(length)]!++
      distance[prefixOf(values[i]!)]!++
    }
  }
}

/**
 * Writes `tokens` with the green and distance codes. A literal's red, blue and alpha are always
 * 0 here (the palette index sits in green), coded with one-symbol codes that take no bits.
 */
export function writeTokens(
  writer: BitWriter,
  tokens: Tokens,
  green: PrefixCode,
  distance: PrefixCode,
): void {
  const { lengths, values } = tokens
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i]!
    if (length === 0) {
      const index = values[i]!
      writer.write(green.codes[index]!, green.bits[index]!)
    } else {
      writePrefixed(writer, green, LITERALS, length)
      writePrefixed(writer, distance, 0, values[i]!)
    }
  }
}

/** Writes a length or distance code `value` (1 or more) as a prefix symbol and extra bits. */
function writePrefixed(writer: BitWriter, code: PrefixCode, base: number, value: number): void {
  const prefix = prefixOf(value)
  writer.write(code.codes[base + prefix]!, code.bits[base + prefix]!)
  if (prefix < 4) return
  const extraBits = (prefix - 2) >> 1
  const offset = (2 + (prefix & 1)) << extraBits
  writer.write(value - 1 - offset, extraBits)
}

/** The prefix symbol of a length or distance code (RFC 9649, 3.6.2.2 "LZ77 Prefix Coding"). */
export function prefixOf(value: number): number {
  if (value <= 4) return value - 1
  const d = value - 1
  const highest = 31 - Math.clz32(d)
  return 2 * highest + ((d >>> (highest - 1)) & 1)
}
