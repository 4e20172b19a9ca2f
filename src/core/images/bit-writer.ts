/**
 * An LSB-first bit writer (the bit order of VP8L, the lossless WebP bitstream): values are packed
 * from the lowest bit of each byte up, with no byte stuffing.
 */

/** Bits written so far, as whole bytes plus how many bits of the stream they hold. */
export interface Bits {
  bytes: Uint8Array
  bitLength: number
}

export class BitWriter {
  private buffer: Uint8Array
  private used = 0
  private pending = 0
  private pendingBits = 0

  constructor(initialBytes = 1024) {
    this.buffer = new Uint8Array(Math.max(16, Math.ceil(initialBytes)))
  }

  /** Writes the low `count` bits of `value`, lowest first; `count` is at most 24. */
  write(value: number, count: number): void {
    this.pending |= (value & ((1 << count) - 1)) << this.pendingBits
    this.pendingBits += count
    while (this.pendingBits >= 8) {
      if (this.used === this.buffer.length) this.grow(this.used + 1)
      this.buffer[this.used++] = this.pending & 0xff
      this.pending >>>= 8
      this.pendingBits -= 8
    }
  }

  /** Appends a bit string written by another writer, at whatever bit offset this one is. */
  append({ bytes, bitLength }: Bits): void {
    const whole = bitLength >>> 3
    if (this.pendingBits === 0) {
      this.grow(this.used + whole)
      this.buffer.set(bytes.subarray(0, whole), this.used)
      this.used += whole
    } else {
      this.grow(this.used + whole + 1)
      for (let i = 0; i < whole; i++) this.write(bytes[i]!, 8)
    }
    if (bitLength & 7) this.write(bytes[whole]!, bitLength & 7)
  }

  /** The bits so far; a final partial byte is zero-padded. */
  finish(): Bits {
    const bitLength = this.used * 8 + this.pendingBits
    const bytes = new Uint8Array(Math.ceil(bitLength / 8))
    bytes.set(this.buffer.subarray(0, this.used))
    if (this.pendingBits > 0) bytes[this.used] = this.pending & 0xff
    return { bytes, bitLength }
  }

  private grow(needed: number): void {
    if (needed <= this.buffer.length) return
    const bigger = new Uint8Array(Math.max(needed, this.buffer.length * 2))
    bigger.set(this.buffer.subarray(0, this.used))
    this.buffer = bigger
  }
}
