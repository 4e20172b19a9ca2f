/**
 * A deflate writer (RFC 1951) for painted rows, with no zlib call: one block with the fixed
 * Huffman codes, each run of one value a literal plus a copy of it (distance 1), each repeated
 * row one copy of the row above (distance = row length). Caption rows are a few hundred runs
 * repeated many times, so this writes them in a fraction of the time zlib takes to search the
 * painted bytes, and sums their Adler-32 per run on the way.
 */
import { ADLER_MOD, combineAdler32 } from './adler32.js'
import { rowRuns, type PaintedRow, type PaintedRows } from './painted-rows.js'

const MIN_MATCH = 3
const MAX_MATCH = 258
const MAX_DISTANCE = 32_768
const END_OF_BLOCK_BITS = 7 // symbol 256 is seven 0 bits
const DISTANCE_CODE_BITS = 5

/** Fixed literal codes, bit-reversed for the LSB-first bit order of deflate, and their lengths. */
const LITERAL_CODE = new Uint16Array(256)
const LITERAL_BITS = new Uint8Array(256)
/** Per match length 3-258: its symbol's fixed code and extra bits, as one LSB-first code. */
const LENGTH_CODE = new Uint32Array(MAX_MATCH + 1)
const LENGTH_BITS = new Uint8Array(MAX_MATCH + 1)

const LENGTH_BASES = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
  163, 195, 227, 258,
]
const DISTANCE_BASES = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
  3073, 4097, 6145, 8193, 12289, 16385, 24577,
]

for (let literal = 0; literal < 256; literal++) {
  const [code, bits] = literal < 144 ? [0x30 + literal, 8] : [0x190 + literal - 144, 9]
  LITERAL_CODE[literal] = reverseBits(code, bits)
  LITERAL_BITS[literal] = bits
}
LENGTH_BASES.forEach((base, index) => {
  const symbol = 257 + index
  // Symbols 257-279 have 7-bit codes from 0, symbols 280-287 8-bit codes from 0xc0.
  const [code, bits] = symbol < 280 ? [symbol - 256, 7] : [0xc0 + symbol - 280, 8]
  const extraBits = symbol === 285 || index < 8 ? 0 : (index >> 2) - 1
  for (let extra = 0; extra < 1 << extraBits && base + extra <= MAX_MATCH; extra++) {
    LENGTH_CODE[base + extra] = reverseBits(code, bits) | (extra << bits)
    LENGTH_BITS[base + extra] = bits + extraBits
  }
})

export interface DeflatedPaintedRows {
  /** A view of a buffer the next call overwrites: copy it out. */
  readonly bytes: Uint8Array
  /** Adler-32 of the uncompressed rows. */
  readonly adler: number
  readonly rawLength: number
}

/** Rows wider than this could make the per-row Adler sums inexact; images are far narrower. */
const MAX_ROW_LENGTH = 2 ** 20

/**
 * Deflates painted rows, each opened by the byte `lead`, into one fixed-Huffman block.
 * A `final` piece ends the stream; any other ends with an empty stored block on a byte boundary
 * (what zlib's full flush writes), so the next piece may start a new block. Copies never reach
 * before this piece's first byte.
 */
export function deflatePaintedRows(
  painted: PaintedRows,
  { lead, final }: { lead: number; final: boolean },
): DeflatedPaintedRows {
  const rowLength = painted.width + 1
  if (!(rowLength < MAX_ROW_LENGTH)) throw new RangeError(`rows too wide: ${painted.width}`)
  const copyRows = rowLength >= MIN_MATCH && rowLength <= MAX_DISTANCE
  const [rowCode, rowCodeBits] = copyRows ? distanceCode(rowLength) : [0, 0]
  const out = new RunWriter(worstCaseBytes(painted))
  out.write(final ? 0b011 : 0b010, 3) // BFINAL, then BTYPE 01: fixed codes
  let adler = 1
  let rawLength = 0
  for (const row of painted.rows) {
    const rowAdler = writeRow(out, row, painted, lead)
    for (let copy = 1; copy < row.repeat && !copyRows; copy++) writeRow(out, row, painted, lead)
    for (let left = copyRows ? (row.repeat - 1) * rowLength : 0; left > 0;) {
      const length = matchLength(left)
      out.write(LENGTH_CODE[length]!, LENGTH_BITS[length]!)
      out.write(rowCode, rowCodeBits)
      left -= length
    }
    for (let copy = 0; copy < row.repeat; copy++) {
      adler = combineAdler32(adler, rowAdler, rowLength)
    }
    rawLength += row.repeat * rowLength
  }
  out.write(0, END_OF_BLOCK_BITS)
  if (!final) {
    out.write(0, 3) // an empty stored block: BFINAL 0, BTYPE 00, padded to a byte, LEN 0, NLEN ~0
    out.alignToByte()
    out.write(0x0000, 16)
    out.write(0xffff, 16)
  }
  out.alignToByte()
  return { bytes: out.finish(), adler, rawLength }
}

/** One row: the lead byte, then paper between the spans; returns the row's Adler-32. */
function writeRow(out: RunWriter, row: PaintedRow, painted: PaintedRows, lead: number): number {
  const [runs, count] = rowRuns(row, painted, 2)
  runs[0] = lead
  runs[1] = 1
  return out.runs(runs, count)
}

/** The next copy's length when `left` >= 3 bytes remain: at most 258, never leaving 1 or 2. */
function matchLength(left: number): number {
  if (left <= MAX_MATCH) return left
  return left - MAX_MATCH < MIN_MATCH ? left - MIN_MATCH : MAX_MATCH
}

