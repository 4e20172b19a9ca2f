import { describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { createImageRenderer, type ImageSpec } from '../../../src/core/images/render-image.js'
import { encodeJpeg, stripRowsFor } from '../../../src/core/images/jpeg-strips.js'

// Spliced JPEGs: a fresh first strip plus cached strips joined with restart markers.

const renderer = (backgroundCacheBytes = 64 * 1024 * 1024) =>
  createImageRenderer({ encodedCacheBytes: 1, backgroundCacheBytes })

function specOf(width: number, height: number, caption = '#1/1 "a red apple"'): ImageSpec {
  return {
    width,
    height,
    format: 'jpeg',
    compression: 80,
    transparent: false,
    theme: 'gptproto',
    headline: [`${width} x ${height}`, 'gptproto - gpt-image-2', 'jpeg - high'],
    caption,
    accentSeed: caption,
  }
}

/** The restart interval of the DRI segment before the scan, or undefined without one. */
function restartInterval(file: Buffer): number | undefined {
  for (let at = 2; at + 4 <= file.length; at += 2 + file.readUInt16BE(at + 2)) {
    if (file[at + 1] === 0xdd) return file.readUInt16BE(at + 4)
    if (file[at + 1] === 0xda) return undefined
  }
  return undefined
}

function countRestartMarkers(file: Buffer): number {
  let count = 0
  for (let i = 0; i + 1 < file.length; i++) {
    if (file[i] === 0xff && file[i + 1]! >= 0xd0 && file[i + 1]! <= 0xd7) count++
  }
  return count
}

describe('spliced JPEGs', () => {
  it.each([
    [1024, 1024],
    [1536, 1024],
    [1024, 1536],
    [3840, 2160],
    [1000, 1000],
    [1000, 90],
  ])('%ix%i decodes to the pixels of a whole-picture encode', async (width, height) => {
    const r = renderer()
    const spec = specOf(width, height)
    const spliced = await r.render(spec)
    const meta = await sharp(spliced).metadata()
    expect(meta).toMatchObject({ format: 'jpeg', width, height })

    // The same pixels, encoded in one go with the same settings.
    const png = await sharp(await r.render({ ...spec, format: 'png' }))
      .raw()
      .toBuffer()
    const whole = await encodeJpeg(png, width, height, 3, spec.compression)
    const a = await sharp(spliced).raw().toBuffer()
    const b = await sharp(whole).raw().toBuffer()
    expect(a.length).toBe(b.length)
    let total = 0
    let worst = 0
    for (let i = 0; i < a.length; i++) {
      const difference = Math.abs(a[i]! - b[i]!)
      total += difference
      worst = Math.max(worst, difference)
    }
    // Blocks are coded independently and DC prediction restarts at each strip: no difference.
    expect(total / a.length).toBe(0)
    expect(worst).toBe(0)

    // One restart interval per strip of whole 16-row MCU rows.
    const interval = restartInterval(spliced)!
    const stripRows = (interval / Math.ceil(width / 16)) * 16
    expect(stripRows).toBe(stripRowsFor(stripRows))
    expect(countRestartMarkers(spliced)).toBe(Math.ceil(height / stripRows) - 1)
  })

  it('gives different bytes for different prompts', async () => {
    const r = renderer()
    const a = await r.render(specOf(1024, 1024, '#1/1 "a red apple"'))
    const b = await r.render(specOf(1024, 1024, '#1/1 "a green pear"'))
    expect(a.equals(b)).toBe(false)
    // Only the first strip differs: the cached strips are shared.
    const tail = a.subarray(a.indexOf(Buffer.from([0xff, 0xd0])))
    expect(tail.length).toBeGreaterThan(a.length / 2)
    expect(b.subarray(-tail.length).equals(tail)).toBe(true)
  })

  it('gives the same bytes for the same spec, also after the background was evicted', async () => {
    const r = renderer(1)
    const first = await r.render(specOf(1000, 1000))
    await r.render(specOf(1536, 1024))
    const again = await r.render(specOf(1000, 1000))
    expect(again.equals(first)).toBe(true)
    expect((await renderer().render(specOf(1000, 1000))).equals(first)).toBe(true)
  })

  it('encodes an image of a single strip whole', async () => {
    const bytes = await renderer().render(specOf(200, 30))
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'jpeg', width: 200, height: 30 })
    expect(restartInterval(bytes)).toBeUndefined()
  })

  it('keeps a lower compression value smaller', async () => {
    const r = renderer()
    const best = await r.render({ ...specOf(1024, 1024), compression: 100 })
    const small = await r.render({ ...specOf(1024, 1024), compression: 20 })
    expect(small.length).toBeLessThan(best.length)
  })
})
