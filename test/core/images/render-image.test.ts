import { describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { createImageRenderer, type ImageSpec } from '../../../src/core/images/render-image.js'

const renderer = () =>
  createImageRenderer({
    encodedCacheBytes: 32 * 1024 * 1024,
    backgroundCacheBytes: 32 * 1024 * 1024,
  })

const spec: ImageSpec = {
  width: 1024,
  height: 768,
  format: 'png',
  compression: 100,
  transparent: false,
  theme: 'gptproto',
  headline: ['1024 x 768', 'gptproto - gpt-image-2', 'png - low'],
  caption: '#1/1 "a red apple"',
  accentSeed: 'seed-1',
}

async function pixels(bytes: Buffer) {
  return sharp(bytes).raw().toBuffer({ resolveWithObject: true })
}

describe('createImageRenderer', () => {
  it.each(['png', 'jpeg', 'webp'] as const)(
    'renders %s at exactly the requested pixels',
    async (format) => {
      const bytes = await renderer().render({ ...spec, format, width: 1280, height: 512 })
      const meta = await sharp(bytes).metadata()
      expect(meta).toMatchObject({ format, width: 1280, height: 512 })
    },
  )

  it('renders images shorter than the caption band, the caption cut', async () => {
    const r = renderer()
    for (const height of [1, 7, 20, 23]) {
      const small = { ...spec, width: 200, height, caption: 'gpq' }
      const [png, webp] = await Promise.all([
        r.render(small).then(pixels),
        r.render({ ...small, format: 'webp' }).then(pixels),
      ])
      expect(png.info).toMatchObject({ width: 200, height })
      // Lossless: the very same pixels.
      expect(webp.data.equals(png.data), `height ${height}`).toBe(true)
      const jpeg = await sharp(await r.render({ ...small, format: 'jpeg' })).metadata()
      expect(jpeg).toMatchObject({ width: 200, height })
    }
  })

  it('gives the same bytes for the same spec, even from a fresh renderer', async () => {
    const a = await renderer().render(spec)
    const b = await renderer().render(spec)
    expect(a.equals(b)).toBe(true)
  })

  it('serves an identical spec from its cache without encoding again', async () => {
    const r = renderer()
    const first = await r.render({ ...spec, format: 'webp' })
    expect(await r.render({ ...spec, format: 'webp' })).toBe(first)
  })

  it('changes only the caption band when only the caption changes', async () => {
    const r = renderer()
    const a = await pixels(await r.render(spec))
    const b = await pixels(await r.render({ ...spec, caption: '#1/1 "a green pear"' }))
    const row = a.info.width * a.info.channels
    const bandRows = 40
    expect(a.data.subarray(0, bandRows * row).equals(b.data.subarray(0, bandRows * row))).toBe(
      false,
    )
    expect(a.data.subarray(bandRows * row).equals(b.data.subarray(bandRows * row))).toBe(true)
  })

  it('draws the headline in light ink in the middle of the image', async () => {
    const { data, info } = await pixels(await renderer().render(spec))
    let light = 0
    for (let y = Math.floor(info.height * 0.3); y < info.height * 0.7; y++) {
      for (let x = 0; x < info.width; x++) {
        const i = (y * info.width + x) * info.channels
        if (data[i]! > 230 && data[i + 1]! > 230 && data[i + 2]! > 230) light++
      }
    }
    expect(light).toBeGreaterThan(2000)
  })

  it('makes the background fully transparent and keeps the text opaque', async () => {
    const { data, info } = await sharp(await renderer().render({ ...spec, transparent: true }))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
    const alphaAt = (x: number, y: number) => data[(y * info.width + x) * 4 + 3]
    expect(alphaAt(info.width - 2, info.height - 2)).toBe(0)
    expect(alphaAt(2, 2)).toBe(200)
  })

  it('encodes a lower compression value as a smaller jpeg', async () => {
    const r = renderer()
    const best = await r.render({ ...spec, format: 'jpeg', compression: 100 })
    const small = await r.render({ ...spec, format: 'jpeg', compression: 20 })
    expect(small.length).toBeLessThan(best.length)
  })
})
