/** OpenAI's settings: the `openai` section of the config. */
import { z } from 'zod'

export const OpenAISettings = z.object({
  /**
   * What `quality: auto` resolves to in the response. OpenAI says only that auto picks "the best
   * quality for the model", and callers who leave it at auto report being billed at the high
   * rate, so high (x-emulator-inferred).
   */
  autoQuality: z.enum(['low', 'medium', 'high']).default('high'),
})
export type OpenAISettings = z.output<typeof OpenAISettings>
