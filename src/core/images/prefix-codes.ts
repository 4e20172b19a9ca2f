/**
 * Canonical prefix (Huffman) codes as lossless WebP (VP8L) stores them: code lengths built from
 * symbol counts with a length limit, bit-reversed codes for an LSB-first writer, and the two ways
 * VP8L describes a code in the bitstream (a "simple" code of one or two symbols, or code lengths
 * that are themselves run-length and prefix coded).
 */
import type { BitWriter } from './bit-writer.js'

/** The longest code VP8L allows for symbols, and for the code-length code. */
const MAX_CODE_LENGTH = 15
const MAX_CODE_LENGTH_CODE_LENGTH = 7
/** The order in which the code-length code's own lengths are stored (RFC 9649, 3.7.2.1.2). */
const CODE_LENGTH_ORDER = [17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]
const REPEAT_PREVIOUS = 16
const REPEAT_ZEROS = 17
const REPEAT_MANY_ZEROS = 18

export interface PrefixCode {
  /** Per symbol, its code with the first bit lowest (ready for an LSB-first writer). */
  codes: Uint16Array
  /** Per symbol, how many bits to write: 0 for unused symbols and for a code of one symbol. */
  bits: Uint8Array
}

/**
 * Optimal code lengths of at most `maxLength` bits for `counts` (0 for unused symbols). When the
 * limit is exceeded the counts are flattened and the code built again, as libwebp does.
 */
export function codeLengths(counts: ArrayLike<number>, maxLength: number): Uint8Array {
  const lengths = new Uint8Array(counts.length)
  const used: number[] = []
  for (let s = 0; s < counts.length; s++) if (counts[s]! > 0) used.push(s)
  if (used.length === 1) lengths[used[0]!] = 1
  if (used.length < 2) return lengths
  let weights = used.map((s) => counts[s]!)
  for (;;) {
    const depths = huffmanDepths(weights)
    if (Math.max(...depths) <= maxLength) {
      used.forEach((s, i) => (lengths[s] = depths[i]!))
      return lengths
    }
    weights = weights.map((w) => Math.max(1, Math.floor(w / 2)))
  }
}

/** The canonical code for `lengths`, as the decoder rebuilds it (shorter codes, then symbols). */
export function canonicalCode(lengths: Uint8Array): PrefixCode {
  const codes = new Uint16Array(lengths.length)
  const bits = new Uint8Array(lengths.length)
  const perLength = new Array<number>(MAX_CODE_LENGTH + 2).fill(0)
  let used = 0
  for (const length of lengths) {
    if (length > 0) used++
    perLength[length]!++
  }
  // A decoder reads a code with only one symbol with no bits at all.
  if (used < 2) return { codes, bits }
  perLength[0] = 0
  const next = new Array<number>(MAX_CODE_LENGTH + 2).fill(0)
  for (let length = 1, code = 0; length <= MAX_CODE_LENGTH; length++) {
    code = (code + perLength[length - 1]!) << 1
    next[length] = code
  }
  lengths.forEach((length, symbol) => {
    if (length === 0) return
    codes[symbol] = reverseBits(next[length]!++, length)
    bits[symbol] = length
  })
  return { codes, bits }
}

/**
 * Writes the description of a code for `counts` (an alphabet of `counts.length` symbols) and
 * returns the code to write symbols with.
 */
export function writePrefixCode(writer: BitWriter, counts: ArrayLike<number>): PrefixCode {
  const used: number[] = []
  for (let s = 0; s < counts.length; s++) if (counts[s]! > 0) used.push(s)
  if (used.length <= 2 && used.every((s) => s < 256)) return writeSimpleCode(writer, used, counts)
  const lengths = codeLengths(counts, MAX_CODE_LENGTH)
  writeCodeLengths(writer, lengths)
  return canonicalCode(lengths)
}

/** One or two symbols below 256, listed outright; each then costs 0 or 1 bit. */
function writeSimpleCode(writer: BitWriter, used: number[], counts: ArrayLike<number>) {
  const first = used[0] ?? 0
  writer.write(1, 1) // simple code
  writer.write(used.length === 2 ? 1 : 0, 1)
  if (first < 2) {
    writer.write(0, 1)
    writer.write(first, 1)
  } else {
    writer.write(1, 1)
    writer.write(first, 8)
  }
  if (used.length === 2) writer.write(used[1]!, 8)
  const lengths = new Uint8Array(counts.length)
  for (const s of used) lengths[s] = 1
  return canonicalCode(lengths)
}

