/**
 * The colours of a generated image. Images are 8-bit indexed: a 128-step background gradient
 * whose hue comes from the theme (one per provider), plus a few fixed entries for text and accents.
 */
import { hash32 } from '../random.js'

export const GRADIENT_STEPS = 128
export const INK = 128
export const SHADOW = 129
export const BAND = 130
export const FIRST_ACCENT = 131
export const ACCENT_COUNT = 16
const ENTRIES = FIRST_ACCENT + ACCENT_COUNT

export interface Palette {
  /** RGB triplets, one per index. */
  rgb: Uint8Array
  /** Alpha per index; set only for transparent images, where the gradient is fully clear. */
  alpha?: Uint8Array
}

/** The palette for a theme name, opaque or with a transparent background. */
export function paletteFor(theme: string, transparent: boolean): Palette {
  const rgb = new Uint8Array(ENTRIES * 3)
  const hue = hash32('theme', theme) % 360
  const from = hslToRgb(hue, 0.45, 0.22)
  const to = hslToRgb((hue + 55) % 360, 0.55, 0.55)
  for (let i = 0; i < GRADIENT_STEPS; i++) {
    const t = i / (GRADIENT_STEPS - 1)
    rgb.set(
      from.map((c, k) => Math.round(c + (to[k]! - c) * t)),
      i * 3,
    )
  }
  rgb.set([245, 245, 245], INK * 3)
  rgb.set([12, 12, 16], SHADOW * 3)
  rgb.set([20, 20, 28], BAND * 3)
  for (let i = 0; i < ACCENT_COUNT; i++)
    rgb.set(hslToRgb((i * 360) / ACCENT_COUNT, 0.75, 0.55), (FIRST_ACCENT + i) * 3)
  if (!transparent) return { rgb }

  const alpha = new Uint8Array(ENTRIES).fill(255)
  alpha.fill(0, 0, GRADIENT_STEPS)
  alpha[SHADOW] = 140
  alpha[BAND] = 200
  return { rgb, alpha }
}

/** Expands indexed pixels to interleaved RGB or RGBA, for encoders that need full colour. */
export function expandPixels(indexed: Uint8Array, { rgb, alpha }: Palette): Buffer {
  const channels = alpha ? 4 : 3
  const out = Buffer.allocUnsafe(indexed.length * channels)
  for (let i = 0, o = 0; i < indexed.length; i++, o += channels) {
    const entry = indexed[i]!
    out[o] = rgb[entry * 3]!
    out[o + 1] = rgb[entry * 3 + 1]!
    out[o + 2] = rgb[entry * 3 + 2]!
    if (alpha) out[o + 3] = alpha[entry]!
  }
  return out
}

function hslToRgb(hue: number, saturation: number, lightness: number): [number, number, number] {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation
  const h = hue / 60
  const x = chroma * (1 - Math.abs((h % 2) - 1))
  const [r, g, b] =
    h < 1
      ? [chroma, x, 0]
      : h < 2
        ? [x, chroma, 0]
        : h < 3
          ? [0, chroma, x]
          : h < 4
            ? [0, x, chroma]
            : h < 5
              ? [x, 0, chroma]
              : [chroma, 0, x]
  const m = lightness - chroma / 2
  return [r, g, b].map((c) => Math.round((c + m) * 255)) as [number, number, number]
}
