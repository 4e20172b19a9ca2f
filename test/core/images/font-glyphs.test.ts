/**
 * Every glyph of the pixel font, drawn: descenders hang below the baseline (so 'gptproto' does not
 * read as '3ptProto'), no two glyphs look the same, and a caption never meets a character without
 * a glyph of its own other than on purpose (the fallback box).
 */
import { describe, expect, it } from 'vitest'
import sharp from 'sharp'
import {
  GLYPH_BASELINE,
  GLYPH_HEIGHT,
  GLYPH_WIDTH,
  drawText,
} from '../../../src/core/images/pixel-font.js'
import { createImageRenderer, type ImageSpec } from '../../../src/core/images/render-image.js'
import { labelledImageSpec } from '../../../src/core/images/labelled-images.js'

const PRINTABLE = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i))
const LETTERS = PRINTABLE.filter((c) => /[A-Za-z]/.test(c))
const DESCENDING_LETTERS = 'gjpqy'
/** Punctuation that hangs below the baseline on purpose, as in most fonts. */
const DESCENDING_MARKS = ',;_|'
/** Any character the font does not cover; it draws the fallback box. */
const UNCOVERED = '\u00e9'

/** Draws each character alone at scale 1 and reads its cell back as '#'/'.' rows. */
function drawn(char: string): string[] {
  const width = GLYPH_WIDTH + 2
  const height = GLYPH_HEIGHT + 2
  const target = { pixels: new Uint8Array(width * height), width, height }
  drawText(target, char, { x: 1, y: 1, scale: 1, ink: 1 })
  const rows: string[] = []
  for (let y = 0; y < height; y++) {
    let row = ''
    for (let x = 0; x < width; x++) row += target.pixels[y * width + x] === 1 ? '#' : '.'
    rows.push(row)
  }
  // Nothing outside the cell: the one-pixel frame stays blank.
  expect(rows[0], char).not.toContain('#')
  expect(rows[height - 1], char).not.toContain('#')
  for (const row of rows) expect(row.slice(0, 1) + row.slice(-1), char).toBe('..')
  return rows.slice(1, -1).map((row) => row.slice(1, -1))
}

const GLYPHS = new Map([...PRINTABLE, UNCOVERED].map((c) => [c, drawn(c)]))
const glyph = (c: string) => GLYPHS.get(c) ?? drawn(c)
const inkBelowBaseline = (c: string) => glyph(c).slice(GLYPH_BASELINE).join('').includes('#')
const differingPixels = (a: string, b: string) =>
  Array.from(glyph(a).join('')).filter((p, i) => p !== glyph(b).join('')[i]).length

describe('pixel font glyphs', () => {
  it('has two rows below the baseline in every cell', () => {
    expect(GLYPH_HEIGHT).toBe(GLYPH_BASELINE + 2)
    for (const rows of GLYPHS.values()) expect(rows).toHaveLength(GLYPH_HEIGHT)
  })

  it('hangs g, j, p, q and y below the baseline, down to the bottom row, and no other letter', () => {
    for (const c of LETTERS) {
      expect(inkBelowBaseline(c), c).toBe(DESCENDING_LETTERS.includes(c))
    }
    for (const c of DESCENDING_LETTERS) {
      expect(glyph(c)[GLYPH_HEIGHT - 1], c).toContain('#')
      // The body still sits on the baseline, so the tail hangs from it.
      expect(glyph(c)[GLYPH_BASELINE - 1], c).toContain('#')
    }
  })

  it('keeps every other character above the baseline but a few marks', () => {
    for (const c of PRINTABLE.filter((c) => !LETTERS.includes(c)))
      expect(inkBelowBaseline(c), c).toBe(DESCENDING_MARKS.includes(c))
    expect(inkBelowBaseline(UNCOVERED)).toBe(false)
  })

  it('draws lowercase letters without ascenders in the x-height, capitals and digits full', () => {
    for (const c of 'acegmnopqrsuvwxyz') expect(glyph(c).slice(0, 2).join(''), c).not.toContain('#')
    for (const c of 'bdfhklt') expect(glyph(c)[0], c).toContain('#')
    for (const c of PRINTABLE.filter((c) => /[A-Z0-9]/.test(c))) {
      expect(glyph(c)[0], c).toContain('#')
      expect(glyph(c)[GLYPH_BASELINE - 1], c).toContain('#')
    }
  })

  it('gives no two characters (nor the fallback box) the same bitmap', () => {
    const seen = new Map<string, string>()
    for (const [c, rows] of GLYPHS) {
      const key = rows.join('\n')
      expect(seen.get(key), `${JSON.stringify(c)} looks like ${seen.get(key) ?? ''}`).toBe(
        undefined,
      )
      seen.set(key, c)
    }
  })

  it('tells apart the characters a reader mixes up', () => {
    const pairs = ['g9', 'q9', 'gq', 'gy', 'l1', 'lI', '1I', 'l|', 'I|', 'O0', 'o0', 'S5', 'co']
    for (const [a, b] of pairs.map((p) => Array.from(p) as [string, string]))
      expect(differingPixels(a, b), `${a} vs ${b}`).toBeGreaterThanOrEqual(3)
  })

  it('has a glyph for every character a caption or headline is made of', () => {
    const box = glyph(UNCOVERED).join('\n')
    const spec = labelledImageSpec(
      {
        provider: 'skills-video',
        model: 'gpt-image-2',
        // Every printable character, and whitespace the caption must fold into spaces.
        prompt: `${PRINTABLE.join('')}\tline\nbreak\r\n`,
        size: { width: 1536, height: 1024 },
        format: 'webp',
        compression: 80,
        transparent: false,
        quality: 'medium',
        seed: 'seed',
        count: 4,
        note: 'edit of 2 images, partial 1/3',
      },
      3,
    )
    const texts = [spec.caption, ...spec.headline]
    for (const c of PRINTABLE) expect(spec.caption, c).toContain(c)
    for (const text of texts) {
      for (const c of text) {
        expect(PRINTABLE, JSON.stringify(c)).toContain(c)
        expect(glyph(c).join('\n'), c).not.toBe(box)
      }
    }
  })

  it('draws the fallback box for what the font does not cover', () => {
    const box = glyph(UNCOVERED)
    for (const c of ['\t', '\u0000', '\u007f', '\u20ac', '\u65e5', '\u{1f600}'])
      expect(drawn(c), JSON.stringify(c)).toEqual(box)
  })
})

