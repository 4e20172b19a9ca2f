import { describe, it, expect } from 'vitest'
import {
  GLYPH_HEIGHT,
  GLYPH_WIDTH,
  drawText,
  fitText,
  glyphRows,
  textInkSpans,
  textWidth,
} from '../../../src/core/images/pixel-font.js'

const PRINTABLE = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i))
const ALNUM = Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')
// The box sits on the baseline: the two descender rows stay blank.
const BOX = [0b11111, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b11111, 0, 0]

type Target = { pixels: Uint8Array; width: number; height: number }

function blank(width: number, height: number, fill = 0): Target {
  return { pixels: new Uint8Array(width * height).fill(fill), width, height }
}

/** Renders a buffer region as '#'/'.' strings: '#' where the pixel equals ink. */
function region(t: Target, x: number, y: number, w: number, h: number, ink: number): string[] {
  const rows: string[] = []
  for (let py = y; py < y + h; py++) {
    let row = ''
    for (let px = x; px < x + w; px++) row += t.pixels[py * t.width + px] === ink ? '#' : '.'
    rows.push(row)
  }
  return rows
}

/** Scales '#'/'.' rows up by an integer factor. */
function upscale(rows: string[], scale: number): string[] {
  return rows.flatMap((row) => {
    const wide = Array.from(row, (c) => c.repeat(scale)).join('')
    return Array.from({ length: scale }, () => wide)
  })
}

/** Independent, naive reference renderer: per pixel, with explicit bounds checks. */
function reference(
  t: Target,
  text: string,
  x: number,
  y: number,
  scale: number,
  ink: number,
): void {
  Array.from(text).forEach((char, i) => {
    glyphRows(char).forEach((bits, row) => {
      for (let col = 0; col < GLYPH_WIDTH; col++) {
        if (!(bits & (1 << (GLYPH_WIDTH - 1 - col)))) continue
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const px = x + i * (GLYPH_WIDTH + 1) * scale + col * scale + dx
            const py = y + row * scale + dy
            if (px >= 0 && px < t.width && py >= 0 && py < t.height)
              t.pixels[py * t.width + px] = ink
          }
        }
      }
    })
  })
}

/** A target whose pixels sit between two guard regions inside one ArrayBuffer. */
function guarded(width: number, height: number, guard = 64) {
  const backing = new Uint8Array(guard + width * height + guard).fill(0xaa)
  const pixels = new Uint8Array(backing.buffer, guard, width * height).fill(0)
  const guardsIntact = () =>
    backing.subarray(0, guard).every((v) => v === 0xaa) &&
    backing.subarray(guard + width * height).every((v) => v === 0xaa)
  return { target: { pixels, width, height }, guardsIntact }
}

describe('glyph table', () => {
  it('gives every printable ASCII character 9 rows of at most 5 bits', () => {
    expect(GLYPH_WIDTH).toBe(5)
    expect(GLYPH_HEIGHT).toBe(9)
    for (const char of PRINTABLE) {
      const rows = glyphRows(char)
      expect(rows, char).toHaveLength(GLYPH_HEIGHT)
      for (const bits of rows) {
        expect(Number.isInteger(bits), char).toBe(true)
        expect(bits, char).toBeGreaterThanOrEqual(0)
        expect(bits, char).toBeLessThan(1 << GLYPH_WIDTH)
      }
    }
  })

  it('draws space as blank and every other printable character with some ink', () => {
    expect(glyphRows(' ')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0])
    for (const char of PRINTABLE.slice(1))
      expect(
        glyphRows(char).some((bits) => bits !== 0),
        char,
      ).toBe(true)
  })

  it('gives each letter and digit its own glyph', () => {
    const seen = new Map<string, string>()
    for (const char of ALNUM) {
      const key = glyphRows(char).join(',')
      expect(seen.get(key), `${char} duplicates ${seen.get(key)}`).toBeUndefined()
      seen.set(key, char)
    }
  })

  it('gives all 95 printable characters distinct glyphs, none of them the fallback box', () => {
    const keys = new Set(PRINTABLE.map((char) => glyphRows(char).join(',')))
    expect(keys.size).toBe(PRINTABLE.length)
    expect(keys.has(BOX.join(','))).toBe(false)
  })

  it('stores rows with bit 4 as the leftmost column', () => {
    expect(glyphRows('A')).toEqual([
      0b01110, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001, 0, 0,
    ])
    expect(glyphRows('L')[0]).toBe(0b10000)
  })

  it('falls back to a hollow box for characters it does not cover', () => {
    for (const char of ['\n', '\t', '\x00', '\x7f', 'é', '€', '日', '😀', '', 'AB']) {
      expect(glyphRows(char), JSON.stringify(char)).toEqual(BOX)
    }
  })
})

