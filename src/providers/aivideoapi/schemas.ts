/**
 * The create-task request of aivideoapi.ai's gpt-image-2 (seed 002). Checked at compile time
 * against specs/aivideoapi.openapi.yaml.
 */
import { z } from 'zod'
import type { components } from '../../generated/aivideoapi.js'
import { agree } from '../../core/type-agreement.js'

export const MAX_IMAGE_URLS = 16
export const MAX_PROMPT_LENGTH = 20_000

const httpUrl = z.url({ protocol: /^https?$/ })

export const CreateTaskRequest = z.object({
  // Any string passes here; a model other than gpt-image-2 is a 404 model_not_found, not a 400.
  model: z.string(),
  input: z
    .object({
      prompt: z.string().max(MAX_PROMPT_LENGTH).optional(),
      image_urls: z.array(httpUrl).max(MAX_IMAGE_URLS).optional(),
      aspect_ratio: z.string().default('auto'),
      resolution: z.enum(['1k', '2k', '4k']).default('1k'),
      nsfw_checker: z.boolean().default(true),
    })
    .refine((input) => Boolean(input.prompt) || (input.image_urls?.length ?? 0) > 0, {
      error: "At least one of 'input.prompt' or 'input.image_urls' must be provided.",
    }),
  callback_url: httpUrl.optional(),
})
export type CreateTaskRequest = z.output<typeof CreateTaskRequest>

type Spec = components['schemas']['CreateTaskRequest']
agree<CreateTaskRequest['input'], Required<Spec>['input']>()(true)
agree<Omit<CreateTaskRequest, 'input'>, Omit<Spec, 'input'>>()(true)
