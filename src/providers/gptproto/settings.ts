/** GPTProto's settings: the `gptproto` section of the config. */
import { z } from 'zod'

export const GptprotoSettings = z.object({
  /** Prefix `b64_json` with `data:image/...;base64,` as GPTProto's -plus channels do. */
  b64DataUriPrefix: z.boolean().default(false),
  /** What `quality: auto` resolves to in the response (the seed's example answers `low`). */
  autoQuality: z.enum(['low', 'medium', 'high']).default('low'),
})
export type GptprotoSettings = z.output<typeof GptprotoSettings>
