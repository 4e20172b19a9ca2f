/**
 * The emulator's configuration: one zod schema, every default in one place. `main.ts` fills it
 * from the environment; tests and the in-process helper pass a partial object.
 */
import { z } from 'zod'
import { TIMING_PROFILES } from './core/tasks/timing.js'
import { PROVIDER_IDS } from './providers/ids.js'

const MB = 1024 * 1024

export const ConfigSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(4010),
  host: z.string().min(1).default('127.0.0.1'),
  /** Origin used in absolute URLs (image links); unset means the request's own origin. */
  publicUrl: z.url().optional(),
  /** Seeds every random choice: ids, accents, revised prompts, chaos. */
  seed: z.string().default('gpt-image-emulator'),
  /** When set, the emulator's clock starts at this instant, so timestamps repeat from run to run. */
  startTime: z.iso.datetime({ offset: true }).optional(),
  /** Providers to mount; all five by default. */
  providers: z
    .array(z.enum(PROVIDER_IDS))
    .min(1)
    .default([...PROVIDER_IDS]),
  /** One line per request: `pretty` for a terminal, `json` for log collectors, `off`. */
  log: z.enum(['pretty', 'json', 'off']).default('off'),
  /**
   * `emulate` answers every provider request itself; `record` forwards them to `upstreams` and
   * writes cassettes; `replay` answers from cassettes only.
   */
  mode: z.enum(['emulate', 'record', 'replay']).default('emulate'),
  /** Base URL per provider for record mode; the real services' by default (OceanBase has none). */
  upstreams: z.partialRecord(z.enum(PROVIDER_IDS), z.url()).default({}),
  /** Folder of the cassettes: `<provider>.har` and `blobs/`. */
  cassettes: z.string().min(1).default('cassettes'),
  /** In replay, a request no recording matches gets an error (`error`) or is emulated (`emulate`). */
  replayMissing: z.enum(['error', 'emulate']).default('error'),
  limits: z
    .object({
      jsonBodyBytes: z
        .number()
        .int()
        .positive()
        .default(1 * MB),
      multipartBodyBytes: z
        .number()
        .int()
        .positive()
        .default(50 * MB),
    })
    .prefault({}),
  images: z
    .object({
      encodedCacheBytes: z
        .number()
        .int()
        .min(0)
        .default(64 * MB),
      backgroundCacheBytes: z
        .number()
        .int()
        .min(0)
        .default(128 * MB),
      /** Bytes of images kept for `/files/...` URLs; the oldest are dropped first. */
      fileStoreBytes: z
        .number()
        .int()
        .min(0)
        .default(512 * MB),
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
  /** How long async tasks queue and run (per request: `X-Emulator-Timing`). */
  timing: z.enum(TIMING_PROFILES as ['instant', 'fast', 'realistic']).default('fast'),
  journal: z
    .object({
      /** Requests kept in the journal; the oldest are dropped first. 0 turns it off. */
      maxEntries: z.number().int().min(0).default(1000),
    })
    .prefault({}),
  /** A token bucket per key and provider; off unless enabled here or set on a key. */
  rateLimit: z
    .object({
      enabled: z.boolean().default(false),
      capacity: z.number().int().positive().default(60),
      refillPerSecond: z.number().positive().default(1),
    })
    .prefault({}),
  tasks: z
    .object({
      /** Tasks kept at most; past it the oldest finished ones are dropped first. */
      maxTasks: z.number().int().positive().default(10_000),
      /** Finished tasks older than this are dropped. */
      maxAgeMs: z
        .number()
        .int()
        .positive()
        .default(60 * 60 * 1000),
    })
    .prefault({}),
  credits: z
    .object({
      /** Balance a key gets on first use, per provider. */
      defaultBalance: z.number().min(0).default(1000),
    })
    .prefault({}),
  callbacks: z
    .object({
      /** Attempts per callback, the first included (aivideoapi documents 3). */
      maxAttempts: z.number().int().min(1).max(20).default(3),
      /** Wait before the second attempt; each later wait doubles. */
      backoffMs: z.number().int().min(0).default(1000),
      /** How long one attempt may take. */
      timeoutMs: z.number().int().positive().default(5000),
    })
    .prefault({}),
  aivideoapi: z
    .object({
      /** Where the 1k tier lists two sizes (1024x1024 / 1254x1254), which one is rendered. */
      oneKSize: z.enum(['first', 'second']).default('first'),
      /** Credits per image by resolution tier (seed 002's pricing table). */
      prices: z
        .object({ '1k': z.number().min(0), '2k': z.number().min(0), '4k': z.number().min(0) })
        .default({ '1k': 4.7, '2k': 9.4, '4k': 14.1 }),
    })
    .prefault({}),
  skillsVideo: z
    .object({
      /** HTTP status of a successful create: the docs list both 200 and 202. */
      createStatus: z.union([z.literal(200), z.literal(202)]).default(200),
      /** Credits per image by resolution (the docs' example charges 20 for one 1K image). */
      prices: z
        .object({ '1K': z.number().min(0), '2K': z.number().min(0), '4K': z.number().min(0) })
        .default({ '1K': 20, '2K': 40, '4K': 80 }),
    })
    .prefault({}),
  crun: z
    .object({
      /** Credits per image by channel (undocumented; a public client's fixture shows 12). */
      prices: z
        .object({
          standard: z.number().min(0),
          stable: z.number().min(0),
          premium1K: z.number().min(0),
          premium2K: z.number().min(0),
          premium4K: z.number().min(0),
        })
        .default({ standard: 10, stable: 12, premium1K: 15, premium2K: 20, premium4K: 30 }),
      /**
       * HTTP status of refusals CRUN signals in the body `code` (401, 402, 422, 429, 455, 501, 505):
       * `200`, as its public clients observe, or `mirror` to use the body code as the status.
       */
      refusalStatus: z.enum(['200', 'mirror']).default('200'),
      /** Callback body: the bare task `data` object (the docs' wording) or the whole TaskInfo envelope. */
      callbackBody: z.enum(['data', 'envelope']).default('data'),
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
  return ConfigSchema.parse(input, { reportInput: true })
}
