/**
 * Token usage in OpenAI's image-usage shape. Real counts come from OpenAI's tokenizer and image
 * pricing; these estimates are deterministic and of the right magnitude (x-emulator-inferred):
 * text ceil(chars / 4) + 6 (the seed's "a cat" gives its 8), output images 196 / 784 / 3136 tokens
 * per 1024x1024 image at low / medium / high (the seed's 196 at low, scaled as gpt-image-1's
 * table), scaled by pixel count, and 100 more per partial image, as GPTProto's docs say.
 */
import type { PixelSize } from '../../core/images/gpt-image-sizes.js'
import type { Quality } from './image-options.js'

const TOKENS_PER_MEGAPIXEL_IMAGE: Record<Quality, number> = { low: 196, medium: 784, high: 3136 }
const PARTIAL_IMAGE_TOKENS = 100
const REFERENCE_PIXELS = 1024 * 1024

export interface ImageUsage {
  input_tokens: number
  input_tokens_details: { image_tokens: number; text_tokens: number }
  output_tokens: number
  output_tokens_details: { image_tokens: number; text_tokens: number }
  total_tokens: number
}

export interface UsageInput {
  prompt: string
  size: PixelSize
  quality: Quality
  images: number
  partialImages?: number
  /** Sizes of input images (edits); each costs as a low-quality image of its size. */
  inputImages?: readonly PixelSize[]
}

export function estimateUsage({
  prompt,
  size,
  quality,
  images,
  partialImages = 0,
  inputImages = [],
}: UsageInput): ImageUsage {
  const textTokens = Math.ceil(prompt.length / 4) + 6
  const inputImageTokens = inputImages.reduce((sum, s) => sum + imageTokens(s, 'low'), 0)
  const outputImageTokens =
    images * (imageTokens(size, quality) + partialImages * PARTIAL_IMAGE_TOKENS)
  const input = textTokens + inputImageTokens
  return {
    input_tokens: input,
    input_tokens_details: { image_tokens: inputImageTokens, text_tokens: textTokens },
    output_tokens: outputImageTokens,
    output_tokens_details: { image_tokens: outputImageTokens, text_tokens: 0 },
    total_tokens: input + outputImageTokens,
  }
}

function imageTokens({ width, height }: PixelSize, quality: Quality): number {
  return Math.max(
    1,
    Math.round((TOKENS_PER_MEGAPIXEL_IMAGE[quality] * width * height) / REFERENCE_PIXELS),
  )
}
