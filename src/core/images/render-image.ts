/**
 * Renders the emulator's images: a themed gradient with a large centred headline (size, provider,
 * model), and a caption band on top holding the prompt. The background is cached per headline, so
 * a new prompt costs only the caption band; identical requests are served from an encoded cache.
 */
import { loadSharp } from './load-sharp.js'
import { LRUCache } from 'lru-cache'
import { drawText, fitText, textWidth, GLYPH_HEIGHT } from './pixel-font.js'
import { paintedCaption } from './caption-rows.js'
import { paintRows, type PaintedRows } from './painted-rows.js'
import {
  BAND,
  GRADIENT_STEPS,
  INK,
  SHADOW,
  expandPixels,
  paletteFor,
  type Palette,
} from './palette.js'
import {
  assemblePng,
  deflateRows,
  deflatePaintedRowsSync,
  encodePngHeader,
  type DeflatedRows,
} from './png.js'
import {
  buildJpegTail,
  encodeJpeg,
  spliceJpeg,
  stripRowsFor,
  type JpegTail,
} from './jpeg-strips.js'
import {
  buildLosslessWebp,
  encodeLosslessWebp,
  type LosslessWebpBackground,
} from './webp-lossless.js'

export type ImageFormat = 'png' | 'jpeg' | 'webp'

export const CONTENT_TYPES: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
}

export interface ImageSpec {
  width: number
  height: number
  format: ImageFormat
  /** 0-100; the quality of a jpeg or webp (100 is best). Ignored for png. */
  compression: number
  transparent: boolean
  /** Picks the colours; the provider id, so each provider's images look different. */
  theme: string
  /** Large centred lines; the first is the largest. */
  headline: readonly string[]
  /** One line in the top band, cut to fit with `...`. */
  caption: string
  /** Picks the colour of the caption's swatch, so images with different inputs differ visibly. */
  accentSeed: string
}

export interface ImageRendererOptions {
  /** Bytes of encoded images kept for identical requests. */
  encodedCacheBytes: number
  /** Bytes of backgrounds (pixels and compressed rows) kept per distinct headline and size. */
  backgroundCacheBytes: number
}

export interface ImageRenderer {
  render(spec: ImageSpec): Promise<Buffer>
}

interface Background {
  palette: Palette
  /** The whole image as palette indexes, caption band painted but empty. */
  pixels: Uint8Array
  pngHeader: Buffer
  /** The rows above the caption text (plain band), filtered and compressed once. */
  pngRowsAboveCaption: DeflatedRows
  /** Every row below the caption text, filtered and compressed once. */
  pngRowsBelowCaption: DeflatedRows
  /** Per JPEG quality, the strips below the caption band, encoded on first use (a few kept). */
  jpegTails: Map<number, Promise<JpegTail | undefined>>
  /** Built on the first WebP request; undefined inside when the lossless writer cannot take it. */
  losslessWebp?: Promise<LosslessWebpBackground | undefined>
  /** Bytes of the JPEG tails and WebP tokens built so far, counted in the cache once known. */
  encoderBytes: number
}

interface Layout {
  scale: number
  pad: number
  bandHeight: number
  /** Rows of caption text, from `pad` down: the only rows that differ between images. */
  captionHeight: number
}

export function createImageRenderer(options: ImageRendererOptions): ImageRenderer {
  const backgrounds = new LRUCache<string, Background, ImageSpec>({
    maxSize: Math.max(1, options.backgroundCacheBytes),
    sizeCalculation: (bg) =>
      bg.pixels.length +
      bg.pngRowsAboveCaption.chunk.length +
      bg.pngRowsBelowCaption.chunk.length +
      bg.encoderBytes,
    // fetch() shares one build among concurrent requests for the same new background.
    fetchMethod: (_key, _stale, { context }) => buildBackground(context),
  })
  const encoded = new LRUCache<string, Buffer>({
    maxSize: Math.max(1, options.encodedCacheBytes),
    sizeCalculation: (bytes) => bytes.length,
  })

  return {
    async render(spec) {
      const key = JSON.stringify(spec)
      const hit = encoded.get(key)
      if (hit) return hit
      const backgroundName = backgroundKey(spec)
      const background = await backgrounds.fetch(backgroundName, { context: spec })
      if (!background) throw new Error('background could not be built')
      if (spec.format === 'png') {
        const bytes = encodePng(spec, background)
        encoded.set(key, bytes)
        return bytes
      }
      const counted = background.encoderBytes
      const bytes = await encodeWithSharp(spec, background)
      // A first JPEG or WebP grew the background: set again, so the cache counts its new size.
      if (background.encoderBytes !== counted && backgrounds.has(backgroundName))
        backgrounds.set(backgroundName, background)
      encoded.set(key, bytes)
      return bytes
    },
  }
}

