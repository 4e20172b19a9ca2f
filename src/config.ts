/**
 * The emulator's configuration: one zod schema, every default in one place. `main.ts` fills it
 * from the environment; tests and the in-process helper pass a partial object.
 */
import { z } from 'zod'

const MB = 1024 * 1024

export const ConfigSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(4010),
  host: z.string().min(1).default('127.0.0.1'),
  /** Origin used in absolute URLs (image links); unset means the request's own origin. */
  publicUrl: z.url().optional(),
  /** Seeds every random choice: ids, accents, revised prompts. */
  seed: z.string().default('gpt-image-emulator'),
  limits: z
    .object({
      jsonBodyBytes: z.number().int().positive().default(1 * MB),
      multipartBodyBytes: z.number().int().positive().default(50 * MB),
    })
    .prefault({}),
  images: z
    .object({
      encodedCacheBytes: z.number().int().min(0).default(64 * MB),
      backgroundCacheBytes: z.number().int().min(0).default(128 * MB),
      /** Bytes of images kept for `/files/...` URLs; the oldest are dropped first. */
      fileStoreBytes: z.number().int().min(0).default(512 * MB),
    })
    .prefault({}),
  moderation: z
    .object({
      /** Prompts containing one of these (case-insensitive) get the provider's content refusal. */
      triggerTerms: z.array(z.string().min(1)).default(['unsafe-content']),
    })
    .prefault({}),
  /**
   * OpenAI calls transparent backgrounds on gpt-image-2 "preview" while resellers say unsupported;
   * `reject` answers 400 as GPTProto documents, `allow` renders them.
   */
  gptImage2TransparentBackground: z.enum(['reject', 'allow']).default('reject'),
  /** The `retry-after` sent with 429 answers, in seconds. */
  retryAfterSeconds: z.number().min(0).default(1),
  stream: z
    .object({
      /** Pause before each streamed event, so partial images arrive as they would over time. */
      eventIntervalMs: z.number().int().min(0).default(25),
    })
    .prefault({}),
  gptproto: z
    .object({
      /** Prefix `b64_json` with `data:image/...;base64,` as GPTProto's -plus channels do. */
      b64DataUriPrefix: z.boolean().default(false),
      /** What `quality: auto` resolves to in the response (the seed's example answers `low`). */
      autoQuality: z.enum(['low', 'medium', 'high']).default('low'),
    })
    .prefault({}),
})

export type EmulatorConfig = z.infer<typeof ConfigSchema>
export type EmulatorConfigInput = z.input<typeof ConfigSchema>

/** A complete config from a partial one; throws a ZodError naming each bad field. */
export function resolveConfig(input: EmulatorConfigInput = {}): EmulatorConfig {
  return ConfigSchema.parse(input)
}
