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
 * Paints the rows into a canvas from line `top` down, each row starting `left` bytes in, from the
 * same runs the PNG writer compresses.
 */
export function paintRows(
  target: { pixels: Uint8Array; width: number },
  top: number,
  left: number,
  painted: PaintedRows,
): void {
  let line = top
  for (const row of painted.rows) {
    const [runs, count] = rowRuns(row, painted, 0)
    for (let copy = 0; copy < row.repeat; copy++, line++) {
      let at = line * target.width + left
      for (let i = 0; i < count; i += 2) {
        target.pixels.fill(runs[i]!, at, at + runs[i + 1]!)
        at += runs[i + 1]!
      }
    }
  }
}

/**
 * One row as value, length pairs from index `from` of `runs`: paper between the spans, each span
 * clipped to the row and to what earlier spans left free. Returns the array, reused from row to
 * row (rendering is synchronous), and the index after the last pair.
 */
export function rowRuns(
  { layers }: PaintedRow,
  { width, paper }: PaintedRows,
  from: number,
): [runs: Int32Array, end: number] {
  let needed = from + 4
  for (const { spans } of layers) needed += 2 * spans.length
  if (runs.length < needed) runs = new Int32Array(needed * 2)
  let count = from
  let cursor = 0
  for (const { value, spans } of layers) {
    for (let i = 0; i < spans.length; i += 2) {
      const start = Math.max(spans[i]!, cursor)
      const end = Math.min(spans[i + 1]!, width)
      if (start >= end) continue
      if (start > cursor) {
        runs[count++] = paper
        runs[count++] = start - cursor
      }
      runs[count++] = value
      runs[count++] = end - start
      cursor = end
    }
  }
  if (cursor < width) {
    runs[count++] = paper
    runs[count++] = width - cursor
  }
  return [runs, count]
}

let runs = new Int32Array(1024)
