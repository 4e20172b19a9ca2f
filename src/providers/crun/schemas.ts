/**
 * The CreateTask request of CRUN's three gpt-image-2 channels (seed 003 and research/providers.md
 * "003 — CRUN"). Checked at compile time against specs/crun.openapi.yaml.
 */
import { z } from 'zod'
import type { components } from '../../generated/crun.js'
import { agree } from '../../core/type-agreement.js'

type Schemas = components['schemas']

export const MODELS = [
  'openai/gpt-image-2',
  'openai/gpt-image-2-stable',
  'openai/gpt-image-2-premium',
] as const
export type CrunModel = (typeof MODELS)[number]

/** OpenAI's cap on GPT image prompts; CRUN publishes none of its own. */
export const MAX_PROMPT_LENGTH = 32_000
/** A public client's cap for standard and stable; premium's 14 is CRUN's. */
export const MAX_IMG_URLS = { standard: 16, premium: 14 } as const

const RATIOS = [
  'auto',
  '1:1',
  '2:3',
  '3:2',
  '5:4',
  '4:5',
  '9:16',
  '16:9',
  '4:3',
  '3:4',
  '21:9',
] as const
const PREMIUM_RATIOS = [...RATIOS, '9:21'] as const

const isHttpUrl = (text: string) => {
  try {
    const { protocol } = new URL(text)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

/**
 * Reference images must be links: "Never send Base64, data URIs, or local paths" (CRUN's own
 * client).
 */
const imgUrls = (max: number) =>
  z
    .array(z.string())
    .max(max)
    .superRefine((urls, ctx) => {
      const index = urls.findIndex((url) => !isHttpUrl(url))
      if (index === -1) return
      ctx.addIssue({
        code: 'custom',
        path: [index],
        message:
          `'input.img_urls.${index}' must be an http(s) URL: upload the file and send its ` +
          'file_url, never Base64 or a data URI.',
      })
    })

const prompt = z.string().min(1).max(MAX_PROMPT_LENGTH)
const quality = z.enum(['low', 'medium', 'high'])
const callbackUrl = z.url({ protocol: /^https?$/ }).optional()

// Strict objects: a field of another channel (`resolution` on stable) is refused by name rather
// than silently dropped, so a client talking to the wrong channel finds out.
export const StandardInput = z.strictObject({
  prompt,
  img_urls: imgUrls(MAX_IMG_URLS.standard).optional(),
  aspect_ratio: z.enum(RATIOS).default('1:1'),
})

export const StableInput = z
  .strictObject({
    prompt,
    img_urls: imgUrls(MAX_IMG_URLS.standard).optional(),
    aspect_ratio: z.enum(RATIOS).default('1:1'),
    quality: quality.default('medium'),
    background: z.enum(['auto', 'opaque', 'transparent']).default('auto'),
    output_format: z.enum(['png', 'jpeg', 'webp']).default('png'),
    moderation: z.enum(['auto', 'low']).default('low'),
  })
  .refine((input) => !(input.background === 'transparent' && input.output_format === 'jpeg'), {
    path: ['background'],
    error:
      "'input.background' transparent needs 'input.output_format' png or webp: " +
      'jpeg has no alpha channel.',
  })

export const PremiumInput = z.strictObject({
  prompt,
  img_urls: imgUrls(MAX_IMG_URLS.premium).optional(),
  aspect_ratio: z.enum(PREMIUM_RATIOS).default('1:1'),
  quality: quality.default('high'),
  resolution: z.enum(['1K', '2K', '4K']).default('2K'),
})

/** Judged first, so an unknown model is refused with the list of channels, not a union's puzzle. */
export const ModelField = z.object({ model: z.enum(MODELS) })

export const CreateTaskRequest = z.discriminatedUnion('model', [
  z.object({
    model: z.literal('openai/gpt-image-2'),
    input: StandardInput,
    callback_url: callbackUrl,
  }),
  z.object({
    model: z.literal('openai/gpt-image-2-stable'),
    input: StableInput,
    callback_url: callbackUrl,
  }),
  z.object({
    model: z.literal('openai/gpt-image-2-premium'),
    input: PremiumInput,
    callback_url: callbackUrl,
  }),
])
export type CreateTaskRequest = z.output<typeof CreateTaskRequest>

export const TaskInfoQuery = z.object({ task_id: z.string().min(1) })

agree<z.output<typeof StandardInput>, Schemas['StandardInput']>()(true)
agree<z.output<typeof StableInput>, Schemas['StableInput']>()(true)
agree<z.output<typeof PremiumInput>, Schemas['PremiumInput']>()(true)
agree<CreateTaskRequest, Schemas['CreateTaskRequest']>()(true)
