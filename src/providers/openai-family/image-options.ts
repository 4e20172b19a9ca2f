/**
 * Resolves the image options of OpenAI's GPT image models (size, format, background, quality)
 * from a validated request, applying each model's rules; shared by the OpenAI-shaped providers.
 */
import { Failure } from '../../core/errors/failure.js'
import {
  checkGptImage2Size,
  checkLegacyGptImageSize,
  type PixelSize,
} from '../../core/images/gpt-image-sizes.js'
import type { ImageFormat } from '../../core/images/render-image.js'

export type GptImageModel = 'gpt-image-1' | 'gpt-image-1-mini' | 'gpt-image-1.5' | 'gpt-image-2'
export type Quality = 'low' | 'medium' | 'high'

export interface ImageOptionsRequest {
  model: GptImageModel
  size: string
  quality?: 'auto' | Quality
  background?: 'auto' | 'opaque' | 'transparent'
  output_format?: 'auto' | ImageFormat
  output_compression?: number
}

export interface ImageOptionsPolicy {
  /** What `size: auto` becomes. */
  autoSize: PixelSize
  /** What `quality: auto` becomes. */
  autoQuality: Quality
  gptImage2TransparentBackground: 'reject' | 'allow'
}

export interface ImageOptions {
  size: PixelSize
  format: ImageFormat
  compression: number
  background: 'opaque' | 'transparent'
  quality: Quality
}

export function resolveImageOptions(
  request: ImageOptionsRequest,
  policy: ImageOptionsPolicy,
): ImageOptions {
  const size = resolveSize(request.model, request.size, policy.autoSize)
  const background = request.background === 'transparent' ? 'transparent' : 'opaque'
  const format =
    request.output_format === undefined || request.output_format === 'auto'
      ? 'png'
      : request.output_format
  if (background === 'transparent') {
    if (request.model === 'gpt-image-2' && policy.gptImage2TransparentBackground === 'reject') {
      throw new Failure(
        'invalid_request',
        "Transparent backgrounds are not supported for model 'gpt-image-2'.",
        {
          param: 'background',
          code: 'invalid_value',
        },
      )
    }
    if (format === 'jpeg') {
      throw new Failure(
        'invalid_request',
        "Transparent backgrounds require output_format 'png' or 'webp'.",
        {
          param: 'output_format',
          code: 'invalid_value',
        },
      )
    }
  }
  const quality =
    request.quality === undefined || request.quality === 'auto'
      ? policy.autoQuality
      : request.quality
  return { size, format, compression: request.output_compression ?? 100, background, quality }
}

/**
 * The pixel size for `size` under the model's rules, or an `invalid_request` failure naming the
 * rule.
 */
export function resolveSize(model: GptImageModel, size: string, autoSize: PixelSize): PixelSize {
  const check = model === 'gpt-image-2' ? checkGptImage2Size(size) : checkLegacyGptImageSize(size)
  if (!check.ok)
    throw new Failure('invalid_request', check.message, { param: 'size', code: 'invalid_value' })
  return check.size === 'auto' ? autoSize : check.size
}