describe('drawText', () => {
  it('writes exactly the ink pixels of a glyph at scale 1', () => {
    const t = blank(9, 11, 7)
    drawText(t, 'A', { x: 2, y: 3, scale: 1, ink: 1 })
    expect(region(t, 2, 3, 5, 7, 1)).toEqual([
      '.###.',
      '#...#',
      '#...#',
      '#####',
      '#...#',
      '#...#',
      '#...#',
    ])
    // Nothing else changed: 18 ink pixels, every other pixel keeps the background.
    expect(t.pixels.filter((v) => v === 1)).toHaveLength(18)
    expect(t.pixels.filter((v) => v === 7)).toHaveLength(9 * 11 - 18)
  })

  it('turns each font pixel into a scale x scale square', () => {
    const t = blank(40, 40, 9)
    drawText(t, 'F', { x: 5, y: 4, scale: 3, ink: 200 })
    const expected = upscale(['#####', '#....', '#....', '####.', '#....', '#....', '#....'], 3)
    expect(region(t, 5, 4, 15, 21, 200)).toEqual(expected)
    const ink = expected
      .join('')
      .split('')
      .filter((c) => c === '#').length
    expect(t.pixels.filter((v) => v === 200)).toHaveLength(ink)
    expect(t.pixels.filter((v) => v === 9)).toHaveLength(40 * 40 - ink)
  })

  it('leaves blank font pixels untouched, so drawing composes over existing content', () => {
    const t = blank(6, 7, 0)
    t.pixels.fill(5, 0, 6) // first row pre-painted
    drawText(t, 'V', { x: 0, y: 0, scale: 1, ink: 1 }) // V's first row is '#...#'
    expect(Array.from(t.pixels.subarray(0, 6))).toEqual([1, 5, 5, 5, 1, 5])
  })

  it('advances each character by (GLYPH_WIDTH + 1) * scale', () => {
    const t = blank(60, 20)
    drawText(t, 'IL', { x: 1, y: 2, scale: 2, ink: 3 })
    expect(region(t, 1, 2, 10, 14, 3)).toEqual(
      upscale(['.###.', '..#..', '..#..', '..#..', '..#..', '..#..', '.###.'], 2),
    )
    expect(region(t, 1 + 12, 2, 10, 14, 3)).toEqual(
      upscale(['#....', '#....', '#....', '#....', '#....', '#....', '#####'], 2),
    )
    // The one-column gap between glyphs stays empty.
    expect(region(t, 11, 2, 2, 14, 3).join('')).not.toContain('#')
  })

  it('matches a naive reference renderer and never writes outside the buffer when clipped', () => {
    const text = 'Hg@#W~'
    const width = 23
    const height = 17
    const positions = [
      [-7, -5],
      [-100, 3],
      [3, -100],
      [-13, 4],
      [18, 12],
      [20, -3],
      [-3, 15],
      [22, 16],
      [23, 0],
      [0, 17],
      [1000, 1000],
      [-1000, -1000],
      [-40, 0],
    ]
    for (const scale of [1, 2, 3]) {
      for (const [x, y] of positions as [number, number][]) {
        const { target, guardsIntact } = guarded(width, height)
        expect(() => drawText(target, text, { x, y, scale, ink: 1 })).not.toThrow()
        expect(guardsIntact(), `guard at ${x},${y} scale ${scale}`).toBe(true)
        const expected = blank(width, height)
        reference(expected, text, x, y, scale, 1)
        expect(Array.from(target.pixels), `pixels at ${x},${y} scale ${scale}`).toEqual(
          Array.from(expected.pixels),
        )
      }
    }
  })

  it('does not wrap a glyph clipped at the left edge onto the previous row', () => {
    const t = blank(10, 10)
    drawText(t, 'L', { x: -1, y: 1, scale: 1, ink: 1 }) // L's stem is in the clipped column
    // Only the bottom bar's remaining four pixels appear, on row 7; nothing on the right edge.
    expect(region(t, 0, 0, 10, 10, 1).filter((row) => row.includes('#'))).toEqual(['####......'])
  })

  it('stays inside the pixel array even if height overstates it', () => {
    const { target, guardsIntact } = guarded(8, 4)
    drawText({ ...target, height: 50 }, 'XX', { x: 0, y: 0, scale: 2, ink: 1 })
    expect(guardsIntact()).toBe(true)
  })

  it('draws nothing (and does not throw) for empty text or a scale below 1', () => {
    for (const scale of [0, -2, 0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const { target, guardsIntact } = guarded(20, 20)
      expect(() => drawText(target, 'A', { x: 0, y: 0, scale, ink: 1 })).not.toThrow()
      expect(
        target.pixels.every((v) => v === 0),
        String(scale),
      ).toBe(true)
      expect(guardsIntact()).toBe(true)
    }
    const t = blank(5, 5)
    drawText(t, '', { x: 0, y: 0, scale: 1, ink: 1 })
    expect(t.pixels.every((v) => v === 0)).toBe(true)
  })

  it('draws one fallback box per code point for unknown characters', () => {
    const t = blank(20, 7)
    drawText(t, '😀é', { x: 0, y: 0, scale: 1, ink: 1 })
    const box = ['#####', '#...#', '#...#', '#...#', '#...#', '#...#', '#####']
    expect(region(t, 0, 0, 5, 7, 1)).toEqual(box)
    expect(region(t, 6, 0, 5, 7, 1)).toEqual(box)
    expect(region(t, 12, 0, 8, 7, 1).join('')).not.toContain('#')
  })
})

describe('textWidth', () => {
  it('is 0 for empty text and has no trailing gap', () => {
    expect(textWidth('', 3)).toBe(0)
    expect(textWidth('A', 1)).toBe(5)
    expect(textWidth('A', 4)).toBe(20)
    expect(textWidth('AB', 1)).toBe(11)
    expect(textWidth('hello', 2)).toBe(5 * 12 - 2)
  })

  it('counts code points, as drawText does', () => {
    expect(textWidth('😀', 1)).toBe(textWidth('x', 1))
  })

  it('agrees with the ink extent drawText produces', () => {
    // H and M have ink in both their leftmost and rightmost columns and on the top row.
    for (const scale of [1, 2, 3]) {
      for (const text of ['H', 'HM', 'MHHM', 'HMHMHMH']) {
        const t = blank(200, 7 * scale)
        drawText(t, text, { x: 0, y: 0, scale, ink: 1 })
        const top = Array.from(t.pixels.subarray(0, 200))
        expect(top.lastIndexOf(1) + 1, `${text} at scale ${scale}`).toBe(textWidth(text, scale))
        expect(top.indexOf(1)).toBe(0)
      }
    }
  })
})

describe('fitText', () => {
  it('returns text unchanged when it fits, including exactly', () => {
    expect(fitText('Hello', 29, 1)).toBe('Hello')
    expect(fitText('Hello', 1000, 2)).toBe('Hello')
    expect(fitText('', 0, 1)).toBe('')
  })

  it('truncates to the longest prefix that fits with ... appended', () => {
    // 'Hello world' is 65px at scale 1; 'Hello...' is 47px, 'Hello ...' 53px.
    expect(fitText('Hello world', 47, 1)).toBe('Hello...')
    expect(fitText('Hello world', 52, 1)).toBe('Hello...')
    expect(fitText('Hello world', 53, 1)).toBe('Hello ...')
    expect(fitText('Hello world', 64, 1)).toBe('Hello w...')
  })

  it('returns just ... when no character fits before it, and empty when ... does not fit', () => {
    expect(fitText('Hello', 17, 1)).toBe('...')
    expect(fitText('Hello', 22, 1)).toBe('...')
    expect(fitText('Hello', 16, 1)).toBe('')
    expect(fitText('Hello', 0, 1)).toBe('')
    expect(fitText('Hello', -5, 1)).toBe('')
  })

  it('always yields text whose drawn width fits, for every width and scale', () => {
    const text = 'The quick brown fox 😀 jumps'
    for (const scale of [1, 2, 3]) {
      for (let maxWidth = 0; maxWidth <= textWidth(text, scale) + 5; maxWidth++) {
        const fitted = fitText(text, maxWidth, scale)
        expect(textWidth(fitted, scale)).toBeLessThanOrEqual(maxWidth)
        if (fitted === text) continue
        if (fitted === '') {
          expect(textWidth('...', scale)).toBeGreaterThan(maxWidth)
          continue
        }
        expect(fitted.endsWith('...')).toBe(true)
        const prefix = fitted.slice(0, -3)
        expect(text.startsWith(prefix)).toBe(true)
        // One more character would not fit.
        const next = Array.from(text)
          .slice(0, Array.from(prefix).length + 1)
          .join('')
        expect(textWidth(next + '...', scale)).toBeGreaterThan(maxWidth)
        // And the drawn ink stays within maxWidth.
        const t = blank(maxWidth + 20, 7 * scale)
        drawText(t, fitted, { x: 0, y: 0, scale, ink: 1 })
        for (let y = 0; y < t.height; y++) {
          expect(
            t.pixels.subarray(y * t.width + maxWidth, (y + 1) * t.width).every((v) => v === 0),
          ).toBe(true)
        }
      }
    }
  })
})

describe('textInkSpans', () => {
  // Letters, blanks, fallback boxes, an emoji (a surrogate pair) and lone surrogates.
  const TEXTS = [
    '',
    'A',
    '😀a😀b😀c😀d\ud800\udc00\udc00',
    'Hello, World!',
    ' M W ',
    '😀é\ud800x\udc00',
    'ij|!.:',
    PRINTABLE.join(''),
  ]

  it('puts ink exactly where drawText does, row by row, clipped to the line', () => {
    for (const text of TEXTS) {
      for (const scale of [1, 2, 3]) {
        for (const [x, width] of [
          [0, 700],
          [5, 40],
          [-13, 60],
          [-1000, 50],
          [30, 30],
        ] as const) {
          const expected = blank(width, GLYPH_HEIGHT * scale)
          reference(expected, text, x, 0, scale, 1)
          const actual = blank(width, GLYPH_HEIGHT * scale)
          textInkSpans(text, { x, scale, width }).forEach((spans, row) => {
            for (let i = 0; i < spans.length; i += 2) {
              expect(spans[i]).toBeLessThan(spans[i + 1]!)
              if (i > 0) expect(spans[i]).toBeGreaterThan(spans[i - 1]!)
              for (let y = row * scale; y < (row + 1) * scale; y++)
                actual.pixels.fill(1, y * width + spans[i]!, y * width + spans[i + 1]!)
            }
          })
          expect(Array.from(actual.pixels), `${text} at ${x}, scale ${scale}`).toEqual(
            Array.from(expected.pixels),
          )
        }
      }
    }
  })

  it('counts code points as a string iterator does, in textWidth and fitText', () => {
    for (const text of TEXTS) {
      const chars = Array.from(text)
      expect(textWidth(text, 2)).toBe(chars.length === 0 ? 0 : chars.length * 12 - 2)
      for (const maxWidth of [0, 20, 40, 100])
        expect(fitText(text, maxWidth, 1)).toBe(
          chars.length * 6 - 1 <= maxWidth
            ? text
            : Math.floor((maxWidth + 1) / 6) >= 3
              ? chars.slice(0, Math.floor((maxWidth + 1) / 6) - 3).join('') + '...'
              : '',
        )
    }
  })
})
