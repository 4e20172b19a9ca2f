import { describe, expect, it } from 'vitest'
import { BitWriter } from '../../../src/core/images/bit-writer.js'
import { canonicalCode, codeLengths } from '../../../src/core/images/prefix-codes.js'

/** Sum of 2^-length over used symbols: 1 for a complete prefix code. */
function kraft(lengths: Uint8Array): number {
  let sum = 0
  for (const length of lengths) if (length > 0) sum += 2 ** -length
  return sum
}

describe('codeLengths', () => {
  it('builds complete codes within the length limit, even for very skewed counts', () => {
    const fibonacci = [1, 1]
    while (fibonacci.length < 40) fibonacci.push(fibonacci.at(-1)! + fibonacci.at(-2)!)
    for (const limit of [7, 15]) {
      const lengths = codeLengths(fibonacci, limit)
      expect(Math.max(...lengths)).toBeLessThanOrEqual(limit)
      expect(kraft(lengths)).toBe(1)
    }
  })

  it('gives unused symbols no code and frequent ones short codes', () => {
    const lengths = codeLengths([100, 0, 1, 1, 50], 15)
    expect(lengths[1]).toBe(0)
    expect(lengths[0]).toBeLessThanOrEqual(lengths[2]!)
    expect(kraft(lengths)).toBe(1)
  })
})

describe('canonicalCode', () => {
  it('writes a one-symbol code with no bits, as decoders read it', () => {
    const code = canonicalCode(new Uint8Array([0, 0, 1, 0]))
    expect([...code.bits]).toEqual([0, 0, 0, 0])
  })

  it('gives shorter codes first, in symbol order, bit-reversed for an LSB-first writer', () => {
    // Lengths 2, 1, 3, 3: canonical codes 10, 0, 110, 111.
    const code = canonicalCode(new Uint8Array([2, 1, 3, 3]))
    expect([...code.bits]).toEqual([2, 1, 3, 3])
    expect([...code.codes]).toEqual([0b01, 0b0, 0b011, 0b111])
  })
})

describe('BitWriter', () => {
  it('appends bits at any offset as if they were written directly', () => {
    const values = Array.from({ length: 50 }, (_, i) => [(i * 2654435761) >>> 9, (i % 23) + 1])
    const tail = new BitWriter()
    for (const [value, count] of values) tail.write(value!, count!)
    for (let offset = 0; offset < 9; offset++) {
      const direct = new BitWriter(4)
      const spliced = new BitWriter(4)
      direct.write(0b101010101, offset)
      spliced.write(0b101010101, offset)
      for (const [value, count] of values) direct.write(value!, count!)
      spliced.append(tail.finish())
      expect(spliced.finish()).toEqual(direct.finish())
    }
  })
})
