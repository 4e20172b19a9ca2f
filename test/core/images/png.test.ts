import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import sharp from 'sharp'
import {
  adler32,
  adler32Rows,
  assemblePng,
  combineAdler32,
  deflateRows,
  deflateRowsSync,
  encodePngHeader,
} from '../../../src/core/images/png.js'

function zlibAdler(data: Uint8Array): number {
  return deflateSync(data).readUInt32BE(deflateSync(data).length - 4)
}

describe('adler32', () => {
  it("agrees with zlib's trailer", () => {
    const data = new Uint8Array(100_000).map((_, i) => (i * 31 + (i >> 7)) & 0xff)
    expect(adler32(data)).toBe(zlibAdler(data))
  })

  it('combines two checksums into the checksum of the concatenation', () => {
    const a = new Uint8Array(70_001).map((_, i) => i & 0xff)
    const b = new Uint8Array(12_345).map((_, i) => (i * 7) & 0xff)
    const joined = new Uint8Array([...a, ...b])
    expect(combineAdler32(adler32(a), adler32(b), b.length)).toBe(adler32(joined))
  })
})

describe('adler32Rows', () => {
  it('equals adler32 over rows that repeat, differ, and end short', () => {
    const stride = 9
    const data = new Uint8Array(stride * 7 + 4)
    data.fill(5, 0, stride * 3) // three equal rows
    data.fill(6, stride * 3, stride * 4)
    data.set([1, 2, 3, 4, 5, 6, 7, 8, 9], stride * 4)
    data.set([1, 2, 3, 4, 5, 6, 7, 8, 9], stride * 5)
    data.fill(9, stride * 6)
    expect(adler32Rows(data, stride)).toBe(adler32(data))
  })
})

describe('assemblePng', () => {
  it('splices separately compressed row ranges into one valid PNG, pixels exact', async () => {
    const width = 40
    const height = 30
    const palette = new Uint8Array(256 * 3).map((_, i) => (i * 5) & 0xff)
    const rows = (from: number, to: number) => {
      const raw = new Uint8Array((to - from) * (width + 1))
      for (let y = from; y < to; y++)
        for (let x = 0; x < width; x++) raw[(y - from) * (width + 1) + 1 + x] = (x * y) & 0xff
      return raw
    }
    const png = assemblePng(encodePngHeader({ width, height, palette }), [
      deflateRowsSync(rows(0, 7), width + 1, false),
      deflateRowsSync(rows(7, 8), width + 1, false),
      await deflateRows(rows(8, height), true),
    ])
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true })
    expect(info).toMatchObject({ width, height, channels: 3 })
    for (const [x, y] of [
      [0, 0],
      [39, 6],
      [5, 7],
      [39, 29],
    ] as const) {
      const entry = (x * y) & 0xff
      expect([...data.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)]).toEqual([
        ...palette.subarray(entry * 3, entry * 3 + 3),
      ])
    }
  })

  it('refuses pieces whose last one is not final', () => {
    expect(() =>
      assemblePng(Buffer.alloc(0), [deflateRowsSync(new Uint8Array(4), 4, false)]),
    ).toThrow(/final/)
  })
})