/** A "normal" code: its lengths, run-length coded with a code-length code of their own. */
function writeCodeLengths(writer: BitWriter, lengths: Uint8Array): void {
  const tokens = runLengthTokens(lengths)
  const counts = new Array<number>(CODE_LENGTH_ORDER.length).fill(0)
  for (const { symbol } of tokens) counts[symbol]!++
  const lengthLengths = codeLengths(counts, MAX_CODE_LENGTH_CODE_LENGTH)
  const lengthCode = canonicalCode(lengthLengths)
  let stored = CODE_LENGTH_ORDER.length
  while (stored > 4 && lengthLengths[CODE_LENGTH_ORDER[stored - 1]!] === 0) stored--
  writer.write(0, 1) // normal code
  writer.write(stored - 4, 4)
  for (let i = 0; i < stored; i++) writer.write(lengthLengths[CODE_LENGTH_ORDER[i]!]!, 3)
  writer.write(0, 1) // lengths are given for the whole alphabet
  for (const { symbol, extraBits, extra } of tokens) {
    writer.write(lengthCode.codes[symbol]!, lengthCode.bits[symbol]!)
    if (extraBits > 0) writer.write(extra, extraBits)
  }
}

interface LengthToken {
  symbol: number
  extraBits: number
  extra: number
}

/** Code lengths as literal lengths and repeat codes 16 (previous length), 17 and 18 (zeros). */
function runLengthTokens(lengths: Uint8Array): LengthToken[] {
  const tokens: LengthToken[] = []
  const literal = (symbol: number) => tokens.push({ symbol, extraBits: 0, extra: 0 })
  for (let i = 0; i < lengths.length;) {
    const value = lengths[i]!
    let run = 1
    while (i + run < lengths.length && lengths[i + run] === value) run++
    i += run
    if (value !== 0) {
      // Code 16 repeats the last non-zero length, so the first of a run is written outright.
      literal(value)
      run--
      for (; run >= 3; run -= Math.min(run, 6)) {
        tokens.push({ symbol: REPEAT_PREVIOUS, extraBits: 2, extra: Math.min(run, 6) - 3 })
      }
    } else {
      for (; run >= 11; run -= Math.min(run, 138)) {
        tokens.push({ symbol: REPEAT_MANY_ZEROS, extraBits: 7, extra: Math.min(run, 138) - 11 })
      }
      if (run >= 3) {
        tokens.push({ symbol: REPEAT_ZEROS, extraBits: 3, extra: run - 3 })
        run = 0
      }
    }
    for (; run > 0; run--) literal(value)
  }
  return tokens
}

/** Huffman tree depths for positive weights (ties broken by position, for stable output). */
function huffmanDepths(weights: number[]): number[] {
  const n = weights.length
  const order = weights.map((_, i) => i).sort((a, b) => weights[a]! - weights[b]! || a - b)
  // Nodes 0..n-1 are leaves; internal nodes follow, created in increasing weight order.
  const weight = [...weights]
  const parent = new Array<number>(2 * n - 1).fill(-1)
  let leaf = 0
  let inner = n
  const takeLightest = (): number => {
    const innerReady = inner < weight.length
    if (leaf < n && (!innerReady || weights[order[leaf]!]! <= weight[inner]!)) return order[leaf++]!
    return inner++
  }
  while (weight.length < 2 * n - 1) {
    const a = takeLightest()
    const b = takeLightest()
    parent[a] = parent[b] = weight.length
    weight.push(weight[a]! + weight[b]!)
  }
  const depth = new Array<number>(2 * n - 1).fill(0)
  for (let node = 2 * n - 3; node >= 0; node--) depth[node] = depth[parent[node]!]! + 1
  return depth.slice(0, n)
}

function reverseBits(code: number, length: number): number {
  let reversed = 0
  for (let i = 0; i < length; i++) reversed |= ((code >>> i) & 1) << (length - 1 - i)
  return reversed
}