function backgroundKey({ width, height, transparent, theme, headline }: ImageSpec): string {
  return JSON.stringify([width, height, transparent, theme, headline])
}

function layoutFor(width: number, height: number): Layout {
  const scale = Math.max(2, Math.round(Math.min(width, height) / 340))
  // Two font pixels around the 9-row cell: the band stays as tall as it was with 7 rows and 3.
  const pad = 2 * scale
  return {
    scale,
    pad,
    bandHeight: GLYPH_HEIGHT * scale + 2 * pad,
    // Cut to the image, so one shorter than the band still has rows above, in and below it.
    captionHeight: Math.max(0, Math.min(GLYPH_HEIGHT * scale, height - pad)),
  }
}

async function buildBackground(spec: ImageSpec): Promise<Background> {
  const { width, height } = spec
  const palette = paletteFor(spec.theme, spec.transparent)
  const pixels = new Uint8Array(width * height)
  paintGradient(pixels, width, height)
  paintHeadline({ pixels, width, height }, spec.headline, layoutFor(width, height))
  const { bandHeight, pad, captionHeight } = layoutFor(width, height)
  pixels.fill(BAND, 0, bandHeight * width)
  const captionTop = Math.min(pad, height)
  const [above, below] = await Promise.all([
    deflateRows(filteredRows(pixels, width, 0, captionTop), false),
    deflateRows(filteredRows(pixels, width, captionTop + captionHeight, height), true),
  ])
  return {
    palette,
    pixels,
    pngHeader: encodePngHeader({ width, height, palette: palette.rgb, alpha: palette.alpha }),
    pngRowsAboveCaption: above,
    pngRowsBelowCaption: below,
    jpegTails: new Map(),
    encoderBytes: 0,
  }
}

function paintGradient(pixels: Uint8Array, width: number, height: number): void {
  const top = GRADIENT_STEPS - 0.001
  for (let y = 0; y < height; y++) {
    const fromY = y / Math.max(1, height - 1)
    for (let x = 0; x < width; x++) {
      pixels[y * width + x] = Math.floor(((x / Math.max(1, width - 1) + fromY) / 2) * top)
    }
  }
}

function paintHeadline(target: Canvas, lines: readonly string[], layout: Layout): void {
  if (lines.length === 0) return
  const { width, height } = target
  const first = Math.max(
    layout.scale,
    Math.min(
      Math.floor((0.7 * width) / Math.max(1, textWidth(lines[0]!, 1))),
      Math.floor(height / 40),
    ),
  )
  const rest = Math.max(layout.scale, Math.floor(first / 2.5))
  const scales = lines.map((_, i) => (i === 0 ? first : rest))
  const gap = rest * 4
  const total = scales.reduce((sum, s) => sum + s * GLYPH_HEIGHT, 0) + gap * (lines.length - 1)
  let y = Math.round(layout.bandHeight + (height - layout.bandHeight - total) / 2)
  lines.forEach((line, i) => {
    const scale = scales[i]!
    const text = fitText(line, width - 2 * layout.pad, scale)
    const x = Math.round((width - textWidth(text, scale)) / 2)
    const shadow = Math.max(1, Math.round(scale / 3))
    drawText(target, text, { x: x + shadow, y: y + shadow, scale, ink: SHADOW })
    drawText(target, text, { x, y, scale, ink: INK })
    y += scale * GLYPH_HEIGHT + gap
  })
}

interface Canvas {
  pixels: Uint8Array
  width: number
  height: number
}

/**
 * Draws the caption (swatch and text) onto a canvas with its top at row `top`, whose rows start
 * `left` bytes in: 0 for plain pixels, 1 for PNG rows that open with a filter-type byte.
 */
function paintCaption(
  target: Canvas,
  top: number,
  left: number,
  spec: ImageSpec,
  layout: Layout,
): void {
  paintRows(target, top, left, captionRows(spec, layout))
}

/** The caption band's rows, described once for the PNG writer and the painting encoders. */
function captionRows(spec: ImageSpec, { scale, pad, captionHeight }: Layout): PaintedRows {
  // Named fields, not object spread: spreading the spec costs more than encoding the rows.
  const { width, caption, accentSeed } = spec
  return paintedCaption({ width, scale, pad, captionHeight, caption, accentSeed })
}

function encodePng(spec: ImageSpec, background: Background): Buffer {
  const layout = layoutFor(spec.width, spec.height)
  return assemblePng(background.pngHeader, [
    background.pngRowsAboveCaption,
    deflatePaintedRowsSync(captionRows(spec, layout), false),
    background.pngRowsBelowCaption,
  ])
}