/** The fixed code and extra bits of a distance, as one LSB-first code, and its bit count. */
function distanceCode(distance: number): [number, number] {
  let index = DISTANCE_BASES.length - 1
  while (DISTANCE_BASES[index]! > distance) index--
  const extraBits = index < 4 ? 0 : (index >> 1) - 1
  const code = reverseBits(index, DISTANCE_CODE_BITS)
  return [code | ((distance - DISTANCE_BASES[index]!) << DISTANCE_CODE_BITS), 5 + extraBits]
}

/**
 * A bound on the output: a row has at most two runs per span plus three; a run is at most 27
 * bits plus 18 per 258 bytes and one more for the split; a row copy at most 31 bits per 258 bytes.
 */
function worstCaseBytes({ width, rows }: PaintedRows): number {
  const perByte = Math.ceil((width + 1) / MAX_MATCH) + 1
  let bits = 64
  for (const { layers, repeat } of rows) {
    let runs = 3
    for (const { spans } of layers) runs += spans.length
    bits += (runs * 45 + 31 * perByte) * repeat
  }
  return Math.ceil(bits / 8) + 8
}

function reverseBits(code: number, bits: number): number {
  let reversed = 0
  for (let i = 0; i < bits; i++) reversed |= ((code >> i) & 1) << (bits - 1 - i)
  return reversed
}

/** Runs up to this long are looked up whole (most caption runs are a few font pixels). */
const SHORT_RUN = 64
/** Longest code the writer takes in one go: 7 pending bits plus this fill 32 bits. */
const MAX_CODE_BITS = 25
/** Per byte value, filled on first use: code and bit count of each short run (0 bits: too long). */
const SHORT_RUN_CODES: (Uint32Array | undefined)[] = []

function shortRunCodes(value: number): Uint32Array {
  const codes = new Uint32Array(2 * (SHORT_RUN + 1))
  const literal = LITERAL_CODE[value]!
  const literalBits = LITERAL_BITS[value]!
  for (let length = 1; length <= SHORT_RUN; length++) {
    let code = literal
    let bits = literalBits
    if (length <= MIN_MATCH) {
      for (let k = 1; k < length; k++, bits += literalBits) code += literal * 2 ** bits
    } else {
      code += LENGTH_CODE[length - 1]! * 2 ** bits
      bits += LENGTH_BITS[length - 1]! + DISTANCE_CODE_BITS
    }
    if (bits > MAX_CODE_BITS) continue
    codes[2 * length] = code
    codes[2 * length + 1] = bits
  }
  SHORT_RUN_CODES[value] = codes
  return codes
}

/** Reused between calls (rendering is synchronous), grown to the largest piece seen. */
let scratch = new Uint8Array(64 * 1024)

/** Packs codes LSB-first into bytes: codes of up to 25 bits fit beside 7 pending bits. */
class RunWriter {
  private readonly out: Uint8Array
  private length = 0
  private pending = 0
  private pendingBits = 0

  constructor(capacity: number) {
    this.out = scratch.length >= capacity ? scratch : (scratch = new Uint8Array(capacity))
  }

  /**
   * Value, length pairs as codes: each run its byte, then the rest copied from 1 back when a copy
   * is long enough; returns their Adler-32. One loop over locals, as this is the hot path.
   */
  runs(runs: Int32Array, count: number): number {
    const { out } = this
    let { length, pending, pendingBits } = this
    let sumA = 1
    let sumB = 0
    for (let i = 0; i < count; i += 2) {
      const value = runs[i]!
      const n = runs[i + 1]!
      // n bytes of v move the sums from (a, b) to (a + n v, b + n a + v n (n + 1) / 2); exact in
      // doubles for rows under MAX_ROW_LENGTH, so reduced once per row.
      sumB += n * sumA + (value * n * (n + 1)) / 2
      sumA += n * value
      const short = n <= SHORT_RUN ? (SHORT_RUN_CODES[value] ?? shortRunCodes(value)) : undefined
      let code: number
      let bits: number
      let left: number
      if (short && short[2 * n + 1]! > 0) {
        code = short[2 * n]!
        bits = short[2 * n + 1]!
        left = 0
      } else {
        code = LITERAL_CODE[value]!
        bits = LITERAL_BITS[value]!
        left = n - 1
      }
      for (;;) {
        // May set bit 31, which the unsigned shift clears again.
        pending |= code << pendingBits
        pendingBits += bits
        for (; pendingBits >= 8; pendingBits -= 8, pending >>>= 8) out[length++] = pending
        if (left === 0) break
        if (left < MIN_MATCH) {
          left-- // the literal again
          continue
        }
        const match = matchLength(left)
        // Distance 1 is distance code 0: five 0 bits after the length, no extra bits.
        code = LENGTH_CODE[match]!
        bits = LENGTH_BITS[match]! + DISTANCE_CODE_BITS
        left -= match
      }
    }
    this.length = length
    this.pending = pending
    this.pendingBits = pendingBits
    return ((sumB % ADLER_MOD) * 0x1_0000 + (sumA % ADLER_MOD)) >>> 0
  }

  write(code: number, bits: number): void {
    // May set bit 31, which the unsigned shift below clears again.
    this.pending |= code << this.pendingBits
    this.pendingBits += bits
    while (this.pendingBits >= 8) {
      this.out[this.length++] = this.pending & 0xff
      this.pending >>>= 8
      this.pendingBits -= 8
    }
  }

  alignToByte(): void {
    if (this.pendingBits > 0) this.write(0, 8 - this.pendingBits)
  }

  /** What was written, in the buffer every call shares. */
  finish(): Uint8Array {
    return this.out.subarray(0, this.length)
  }
}
