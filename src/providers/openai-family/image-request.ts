/**
 * The request schemas of OpenAI's image endpoints, built once for every provider that relays
 * them: strict objects (an unknown field such as `response_format` is OpenAI's
 * `unknown_parameter`), differing only in the `output_format` values a provider takes.
 */
import { z } from 'zod'

export function imageRequestSchemas<Format extends z.ZodType>(outputFormat: Format) {
  const options = {
    model: z.enum(['gpt-image-1', 'gpt-image-1-mini', 'gpt-image-1.5', 'gpt-image-2']),
    prompt: z.string().min(1).max(32_000),
    n: z.int().min(1).max(10).default(1),
    size: z.string().default('auto'),
    quality: z.enum(['auto', 'high', 'medium', 'low']).default('auto'),
    background: z.enum(['opaque', 'auto', 'transparent']).default('auto'),
    moderation: z.enum(['low', 'auto']).default('auto'),
    output_format: outputFormat,
    output_compression: z.int().min(0).max(100).default(100),
    stream: z.boolean().default(false),
    partial_images: z.int().min(0).max(3).optional(),
    user: z.string().optional(),
  }
  return {
    generation: z.strictObject(options),
    /** The text fields of an edit, after `formFieldsToJson` turned numbers and booleans back. */
    edit: z.strictObject({ ...options, input_fidelity: z.enum(['high', 'low']).default('low') }),
  }
}
