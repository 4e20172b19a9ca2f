/**
 * The emulator's own settings, every default in one place; each provider's settings live in its
 * folder and are joined to these in config.ts.
 */
import { z } from 'zod'
import { TIMING_PROFILES } from './core/tasks/timing.js'
import { targetPattern } from './core/callbacks/target-policy.js'
import { MINUTES_RETRY_DELAYS, RetryDelays } from './core/callbacks/retry-schedule.js'

const MB = 1024 * 1024

export const CoreConfigSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(4010),
  host: z.string().min(1).default('127.0.0.1'),
  /** Origin used in absolute URLs (image links); unset means the request's own origin. */
  publicUrl: z.url().optional(),
  /** Seeds every random choice: ids, accents, revised prompts, chaos. */
  seed: z.string().default('gpt-image-emulator'),
  /**
   * When set, the emulator's clock starts at this instant, so timestamps repeat from run to run.
   */
  startTime: z.iso.datetime({ offset: true }).optional(),
  /** Providers to mount; every provider by default (config.ts names them). */
  providers: z.array(z.string()).min(1).optional(),
  /** One line per request: `pretty` for a terminal, `json` for log collectors, `off`. */
  log: z.enum(['pretty', 'json', 'off']).default('off'),
  /**
   * `emulate` answers every provider request itself; `record` forwards them to `upstreams` and
   * writes cassettes; `replay` answers from cassettes only.
   */
  mode: z.enum(['emulate', 'record', 'replay']).default('emulate'),
  /** Base URL per provider for record mode (config.ts names the providers). */
  upstreams: z.record(z.string(), z.url()).default({}),
  /** Folder of the cassettes: `<provider>.har` and `blobs/`. */
  cassettes: z.string().min(1).default('cassettes'),
  /**
   * In replay, a request no recording matches gets an error (`error`) or is emulated (`emulate`).
   */
  replayMissing: z.enum(['error', 'emulate']).default('error'),
  /**
   * In replay, whether the key takes part in matching: `ignore` (any key replays any recording) or
   * `prefix` (its first three characters must match the recording's, e.g. `sk-`).
   */
  replayMatchKey: z.enum(['ignore', 'prefix']).default('ignore'),
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
      /** Bodies sent to the control plane (`/__emulator`): small JSON settings, never uploads. */
      controlBodyBytes: z
        .number()
        .int()
        .positive()
        .default(1 * MB),
    })
    .prefault({}),
  images: z
    .object({
      /**
       * Bytes of rendered images kept; past it the least recently used are dropped and rendered
       * again, identically, when next fetched.
       */
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
      /**
       * Bytes of uploaded and replayed images kept for `/files/...` URLs; the least recently
       * used are dropped first. Generated images are recipes and need no room here.
       */
      fileStoreBytes: z
        .number()
        .int()
        .min(0)
        .default(64 * MB),
      /**
       * URLs of generated images no task owns (synchronous answers) kept servable, most recent
       * first; a task's image URLs live as long as the task.
       */
      looseRecipes: z.number().int().min(0).default(10_000),
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
      /** Requests kept per namespace; its oldest are dropped first. 0 turns the journal off. */
      maxEntries: z.number().int().min(0).default(1000),
      /** Namespaces journaled at once; past it the least recently used one is forgotten. */
      maxNamespaces: z.number().int().min(1).default(100),
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
      /**
       * Attempts per callback, the first included, under `instant` and `fast` timing (aivideoapi
       * documents 3); a provider's `callbacks.retryDelaysMs` replaces this and `backoffMs`.
       */
      maxAttempts: z.number().int().min(1).max(20).default(3),
      /** Wait before the second attempt under `instant` and `fast`; each later wait doubles. */
      backoffMs: z.number().int().min(0).default(1000),
      /**
       * Waits before each retry under `realistic` timing, for providers that document none
       * (aivideoapi's own 3 and 10 minutes are in its section).
       */
      realisticRetryDelaysMs: RetryDelays.default([...MINUTES_RETRY_DELAYS]),
      /** How long one attempt may take. */
      timeoutMs: z.number().int().positive().default(5000),
      /** Callback targets (CIDRs or host names) allowed; empty allows any not denied. */
      allow: z.array(targetPattern).default([]),
      /** Callback targets refused, beside the always refused link-local and metadata ones. */
      deny: z.array(targetPattern).default([]),
      /** Bytes of finished deliveries' bodies kept to send again (the dashboard's redeliver). */
      redeliverBytes: z
        .number()
        .int()
        .min(0)
        .default(32 * MB),
    })
    .prefault({}),
  /** When set, every control-plane route but health needs `Authorization: Bearer <token>`. */
  adminToken: z.string().min(1).optional(),
  /** Replicas that name the same Redis share all their state through it; in memory when unset. */
  redis: z
    .object({
      /** `redis://[:password@]host:port[/db]` (or `rediss://` for TLS). */
      url: z
        .string()
        .regex(/^rediss?:\/\/[^/]/, 'a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379')
        .optional(),
      /** Put before every key, so several emulator deployments can share one Redis. */
      keyPrefix: z.string().min(1).default('gpt-image-emulator:'),
      /** How long a replica's claim on a task step or delivery attempt lasts if it dies. */
      leaseMs: z.number().int().min(100).default(5_000),
      /** How often each replica looks for due work any replica scheduled. */
      pollMs: z.number().int().min(10).default(100),
    })
    .prefault({}),
  shutdown: z
    .object({
      /** How long in-flight requests and due callbacks get after a signal (docker waits 10 s). */
      graceMs: z.number().int().min(0).default(10_000),
    })
    .prefault({}),
})

export type CoreConfig = z.infer<typeof CoreConfigSchema>