describe('rendered captions', () => {
  const renderer = createImageRenderer({
    encodedCacheBytes: 1,
    backgroundCacheBytes: 64 * 1024 * 1024,
  })
  const INK_LEVEL = 160
  const BAND_LEVEL = 90

  /** First and last pixel rows of the band (above the headline) with light ink right of `x`. */
  async function inkRows(spec: ImageSpec, fromX: number) {
    const { data, info } = await sharp(await renderer.render(spec))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
    const light = (x: number, y: number) => {
      const i = (y * info.width + x) * info.channels
      return data[i]! > INK_LEVEL && data[i + 1]! > INK_LEVEL && data[i + 2]! > INK_LEVEL
    }
    const dark = (x: number, y: number) => {
      const i = (y * info.width + x) * info.channels
      return data[i]! < BAND_LEVEL && data[i + 1]! < BAND_LEVEL && data[i + 2]! < BAND_LEVEL
    }
    const rows: number[] = []
    // The band is the top 10% at most; the headline sits lower.
    for (let y = 0; y < info.height / 10; y++) {
      for (let x = fromX; x < info.width; x++) {
        if (light(x, y)) {
          rows.push(y)
          break
        }
      }
    }
    return { top: rows[0]!, bottom: rows[rows.length - 1]!, rows: rows.length, dark }
  }

  it.each([
    ['png', 1024, 1024],
    ['webp', 1024, 1024],
    ['jpeg', 1024, 1024],
    ['png', 3840, 2160],
    ['jpeg', 1536, 1024],
  ] as const)('holds the descenders of a %s caption at %ix%i', async (format, width, height) => {
    const base: ImageSpec = {
      width,
      height,
      format,
      compression: 100,
      transparent: false,
      theme: 'gptproto',
      headline: [`${width} x ${height}`],
      caption: 'HHHH',
      accentSeed: 'seed',
    }
    // Past the swatch: the text starts some way in; capitals give the scale.
    const fromX = Math.floor(width / 20)
    const caps = await inkRows(base, fromX)
    const scale = (caps.bottom - caps.top + 1) / GLYPH_BASELINE
    expect(Number.isInteger(scale), `cap height ${caps.bottom - caps.top + 1}`).toBe(true)

    const text = await inkRows({ ...base, caption: 'HHHH gptproto gpt-image-2 png jpeg' }, fromX)
    expect(text.top).toBe(caps.top)
    // Ink on every pixel row down to the bottom of the descenders, below the old baseline.
    expect(text.bottom).toBe(caps.top + GLYPH_HEIGHT * scale - 1)
    expect(text.rows).toBe(GLYPH_HEIGHT * scale)
    // And band, not gradient, under the descenders: the band grew to hold them.
    for (let y = text.bottom + 1; y <= text.bottom + scale; y++)
      for (let x = 0; x < width; x += 7) expect(text.dark(x, y), `${x}, ${y}`).toBe(true)
  })
})
