/**
 * Rows of indexed pixels described as spans painted on a plain colour. A caption row is a swatch
 * and a few hundred ink spans repeated over many pixel rows, so the PNG path compresses and
 * checksums it from this description without painting a buffer, and the other encoders paint
 * the very same description.
 */

export interface PaintedRows {
  /** Pixels per row. */
  readonly width: number
  /** The value of every pixel no span covers. */
  readonly paper: number
  readonly rows: readonly PaintedRow[]
}

export interface PaintedRow {
  /** Left to right: every span of a layer lies right of the spans of the layers before it. */
  readonly layers: readonly SpanLayer[]
  /** How many identical pixel rows in a row this one stands for. */
  readonly repeat: number
}

export interface SpanLayer {
  readonly value: number
  /** [start, end) pixel pairs, in increasing order, within the row. */
  readonly spans: readonly number[]
}

/**
 * Paints the rows into a canvas from line `top` down, each row starting `left` bytes in. Spans are
 * clipped as the PNG writer clips them: to the row, and to what earlier spans left free.
 */
export function paintRows(
  target: { pixels: Uint8Array; width: number },
  top: number,
  left: number,
  { width, paper, rows }: PaintedRows,
): void {
  let line = top
  for (const { layers, repeat } of rows) {
    for (let copy = 0; copy < repeat; copy++, line++) {
      const row = line * target.width + left
      target.pixels.fill(paper, row, row + width)
      let cursor = 0
      for (const { value, spans } of layers) {
        for (let i = 0; i < spans.length; i += 2) {
          const start = Math.max(spans[i]!, cursor)
          const end = Math.min(spans[i + 1]!, width)
          if (start >= end) continue
          target.pixels.fill(value, row + start, row + end)
          cursor = end
        }
      }
    }
  }
}
