/** GPTProto's settings: the `gptproto` section of the config. */
import { z } from 'zod'

export const GptprotoSettings = z.object({
  /** Prefix `b64_json` with `data:image/...;base64,` as GPTProto's -plus channels do. */
  b64DataUriPrefix: z.boolean().default(false),
  /** What `quality: auto` resolves to in the response (the seed's example answers `low`). */
  autoQuality: z.enum(['low', 'medium', 'high']).default('low'),
  /**
   * Unknown top-level request fields: refused as OpenAI refuses them (`reject`), or dropped
   * (`ignore`) for clients such as the Vercel AI SDK that always send `response_format`.
   * Whether the real GPTProto accepts them is undocumented.
   */
  unknownParameters: z.enum(['reject', 'ignore']).default('reject'),
  /**
   * Credits each image costs (n images cost n times this). GPTProto publishes no per-image
   * price; about 80% of OpenAI's medium 1024x1024 figure, in dollars.
   */
  pricePerImage: z.number().min(0).default(0.04),
})
export type GptprotoSettings = z.output<typeof GptprotoSettings>
