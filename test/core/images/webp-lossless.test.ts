import { describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { createImageRenderer, type ImageSpec } from '../../../src/core/images/render-image.js'
import { buildLosslessWebp, encodeLosslessWebp } from '../../../src/core/images/webp-lossless.js'
import { expandPixels, paletteFor } from '../../../src/core/images/palette.js'

// Lossless WebPs written by the emulator's own VP8L writer, checked against libwebp via sharp.

const renderer = (backgroundCacheBytes = 64 * 1024 * 1024) =>
  createImageRenderer({ encodedCacheBytes: 1, backgroundCacheBytes })

function specOf(width: number, height: number, caption = '#1/1 "a red apple"'): ImageSpec {
  return {
    width,
    height,
    format: 'webp',
    compression: 80,
    transparent: false,
    theme: 'gptproto',
    headline: [`${width} x ${height}`, 'gptproto - gpt-image-2', 'webp - high'],
    caption,
    accentSeed: caption,
  }
}

describe('lossless WebPs', () => {
  it.each([
    [1024, 1024, false],
    [1536, 1024, false],
    [1024, 1536, true],
    [3840, 2160, false],
    [3840, 2160, true],
    [1000, 1000, true],
    [1000, 90, false],
  ])('%ix%i (transparent: %s) decodes to the PNG pixels', async (width, height, transparent) => {
    const r = renderer()
    const spec = { ...specOf(width, height), transparent }
    const webp = await r.render(spec)
    expect(webp.subarray(12, 16).toString('latin1')).toBe('VP8L')
    expect(await sharp(webp).metadata()).toMatchObject({ format: 'webp', width, height })
    const decoded = await sharp(webp).raw().toBuffer({ resolveWithObject: true })
    const png = await sharp(await r.render({ ...spec, format: 'png' }))
      .raw()
      .toBuffer({ resolveWithObject: true })
    expect(decoded.info.channels).toBe(transparent ? 4 : 3)
    expect(decoded.info.channels).toBe(png.info.channels)
    expect(decoded.data.equals(png.data)).toBe(true)
  })

  it('gives different bytes and pixels for different prompts', async () => {
    const r = renderer()
    const a = await r.render(specOf(1024, 1024, '#1/1 "a red apple"'))
    const b = await r.render(specOf(1024, 1024, '#1/1 "a green pear"'))
    expect(a.equals(b)).toBe(false)
    const pixelsA = await sharp(a).raw().toBuffer()
    const pixelsB = await sharp(b).raw().toBuffer()
    expect(pixelsA.equals(pixelsB)).toBe(false)
  })

  it('gives the same bytes for the same spec, also after the background was evicted', async () => {
    const r = renderer(1)
    const first = await r.render(specOf(1000, 1000))
    await r.render(specOf(1536, 1024))
    const again = await r.render(specOf(1000, 1000))
    expect(again.equals(first)).toBe(true)
    expect((await renderer().render(specOf(1000, 1000))).equals(first)).toBe(true)
  })

  it('pads the RIFF chunk to an even length and states the sizes', async () => {
    const webp = await renderer().render(specOf(1536, 1024))
    expect(webp.subarray(0, 4).toString('latin1')).toBe('RIFF')
    expect(webp.readUInt32LE(4)).toBe(webp.length - 8)
    expect(webp.length % 2).toBe(0)
    expect(webp.readUInt32LE(16)).toBeLessThanOrEqual(webp.length - 20)
  })
})

describe('the VP8L writer on arbitrary palette images', () => {
  /** A small deterministic generator, so failures reproduce. */
  function random(seed: number): () => number {
    let state = seed
    return () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0
      return state / 2 ** 32
    }
  }

  it.each([
    ['uniform noise', (next: () => number) => Math.floor(next() * 147)],
    // Index k with odds 2^-(k+1): long, lopsided codes and many unused symbols.
    ['very skewed noise', (next: () => number) => Math.min(146, Math.floor(-Math.log2(next())))],
    [
      'short runs',
      (next: () => number, previous: number) =>
        next() < 0.7 ? previous : Math.floor(next() * 147),
    ],
  ])('round-trips %s exactly through libwebp', async (_name, pixelAfter) => {
    for (const [width, height, transparent] of [
      [97, 61, false],
      [300, 40, true],
    ] as const) {
      const next = random(width * height)
      const pixels = new Uint8Array(width * height)
      for (let i = 0; i < pixels.length; i++) pixels[i] = pixelAfter(next, pixels[i - 1] ?? 0)
      const palette = paletteFor('theme', transparent)
      const topRows = 9
      const background = await buildLosslessWebp({ pixels, width, height, palette }, topRows)
      const webp = encodeLosslessWebp(background!, pixels.slice(0, topRows * width))
      const decoded = await sharp(webp).raw().toBuffer({ resolveWithObject: true })
      expect(decoded.info).toMatchObject({ width, height, channels: transparent ? 4 : 3 })
      expect(decoded.data.equals(expandPixels(pixels, palette))).toBe(true)
    }
  })
})
