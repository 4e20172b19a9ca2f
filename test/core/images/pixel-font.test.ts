import { describe, expect, it } from 'vitest'
import { GLYPH_HEIGHT, GLYPH_WIDTH, drawText, fitText, glyphRows, textWidth } from '../../../src/core/images/pixel-font.js'

const printable = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i))

describe('pixel font', () => {
  it('has 7 rows of at most 5 bits for every printable ASCII character', () => {
    for (const char of printable) {
      const rows = glyphRows(char)
      expect(rows).toHaveLength(GLYPH_HEIGHT)
      for (const row of rows) expect(row).toBeLessThan(1 << GLYPH_WIDTH)
    }
  })

  it('draws every letter and digit differently', () => {
    const alnum = printable.filter((c) => /[A-Za-z0-9]/.test(c))
    expect(new Set(alnum.map((c) => glyphRows(c).join(','))).size).toBe(alnum.length)
  })

  it('draws anything else as the same fallback box', () => {
    expect(glyphRows('é')).toEqual(glyphRows('\u0001'))
    expect(glyphRows('é')).not.toEqual(glyphRows('?'))
  })

  it('writes exactly the ink pixels of a glyph, scaled', () => {
    const width = 20
    const pixels = new Uint8Array(width * 20)
    drawText({ pixels, width, height: 20 }, 'I', { x: 2, y: 3, scale: 2, ink: 9 })
    const rows = glyphRows('I')
    for (let y = 0; y < 20; y++) {
      for (let x = 0; x < width; x++) {
        const fx = Math.floor((x - 2) / 2)
        const fy = Math.floor((y - 3) / 2)
        const inGlyph = fx >= 0 && fx < GLYPH_WIDTH && fy >= 0 && fy < GLYPH_HEIGHT
        const ink = inGlyph && (rows[fy]! & (1 << (GLYPH_WIDTH - 1 - fx))) !== 0
        expect(pixels[y * width + x], `(${x}, ${y})`).toBe(ink ? 9 : 0)
      }
    }
  })

  it('clips at every edge without writing outside the canvas', () => {
    const width = 10
    const height = 6
    const guarded = new Uint8Array(width * height + 16).fill(0)
    const canvas = { pixels: guarded.subarray(8, 8 + width * height), width, height }
    for (const [x, y] of [[-7, -5], [8, 4], [-3, 2], [5, -6]] as const) drawText(canvas, 'W#@', { x, y, scale: 3, ink: 5 })
    expect([...guarded.subarray(0, 8), ...guarded.subarray(8 + width * height)]).toEqual(Array(16).fill(0))
    expect(canvas.pixels.some((p) => p === 5)).toBe(true)
  })

  it('measures what it draws, and cuts text to fit with dots', () => {
    expect(textWidth('', 3)).toBe(0)
    expect(textWidth('ab', 2)).toBe((2 * (GLYPH_WIDTH + 1) - 1) * 2)
    expect(fitText('short', 1000, 1)).toBe('short')
    const cut = fitText('a rather long caption', textWidth('a rather...', 2), 2)
    expect(cut).toBe('a rather...')
    expect(fitText('anything', 1, 1)).toBe('')
  })
})
