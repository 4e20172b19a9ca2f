/**
 * The caption band's varying rows (a colour swatch, then the prompt in the pixel font) as painted
 * rows, so one description of them feeds both the PNG writer and the painting encoders.
 */
import { BAND, FIRST_ACCENT, ACCENT_COUNT, INK } from './palette.js'
import { GLYPH_HEIGHT, fitText, textInkSpans } from './pixel-font.js'
import type { PaintedRow, PaintedRows } from './painted-rows.js'
import { hash32 } from '../random.js'

export interface CaptionBand {
  /** Pixels per row. */
  width: number
  /** Size of one font pixel. */
  scale: number
  /** Left margin before the swatch, and the right margin the text must keep. */
  pad: number
  /** Rows of the caption: the swatch is this tall and this wide. */
  captionHeight: number
  /** Cut to fit with `...`. */
  caption: string
  /** Picks the swatch colour. */
  accentSeed: string
}

/** The caption rows, top to bottom; consecutive identical pixel rows share one PaintedRow. */
export function paintedCaption(band: CaptionBand): PaintedRows {
  const { width, scale, pad, captionHeight } = band
  const accent = FIRST_ACCENT + (hash32('accent', band.accentSeed) % ACCENT_COUNT)
  const swatch = {
    value: accent,
    spans: [Math.min(pad, width), Math.min(pad + captionHeight, width)],
  }
  const textX = pad + captionHeight + 2 * scale
  const text = fitText(band.caption, width - textX - pad, scale)
  // The text starts right of the swatch, so it is painted as a later layer.
  const ink = textInkSpans(text, { x: textX, scale, width })
  const rows: PaintedRow[] = []
  let previous: readonly number[] | undefined
  for (let y = 0; y < captionHeight;) {
    const fontRow = Math.floor(y / scale)
    // Rows below the last font row (if the band is ever taller than the text) carry no ink.
    const repeat = fontRow < GLYPH_HEIGHT ? Math.min(scale, captionHeight - y) : captionHeight - y
    const spans = ink[fontRow] ?? []
    const last = rows[rows.length - 1]
    if (last && previous && sameSpans(previous, spans)) {
      rows[rows.length - 1] = { layers: last.layers, repeat: last.repeat + repeat }
    } else rows.push({ layers: [swatch, { value: INK, spans }], repeat })
    previous = spans
    y += repeat
  }
  return { width, paper: BAND, rows }
}

function sameSpans(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
