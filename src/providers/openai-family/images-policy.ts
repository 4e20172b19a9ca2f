/**
 * What sets one OpenAI-shaped Images API apart from another: its request schemas and how it
 * resolves and returns images. OpenAI's own API and GPTProto share every route through this.
 */
import type { z } from 'zod'
import type { ImageFormat } from '../../core/images/render-image.js'
import type { GptImageModel, Quality } from './image-options.js'

/** A validated generation request, whatever the provider's exact schema. */
export interface ImageRequest {
  model: GptImageModel
  prompt: string
  n: number
  size: string
  quality: 'auto' | Quality
  background: 'auto' | 'opaque' | 'transparent'
  moderation: 'auto' | 'low'
  output_format: 'auto' | ImageFormat
  output_compression: number
  stream: boolean
  partial_images?: number
  user?: string
}

/** A validated edit's text fields. */
export interface EditRequest extends ImageRequest {
  input_fidelity: 'high' | 'low'
}

export interface ImagesPolicy {
  /** The JSON body of `POST /v1/images/generations`. */
  generation: z.ZodType<ImageRequest>
  /** The text fields of `POST /v1/images/edits`, after numbers and booleans are read. */
  edit: z.ZodType<EditRequest>
  /** What `quality: auto` resolves to in the answer. */
  autoQuality: Quality
  /** Sends `b64_json` as a `data:` URI (GPTProto's -plus channels) instead of bare base64. */
  b64DataUriPrefix: boolean
  /** The safety refusal's sentence for a prompt that tripped `category`. */
  moderationMessage(category: string, requestId: string): string
}
