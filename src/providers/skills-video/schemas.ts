/**
 * The request of skills.video's gpt-image-2 (seed 000, and the alternate copy's `image_size` and
 * `sync_mode`), as JSON and as multipart fields. Checked at compile time against
 * specs/skills-video.openapi.yaml.
 */
import { z } from 'zod'
import type { components, operations } from '../../generated/skills-video.js'
import { agree } from '../../core/type-agreement.js'

type Schemas = components['schemas']
type SpecRunningQuery = NonNullable<operations['listRunningGenerations']['parameters']['query']>

export const MAX_PROMPT_LENGTH = 32_000
export const MAX_IMAGE_URLS = 16

export const ASPECT_RATIOS = ['1:1', '16:9', '9:16', '4:3', '3:4', '3:2', '2:3'] as const
export const RESOLUTIONS = ['1K', '2K', '4K'] as const
export const IMAGE_SIZES = [
  'auto',
  'square_hd',
  'square',
  'portrait_4_3',
  'portrait_16_9',
  'landscape_4_3',
  'landscape_16_9',
] as const

const httpUrl = z.url({ protocol: /^https?$/ })
// `n` and `num_images` stay unset when not sent: which one was sent decides the count.
const imageCount = z.int().min(1).max(4).optional()

const fields = {
  prompt: z.string().min(1).max(MAX_PROMPT_LENGTH),
  image_urls: z.array(httpUrl).max(MAX_IMAGE_URLS).optional(),
  // Unset when not sent, so `image_size` can decide the ratio instead (both default to 4:3).
  aspect_ratio: z.enum(ASPECT_RATIOS).optional(),
  resolution: z.enum(RESOLUTIONS).default('1K'),
  image_size: z.enum(IMAGE_SIZES).optional(),
  quality: z.enum(['low', 'medium', 'high']).default('high'),
  num_images: imageCount,
  n: imageCount,
  output_format: z.enum(['jpeg', 'png', 'webp']).default('png'),
  sync_mode: z.boolean().default(false),
}

const maskNeedsImages = {
  message: "'mask_url' needs 'image_urls': a mask applies only in edit mode.",
  path: ['mask_url'],
}
const hasImagesForMask = (request: {
  mask_url?: string | null | undefined
  image_urls?: string[] | undefined
}) => request.mask_url == null || (request.image_urls?.length ?? 0) > 0

export const GenerationRequest = z
  .object({ ...fields, mask_url: httpUrl.nullable().optional() })
  .refine(hasImagesForMask, maskNeedsImages)
export type GenerationRequest = z.output<typeof GenerationRequest>

/** The multipart fields once uploads became `/files/` URLs and numbers and booleans JSON again. */
export const GenerationForm = z
  .object({ ...fields, mask_url: httpUrl.optional() })
  .refine(hasImagesForMask, maskNeedsImages)
export type GenerationForm = z.output<typeof GenerationForm>

/** Multipart text fields that hold numbers or booleans, converted before validation. */
export const FORM_NUMBER_FIELDS = ['n', 'num_images'] as const
export const FORM_BOOLEAN_FIELDS = ['sync_mode'] as const
/** Multipart fields that take a URL or an uploaded file (the quickstart's `-F image_urls=@...`). */
export const FORM_URL_FIELDS = ['image_urls', 'mask_url'] as const

export const RunningQuery = z.object({
  workspace: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})
export type RunningQuery = z.output<typeof RunningQuery>

agree<GenerationRequest, Schemas['GenerationRequest']>()(true)
agree<GenerationForm, Schemas['GenerationForm']>()(true)
agree<Partial<RunningQuery>, SpecRunningQuery>()(true)
