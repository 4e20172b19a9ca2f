/**
 * An image as a pure function of what was asked for: its recipe. Tasks, the journal and URLs keep
 * recipes, never bytes; any process renders the same bytes from the same recipe, whenever it is
 * fetched, so nothing but the recipe ever needs keeping or sharing.
 */
import { hash } from 'node:crypto'
import type { PixelSize } from './gpt-image-sizes.js'
import type { ImageFormat } from './render-image.js'

/** What a request asked for: every image of one answer or task shares it. */
export interface ImageBatch {
  provider: string
  model: string
  prompt: string
  size: PixelSize
  format: ImageFormat
  compression: number
  transparent: boolean
  /** A word on the look, shown after the format (`high`, `2K`). */
  quality: string
  seed: string
  count: number
  /** Marks a variant in the caption: `edit of 2 images`, `partial 1/3`. */
  note?: string
}

/** One image of a batch: `index` is 0-based. */
export interface ImageRecipe extends ImageBatch {
  index: number
}

export const recipeOf = (batch: ImageBatch, index: number): ImageRecipe => ({ ...batch, index })

/** The recipes of every image of a batch, first one first. */
export const recipesOf = (batch: ImageBatch): ImageRecipe[] =>
  Array.from({ length: batch.count }, (_, index) => recipeOf(batch, index))

export const FILE_EXTENSIONS: Record<ImageFormat, string> = {
  png: 'png',
  jpeg: 'jpg',
  webp: 'webp',
}

/**
 * The file name a recipe's image is served under: a hash of every field that shapes its bytes,
 * in a fixed order, so equal recipes share one name and different ones never do.
 */
export function recipeFileName(recipe: ImageRecipe): string {
  const fields = [
    recipe.provider,
    recipe.model,
    recipe.prompt,
    recipe.size.width,
    recipe.size.height,
    recipe.format,
    recipe.compression,
    recipe.transparent,
    recipe.quality,
    recipe.seed,
    recipe.index,
    recipe.count,
    recipe.note ?? null,
  ]
  return `${hash('sha256', JSON.stringify(fields)).slice(0, 32)}.${FILE_EXTENSIONS[recipe.format]}`
}