async function encodeWithSharp(spec: ImageSpec, background: Background): Promise<Buffer> {
  const layout = layoutFor(spec.width, spec.height)
  const quality = Math.min(100, Math.max(1, spec.compression))
  if (spec.format === 'jpeg') {
    const spliced = await encodeJpegFromStrips(spec, background, layout, quality)
    if (spliced) return spliced
  } else {
    const lossless = await encodeWebpFromRows(spec, background, layout)
    if (lossless) return lossless
  }
  // The whole picture, for images the splicing writers cannot take.
  const { width, height } = spec
  const pixels = background.pixels.slice()
  paintCaption({ pixels, width, height }, layout.pad, 0, spec, layout)
  const channels = background.palette.alpha ? 4 : 3
  const rgb = expandPixels(pixels, background.palette)
  if (spec.format === 'jpeg') return encodeJpeg(rgb, width, height, channels, quality)
  const sharp = await loadSharp()
  return sharp(rgb, { raw: { width, height, channels } }).webp({ quality, effort: 2 }).toBuffer()
}

/**
 * A lossless WebP from the background's cached rows plus freshly tokenised caption rows. Lossless,
 * so `compression` does not change its pixels (it is the PNG's pixels, in a WebP file).
 */
async function encodeWebpFromRows(
  spec: ImageSpec,
  background: Background,
  layout: Layout,
): Promise<Buffer | undefined> {
  const { width, height } = spec
  // The whole band is per request (its plain rows cost a few copies), like the JPEG's first strip.
  const topRows = Math.min(height, layout.bandHeight)
  const { pixels, palette } = background
  background.losslessWebp ??= buildLosslessWebp({ pixels, width, height, palette }, topRows).then(
    (built) => {
      if (built) background.encoderBytes += built.head.bytes.length + built.body.bytes.length
      return built
    },
  )
  const lossless = await background.losslessWebp
  if (!lossless) return undefined
  const top = pixels.slice(0, topRows * width)
  paintCaption({ pixels: top, width, height: topRows }, layout.pad, 0, spec, layout)
  return encodeLosslessWebp(lossless, top)
}

/** Most JPEG qualities whose strips one background keeps; callers rarely vary it. */
const JPEG_TAILS_PER_BACKGROUND = 4

/**
 * A JPEG from the background's cached strips plus a freshly encoded first strip holding the
 * caption; undefined when the image cannot be spliced (one strip only, or mismatched tables).
 */
async function encodeJpegFromStrips(
  spec: ImageSpec,
  background: Background,
  layout: Layout,
  quality: number,
): Promise<Buffer | undefined> {
  const stripRows = stripRowsFor(layout.bandHeight)
  const tail = await jpegTailFor(background, spec, stripRows, quality)
  if (!tail) return undefined
  const { width } = spec
  const pixels = background.pixels.slice(0, stripRows * width)
  paintCaption({ pixels, width, height: stripRows }, layout.pad, 0, spec, layout)
  const top = { pixels, width, height: stripRows, palette: background.palette }
  return spliceJpeg(tail, top, quality)
}

function jpegTailFor(
  background: Background,
  spec: ImageSpec,
  stripRows: number,
  quality: number,
): Promise<JpegTail | undefined> {
  const tails = background.jpegTails
  let tail = tails.get(quality)
  if (!tail) {
    const { pixels, palette } = background
    const image = { pixels, width: spec.width, height: spec.height, palette }
    tail = buildJpegTail(image, stripRows, quality).then((built) => {
      if (built) background.encoderBytes += tailBytes(built)
      return built
    })
    tails.set(quality, tail)
    // A failed build is not kept, so the next request tries again.
    tail.catch(() => tails.delete(quality))
    if (tails.size > JPEG_TAILS_PER_BACKGROUND) {
      const oldest = tails.keys().next().value!
      void tails.get(oldest)!.then(
        (built) => {
          if (built) background.encoderBytes -= tailBytes(built)
        },
        () => undefined, // a failed build was never counted
      )
      tails.delete(oldest)
    }
  }
  return tail
}

const tailBytes = (tail: JpegTail) => tail.layout.length + tail.header.length + tail.rest.length

/**
 * Rows `from` to `to` of an indexed image as PNG scanlines: a filter-type byte, then the pixels.
 */
function filteredRows(pixels: Uint8Array, width: number, from: number, to: number): Uint8Array {
  const stride = width + 1
  const out = new Uint8Array((to - from) * stride)
  for (let y = from; y < to; y++)
    out.set(pixels.subarray(y * width, (y + 1) * width), (y - from) * stride + 1)
  return out
}
