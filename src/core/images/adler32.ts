/**
 * Adler-32, the checksum that ends a zlib stream, and the arithmetic that joins two checksums,
 * so separately compressed pieces of one stream never have their bytes summed twice.
 */

export const ADLER_MOD = 65_521
/** Largest byte count whose Adler sums cannot overflow 2^53 before a modulo (zlib's NMAX). */
const ADLER_BLOCK = 5_552

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
