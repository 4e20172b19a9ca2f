/**
 * Request schemas of OpenAI's image endpoints for the GPT image models. Strict, so unknown fields
 * (`response_format` among them) get OpenAI's `unknown_parameter`. The compile-time checks at the
 * end fail when they drift from specs/openai.openapi.yaml.
 */
import { z } from 'zod'
import type { components } from '../../generated/openai.js'
import { agree } from '../../core/type-agreement.js'
import type { EDIT_FILE_FIELDS } from '../openai-family/edits.js'

type Schemas = components['schemas']

const imageOptions = {
  model: z.enum(['gpt-image-1', 'gpt-image-1-mini', 'gpt-image-1.5', 'gpt-image-2']),
  prompt: z.string().min(1).max(32_000),
  n: z.int().min(1).max(10).default(1),
  size: z.string().default('auto'),
  quality: z.enum(['auto', 'high', 'medium', 'low']).default('auto'),
  background: z.enum(['opaque', 'auto', 'transparent']).default('auto'),
  moderation: z.enum(['low', 'auto']).default('auto'),
  // Unlike GPTProto's, OpenAI's enum has no `auto`.
  output_format: z.enum(['png', 'jpeg', 'webp']).default('png'),
  output_compression: z.int().min(0).max(100).default(100),
  stream: z.boolean().default(false),
  partial_images: z.int().min(0).max(3).optional(),
  user: z.string().optional(),
}

export const GenerationRequest = z.strictObject(imageOptions)
export type GenerationRequest = z.output<typeof GenerationRequest>

/** The text fields of an edit, after `formFieldsToJson` turned numbers and booleans back into JSON. */
export const EditFields = z.strictObject({
  ...imageOptions,
  input_fidelity: z.enum(['high', 'low']).default('low'),
})
export type EditFields = z.output<typeof EditFields>

agree<GenerationRequest, Schemas['ImageGenerationRequest']>()(true)
agree<EditFields, Omit<Schemas['ImageEditRequest'], (typeof EDIT_FILE_FIELDS)[number]>>()(true)
