import { constants, deflateRawSync, inflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { adler32 } from '../../../src/core/images/adler32.js'
import { deflatePaintedRows } from '../../../src/core/images/deflate-fixed.js'
import { paintRows, type PaintedRows } from '../../../src/core/images/painted-rows.js'

/** The rows as bytes, each opened by `lead`: what the deflate stream must hold. */
function rawOf(painted: PaintedRows, lead: number): Buffer {
  const lines = painted.rows.reduce((sum, row) => sum + row.repeat, 0)
  const raw = Buffer.alloc(lines * (painted.width + 1))
  paintRows({ pixels: raw, width: painted.width + 1 }, 0, 1, painted)
  for (let line = 0; line < lines; line++) raw[line * (painted.width + 1)] = lead
  return raw
}

function deflated(painted: PaintedRows, lead: number, final: boolean) {
  const result = deflatePaintedRows(painted, { lead, final })
  return { ...result, bytes: Buffer.from(result.bytes) }
}

/** Rows of one layer each: runs of the given lengths, alternately ink and paper. */
function striped(width: number, lengths: readonly number[], value = 7, repeat = 1): PaintedRows {
  const spans: number[] = []
  let x = 0
  lengths.forEach((length, i) => {
    if (i % 2 === 0) spans.push(x, x + length)
    x += length
  })
  return { width, paper: 1, rows: [{ layers: [{ value, spans }], repeat }] }
}

describe('deflatePaintedRows', () => {
  it.each([
    [
      'short runs of every length',
      striped(
        2600,
        Array.from({ length: 70 }, (_, i) => i + 1),
      ),
    ],
    ['runs around the 258-byte copy limit', striped(3000, [258, 259, 260, 261, 262, 516, 517])],
    ['9-bit literals (values 144-255)', striped(600, [1, 2, 3, 4, 5, 300], 250, 3)],
    ['a row copied many times', striped(1025, [9, 21, 3, 3, 6], 140, 40)],
    ['rows too wide to copy (over 32 KiB)', striped(40_000, [5, 30_000, 7], 3, 3)],
    ['a row of paper only', { width: 100, paper: 0, rows: [{ layers: [], repeat: 5 }] }],
  ])('round-trips %s through zlib, with the right Adler-32', (_name, painted) => {
    for (const lead of [0, 255]) {
      const raw = rawOf(painted, lead)
      const piece = deflated(painted, lead, true)
      expect(inflateRawSync(piece.bytes).equals(raw)).toBe(true)
      expect(piece.adler).toBe(adler32(raw))
      expect(piece.rawLength).toBe(raw.length)
    }
  })

  it('ends a non-final piece on a byte boundary, spliceable before a zlib piece', () => {
    const painted = striped(1025, [9, 21, 3, 3, 6, 700], 140, 21)
    const piece = deflated(painted, 0, false)
    // zlib's full flush ends the same way: an empty stored block.
    expect([...piece.bytes.subarray(-4)]).toEqual([0x00, 0x00, 0xff, 0xff])
    const after = Buffer.from('the next piece, compressed on its own')
    const tail = deflateRawSync(after, { finishFlush: constants.Z_FINISH })
    const joined = inflateRawSync(Buffer.concat([piece.bytes, tail]))
    expect(joined.equals(Buffer.concat([rawOf(painted, 0), after]))).toBe(true)
  })

  it('round-trips random painted rows', () => {
    const layer = fc.record({
      value: fc.integer({ min: 0, max: 255 }),
      cuts: fc.uniqueArray(fc.integer({ min: 0, max: 1200 }), { maxLength: 40 }),
    })
    const row = fc.record({ layers: fc.array(layer, { maxLength: 3 }), repeat: fc.nat(6) })
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1200 }),
        fc.integer({ min: 0, max: 255 }),
        fc.array(row, { maxLength: 6 }),
        fc.boolean(),
        (width, paper, rows, final) => {
          // Layers left to right: each layer's spans sit in its own slice of the row.
          const painted: PaintedRows = {
            width,
            paper,
            rows: rows.map(({ layers, repeat }) => ({
              repeat: repeat + 1,
              layers: layers.map(({ value, cuts }, k) => {
                const from = Math.floor((k * width) / 3)
                const to = Math.floor(((k + 1) * width) / 3)
                const points = cuts.map((c) => from + (c % (to - from + 1))).sort((a, b) => a - b)
                return { value, spans: points.slice(0, points.length - (points.length % 2)) }
              }),
            })),
          }
          const raw = rawOf(painted, 0)
          const piece = deflated(painted, 0, final)
          const inflate = (bytes: Buffer) =>
            inflateRawSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH })
          expect(inflate(piece.bytes).equals(raw)).toBe(true)
          expect(piece.adler).toBe(adler32(raw))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('gives the same bytes for the same rows', () => {
    const painted = striped(1025, [9, 21, 3, 3, 6], 140, 21)
    expect(deflated(painted, 0, false).bytes.equals(deflated(painted, 0, false).bytes)).toBe(true)
  })
})
