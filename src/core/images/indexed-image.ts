/**
 * A palette image as the renderer holds it, shared by the encoders that splice cached rows.
 */
import type { Palette } from './palette.js'

export interface IndexedImage {
  /** Palette indexes, row by row. */
  pixels: Uint8Array
  width: number
  height: number
  palette: Palette
}
