/**
 * Request schemas of OpenAI's image endpoints for the GPT image models. Strict, so unknown fields
 * (`response_format` among them) get OpenAI's `unknown_parameter`. The compile-time checks at the
 * end fail when they drift from specs/openai.openapi.yaml.
 */
import { z } from 'zod'
import type { components } from '../../generated/openai.js'
import { agree } from '../../core/type-agreement.js'
import type { EDIT_FILE_FIELDS } from '../openai-family/edits.js'
import { imageRequestSchemas } from '../openai-family/image-request.js'

type Schemas = components['schemas']

// Unlike GPTProto's, OpenAI's `output_format` has no `auto`.
const schemas = imageRequestSchemas(z.enum(['png', 'jpeg', 'webp']).default('png'))

export const GenerationRequest = schemas.generation
export type GenerationRequest = z.output<typeof GenerationRequest>

export const EditFields = schemas.edit
export type EditFields = z.output<typeof EditFields>

agree<GenerationRequest, Schemas['ImageGenerationRequest']>()(true)
agree<EditFields, Omit<Schemas['ImageEditRequest'], (typeof EDIT_FILE_FIELDS)[number]>>()(true)
