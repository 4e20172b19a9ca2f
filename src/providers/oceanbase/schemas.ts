/**
 * The request of OceanBase's image endpoint: four fields, all required (seed 001).
 * Other fields are dropped, as a gateway in front of OpenAI would (x-emulator-inferred).
 */
import { z } from 'zod'
import type { components } from '../../generated/oceanbase.js'
import { agree } from '../../core/type-agreement.js'

export const GenerationRequest = z.object({
  model: z.literal('gpt-image-2'),
  prompt: z.string().min(1).max(32_000),
  size: z.string(),
  n: z.int().min(1).max(10),
})
export type GenerationRequest = z.output<typeof GenerationRequest>

agree<GenerationRequest, components['schemas']['ImageGenerationRequest']>()(true)
