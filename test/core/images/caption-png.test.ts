/**
 * The PNG path writes the caption band from painted rows with its own deflate writer. These tests
 * hold it to the old way: paint the band with drawText, compress it with zlib, and compare.
 */
import { createHash } from 'node:crypto'
import { crc32, deflateSync, inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { createImageRenderer, type ImageSpec } from '../../../src/core/images/render-image.js'
import { labelledImageSpec } from '../../../src/core/images/labelled-images.js'
import { adler32 } from '../../../src/core/images/png.js'
import { ACCENT_COUNT, BAND, FIRST_ACCENT, INK } from '../../../src/core/images/palette.js'
import { drawText, fitText, GLYPH_HEIGHT } from '../../../src/core/images/pixel-font.js'
import { hash32, hashHex } from '../../../src/core/random.js'

const renderer = () =>
  createImageRenderer({ encodedCacheBytes: 1, backgroundCacheBytes: 64 * 1024 * 1024 })

const PROMPTS = [
  'a red apple on a wooden table',
  '',
  'x'.repeat(400), // cut with '...'
  'héllo wörld, naïve café — ünïcödé',
  'emoji 😀🎉 and a lone surrogate \ud800 inside',
  '!"#$%&\'()*+,-./0123456789:;<=>?@[\\]^_`{|}~ ABCDEFGHIJKLMNOPQRSTUVWXYZ' +
    ' abcdefghijklmnopqrstuvwxyz',
]
const SIZES = [
  [1024, 1024],
  [1536, 1024],
  [1024, 1536],
  [3840, 2160],
] as const

function specs(): ImageSpec[] {
  return SIZES.flatMap(([width, height], s) =>
    PROMPTS.map((prompt, p) =>
      labelledImageSpec(
        {
          provider: 'gptproto',
          model: 'gpt-image-2',
          prompt,
          size: { width, height },
          format: 'png',
          compression: 100,
          transparent: (s + p) % 2 === 0,
          quality: 'high',
          seed: `seed-${p}`,
          count: 3,
        },
        p % 3,
      ),
    ),
  )
}

interface Chunk {
  type: string
  data: Buffer
}

function chunks(png: Buffer): Chunk[] {
  expect(png.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'))).toBe(true)
  const out: Chunk[] = []
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at)
    out.push({
      type: png.toString('latin1', at + 4, at + 8),
      data: png.subarray(at + 8, at + 8 + length),
    })
    at += 12 + length
  }
  return out
}

/** The caption band painted the old way: band colour, swatch, then drawText, as PNG scanlines. */
function oldCaptionRows(spec: ImageSpec): { top: number; rows: Buffer } {
  const scale = Math.max(2, Math.round(Math.min(spec.width, spec.height) / 340))
  const pad = 2 * scale
  const swatch = GLYPH_HEIGHT * scale
  const stride = spec.width + 1
  const rows = Buffer.alloc(swatch * stride, BAND)
  const accent = FIRST_ACCENT + (hash32('accent', spec.accentSeed) % ACCENT_COUNT)
  for (let y = 0; y < swatch; y++) {
    rows[y * stride] = 0 // filter type: none
    rows.fill(accent, y * stride + 1 + pad, y * stride + 1 + pad + swatch)
  }
  const x = pad + swatch + 2 * scale
  const text = fitText(spec.caption, spec.width - x - pad, scale)
  drawText({ pixels: rows, width: stride, height: swatch }, text, {
    x: 1 + x,
    y: 0,
    scale,
    ink: INK,
  })
  return { top: pad, rows }
}

describe('PNG caption band', () => {
  it('decodes to exactly the pixels of the old drawText and zlib path', async () => {
    const render = renderer()
    for (const spec of specs()) {
      const png = await render.render(spec)
      const parts = chunks(png)
      const idat = Buffer.concat(parts.filter((c) => c.type === 'IDAT').map((c) => c.data))
      // zlib checks the Adler-32 trailer while inflating; check it by hand too.
      const raw = inflateSync(idat)
      expect(idat.readUInt32BE(idat.length - 4)).toBe(adler32(raw))
      expect(raw.length).toBe(spec.height * (spec.width + 1))

      // The reference: these rows with the caption painted the old way, compressed by zlib.
      const { top, rows } = oldCaptionRows(spec)
      const stride = spec.width + 1
      expect(raw.subarray(top * stride, top * stride + rows.length).equals(rows)).toBe(true)
      const referenceRaw = Buffer.from(raw)
      rows.copy(referenceRaw, top * stride)
      const reference = Buffer.concat([
        png.subarray(0, 8),
        ...parts
          .filter((c) => c.type !== 'IDAT' && c.type !== 'IEND')
          .map((c) => encodeChunk(c.type, c.data)),
        encodeChunk('IDAT', deflateSync(referenceRaw)),
        encodeChunk('IEND', Buffer.alloc(0)),
      ])
      const [actual, expected] = await Promise.all(
        [png, reference].map((bytes) => sharp(bytes).raw().toBuffer({ resolveWithObject: true })),
      )
      expect(actual!.info).toMatchObject({
        width: spec.width,
        height: spec.height,
        channels: spec.transparent ? 4 : 3,
      })
      expect(actual!.data.equals(expected!.data)).toBe(true)
    }
  }, 60_000)

  it('gives the same bytes for the same spec, different bytes for other prompts', async () => {
    const [a, b] = [renderer(), renderer()]
    const all = specs().filter((s) => s.width === 1024 && s.height === 1024)
    const seen = new Set<string>()
    for (const spec of all) {
      const bytes = await a.render(spec)
      expect(bytes.equals(await b.render(spec))).toBe(true)
      seen.add(bytes.toString('base64'))
    }
    expect(seen.size).toBe(all.length)
  })
})

describe('hash32 and hashHex', () => {
  it('keep the values of the createHash versions they replace', () => {
    for (const parts of [
      ['accent', 'seed\u0000prompt\u00000'],
      ['theme', 'gptproto'],
      [1, 'x', 2],
    ]) {
      const digest = createHash('sha256').update(parts.join('\u0000')).digest()
      expect(hash32(...parts)).toBe(digest.readUInt32BE(0))
      expect(hashHex(12, ...parts)).toBe(digest.toString('hex').slice(0, 12))
      expect(hashHex(64, ...parts)).toBe(digest.toString('hex'))
    }
  })
})

function encodeChunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'latin1')
  data.copy(out, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}
