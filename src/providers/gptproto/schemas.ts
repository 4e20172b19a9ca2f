/**
 * Request schemas of GPTProto's image endpoints (seed 004). The compile-time checks at the end
 * fail when they drift from specs/gptproto.openapi.yaml.
 */
import { z } from 'zod'
import type { components } from '../../generated/gptproto.js'
import { agree } from '../../core/type-agreement.js'
import type { EDIT_FILE_FIELDS } from '../openai-family/edits.js'
import { imageRequestSchemas } from '../openai-family/image-request.js'

type Schemas = components['schemas']

const schemas = imageRequestSchemas(z.enum(['auto', 'png', 'jpeg', 'webp']).default('auto'))

export const GenerationRequest = schemas.generation
export type GenerationRequest = z.output<typeof GenerationRequest>

export const EditFields = schemas.edit
export type EditFields = z.output<typeof EditFields>

/**
 * The same fields with unknown top-level ones dropped, not refused (`unknownParameters:
 * ignore`). Known fields keep every rule: a wrong value is refused as before.
 */
export const LenientGenerationRequest = z.object(GenerationRequest.shape)
export const LenientEditFields = z.object(EditFields.shape)

agree<GenerationRequest, Schemas['ImageGenerationRequest']>()(true)
agree<EditFields, Omit<Schemas['ImageEditRequest'], (typeof EDIT_FILE_FIELDS)[number]>>()(true)
