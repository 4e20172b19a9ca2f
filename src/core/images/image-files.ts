/**
 * The images behind `/files/<name>` and inside responses. Generated images are recipes: a name is
 * a hash of its recipe, the bytes are rendered when first fetched or embedded, kept in the
 * renderer's byte-bounded cache, and rendered again, identically, after eviction. A task holds
 * its names, which stay servable as long as the task is kept; other names (a synchronous answer's
 * URL) stay among the most recent `looseRecipes`. Uploads and replayed images are real bytes: they are
 * kept, bounded by bytes, least recently used dropped first, as expiring CDN links are.
 */
import { hash } from 'node:crypto'
import { LRUCache } from 'lru-cache'
import { CONTENT_TYPES, type ImageFormat, type ImageRenderer } from './render-image.js'
import { FILE_EXTENSIONS, recipeFileName, type ImageRecipe } from './recipe.js'
import { labelledImageSpec } from './labelled-images.js'
import type { Async } from '../state/async.js'

export interface StoredFile {
  bytes: Buffer
  contentType: string
}

export interface ImageFiles {
  /** The bytes of a recipe's image: from the cache, else rendered. */
  render(recipe: ImageRecipe): Promise<Buffer>
  /** Names a recipe's image under `/files/`, kept among the most recent loose names. */
  publish(recipe: ImageRecipe): string
  /** Names a recipe's image and holds it until released (a task's, while the task is kept). */
  hold(recipe: ImageRecipe): string
  /** Lets go of held names, once per hold. */
  release(names: readonly string[]): void
  /** Keeps uploaded (or replayed) bytes and returns their name (`<hash>.<ext>`). */
  keep(bytes: Buffer, format: ImageFormat): string
  /** What `/files/<name>` serves, rendered if need be; undefined for a name not (or no longer) known. */
  read(name: string): Promise<StoredFile | undefined>
  clear(): void
}

/** Image names as every store answers them (in memory, or shared on Redis). */
export type ImageStore = Async<ImageFiles>

export interface ImageFilesOptions {
  renderer: ImageRenderer
  /** Bytes of uploaded and replayed images kept. */
  uploadBytes: number
  /** Names without an owner kept, most recent first. */
  looseRecipes: number
}

interface HeldRecipe {
  recipe: ImageRecipe
  /** Holds on it: a recipe repeated across tasks stays while any of them is kept. */
  holders: number
}

export function createImageFiles({
  renderer,
  uploadBytes,
  looseRecipes,
}: ImageFilesOptions): ImageFiles {
  const uploads = new LRUCache<string, StoredFile>({
    maxSize: Math.max(1, uploadBytes),
    sizeCalculation: (file) => Math.max(1, file.bytes.length),
  })
  const held = new Map<string, HeldRecipe>()
  const loose = new LRUCache<string, ImageRecipe>({ max: Math.max(1, looseRecipes) })

  const render = (recipe: ImageRecipe) => renderer.render(labelledImageSpec(recipe, recipe.index))
  const recipeNamed = (name: string) => held.get(name)?.recipe ?? loose.get(name)

  return {
    render,
    publish(recipe) {
      const name = recipeFileName(recipe)
      if (!held.has(name)) loose.set(name, recipe)
      return name
    },
    hold(recipe) {
      const name = recipeFileName(recipe)
      const entry = held.get(name)
      if (entry) entry.holders++
      else held.set(name, { recipe, holders: 1 })
      return name
    },
    release(names) {
      for (const name of names) {
        const entry = held.get(name)
        if (entry && --entry.holders === 0) held.delete(name)
      }
    },
    keep(bytes, format) {
      const name = fileNameFor(bytes, format)
      if (!uploads.has(name)) uploads.set(name, { bytes, contentType: CONTENT_TYPES[format] })
      return name
    },
    async read(name) {
      const upload = uploads.get(name)
      if (upload) return upload
      const recipe = recipeNamed(name)
      if (!recipe) return undefined
      return { bytes: await render(recipe), contentType: CONTENT_TYPES[recipe.format] }
    },
    clear() {
      uploads.clear()
      held.clear()
      loose.clear()
    },
  }
}

/**
 * The name `keep` gives these bytes, known before they are kept: a request can name its uploads
 * and keep them only once it is accepted.
 */
export function fileNameFor(bytes: Buffer, format: ImageFormat): string {
  return `${hash('sha256', bytes).slice(0, 32)}.${FILE_EXTENSIONS[format]}`
}
