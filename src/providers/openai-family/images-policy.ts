/**
 * What sets one OpenAI-shaped Images API apart from another: its request schemas and how it
 * resolves and returns images. OpenAI's own API and GPTProto share every route through this.
 */
import type { z } from 'zod'
import type { ImageFormat } from '../../core/images/render-image.js'
import type { Quality } from './image-options.js'
import type { imageRequestSchemas } from './image-request.js'

/** The widest `output_format` a provider takes: `auto` or a format. */
type AnyOutputFormat = z.ZodType<'auto' | ImageFormat>
type Schemas = ReturnType<typeof imageRequestSchemas<AnyOutputFormat>>

/** A validated generation request, whatever the provider's exact schema. */
export type ImageRequest = z.output<Schemas['generation']>

/** A validated edit's text fields. */
export type EditRequest = z.output<Schemas['edit']>

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
  /** Credits per image, charged once a request is accepted (GPTProto); absent, nothing is. */
  pricePerImage?: number
}
