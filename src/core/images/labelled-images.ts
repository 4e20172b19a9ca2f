/**
 * What goes on a generated image: a headline with the size, provider, model and format, and a
 * caption with the image's place in the batch and the prompt, so whoever opens it sees what it was.
 */
import type { ImageSpec } from './render-image.js'
import type { ImageBatch } from './recipe.js'

export type { ImageBatch } from './recipe.js'

/** What the renderer draws for image `index` (0-based) of a batch; a recipe is its own batch. */
export function labelledImageSpec(batch: ImageBatch, index: number): ImageSpec {
  const { width, height } = batch.size
  const note = batch.note ? ` (${batch.note})` : ''
  return {
    width,
    height,
    format: batch.format,
    compression: batch.compression,
    transparent: batch.transparent,
    theme: batch.provider,
    headline: [
      `${width} x ${height}`,
      `${batch.provider} - ${batch.model}`,
      `${batch.format} - ${batch.quality}`,
    ],
    caption: `#${index + 1}/${batch.count}${note} "${oneLine(batch.prompt)}"`,
    accentSeed: `${batch.seed}\u0000${batch.prompt}\u0000${index}`,
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
