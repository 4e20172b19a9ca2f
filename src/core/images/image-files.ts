/**
 * The images behind `/files/<name>` and inside responses. Generated images are recipes: a name is
 * a hash of its recipe, the bytes are rendered when first fetched or embedded, kept in the
 * renderer's byte-bounded cache, and rendered again, identically, after eviction. A task's names
 * stay servable as long as the task is kept; names without an owner (a synchronous answer's URL)
 * stay among the most recent `looseRecipes`. Uploads and replayed images are real bytes: they are
 * kept, bounded by bytes, least recently used dropped first, as expiring CDN links are.
 */
import { hash } from 'node:crypto'
import { LRUCache } from 'lru-cache'
import { CONTENT_TYPES, type ImageFormat, type ImageRenderer } from './render-image.js'
import { FILE_EXTENSIONS, recipeFileName, type ImageRecipe } from './recipe.js'
import { labelledImageSpec } from './labelled-images.js'

export interface StoredFile {
  bytes: Buffer
  contentType: string
}

export interface ImageFiles {
  /** The bytes of a recipe's image: from the cache, else rendered. */
  render(recipe: ImageRecipe): Promise<Buffer>
  /**
   * Names a recipe's image under `/files/`. With an `owner` (a task id) the name is kept until the
   * owner is released; without one, among the most recent loose names.
   */
  publish(recipe: ImageRecipe, owner?: string): string
  /** Lets go of every name `owner` published. */
  release(owner: string): void
  /** Keeps uploaded (or replayed) bytes and returns their name (`<hash>.<ext>`). */
  keep(bytes: Buffer, format: ImageFormat): string
  /** What `/files/<name>` serves, rendered if need be; undefined for a name not (or no longer) known. */
  read(name: string): Promise<StoredFile | undefined>
  clear(): void
}

export interface ImageFilesOptions {
  renderer: ImageRenderer
  /** Bytes of uploaded and replayed images kept. */
  uploadBytes: number
  /** Names without an owner kept, most recent first. */
  looseRecipes: number
}

interface OwnedRecipe {
  recipe: ImageRecipe
  /** Owners holding it: a recipe repeated across tasks stays while any of them is kept. */
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
  const owned = new Map<string, OwnedRecipe>()
  const namesOf = new Map<string, string[]>()
  const loose = new LRUCache<string, ImageRecipe>({ max: Math.max(1, looseRecipes) })

  const render = (recipe: ImageRecipe) => renderer.render(labelledImageSpec(recipe, recipe.index))
  const recipeNamed = (name: string) => owned.get(name)?.recipe ?? loose.get(name)

  return {
    render,
    publish(recipe, owner) {
      const name = recipeFileName(recipe)
      if (owner === undefined) {
        if (!owned.has(name)) loose.set(name, recipe)
        return name
      }
      const entry = owned.get(name)
      if (entry) entry.holders++
      else owned.set(name, { recipe, holders: 1 })
      const names = namesOf.get(owner)
      if (names) names.push(name)
      else namesOf.set(owner, [name])
      return name
    },
    release(owner) {
      for (const name of namesOf.get(owner) ?? []) {
        const entry = owned.get(name)
        if (entry && --entry.holders === 0) owned.delete(name)
      }
      namesOf.delete(owner)
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
      owned.clear()
      namesOf.clear()
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
