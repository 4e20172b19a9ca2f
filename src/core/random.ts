/**
 * Seeded randomness: every choice the emulator makes at random (ids, accents, revised prompts)
 * comes from here, so one seed replays a whole run.
 */
import { createHash, hash } from 'node:crypto'

/** A 32-bit hash of the given parts (the first 4 bytes of their SHA-256), stable everywhere. */
export function hash32(...parts: readonly (string | number)[]): number {
  // The one-shot hex digest is several times cheaper than createHash() or a 'buffer' digest.
  return parseInt(sha256Hex(parts).slice(0, 8), 16)
}

/** A hex digest of the given parts, `length` characters long (at most 64). */
export function hashHex(length: number, ...parts: readonly (string | number)[]): string {
  return sha256Hex(parts).slice(0, length)
}

function sha256Hex(parts: readonly (string | number)[]): string {
  return hash('sha256', parts.join('\u0000'), 'hex')
}

export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** `length` lowercase hex characters. */
  hex(length: number): string
  /** A version-4-shaped UUID built from this generator's stream. */
  uuid(): string
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
}

/** A sequence generator (sfc32) seeded from a string: the same seed yields the same sequence. */
export function createRandom(seed: string): Random {
  const digest = createHash('sha256').update(seed).digest()
  let a = digest.readUInt32BE(0)
  let b = digest.readUInt32BE(4)
  let c = digest.readUInt32BE(8)
  let d = digest.readUInt32BE(12)

  function nextUint32(): number {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }

  function hex(length: number): string {
    let out = ''
    while (out.length < length) out += nextUint32().toString(16).padStart(8, '0')
    return out.slice(0, length)
  }

  return {
    next: () => nextUint32() / 0x1_0000_0000,
    hex,
    uuid() {
      const h = hex(32)
      const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)
      return (
        `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-` +
        `${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
      )
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('pick() needs at least one item')
      return items[nextUint32() % items.length]!
    },
  }
}
