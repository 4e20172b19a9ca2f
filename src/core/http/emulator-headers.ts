/**
 * `X-Emulator-*` request headers: per-request steering that is never a provider's business.
 * Every header is parsed here; a misspelt name or a bad value is refused with a 400 that names it,
 * so a test never runs on a silent default.
 */
import type { Context } from 'hono'
import { EmulatorError } from '../emulator-error.js'
import type { Random } from '../random.js'
import { TIMING_PROFILES, parseExplicitTiming, sampleTiming, type Timing, type TimingProfile } from '../tasks/timing.js'

export const EMULATOR_HEADERS = {
  /** Answer with this entry of the provider's error catalogue instead of doing the work. */
  error: 'x-emulator-error',
  /** Seed for this request's random choices (image accents, revised prompts). */
  seed: 'x-emulator-seed',
  /** Timing of the task this request creates: a profile name or `queue=<ms>;run=<ms>`. */
  timing: 'x-emulator-timing',
  /** Isolates this request's tasks, credits and deliveries from other namespaces. */
  namespace: 'x-emulator-namespace',
  /** Milliseconds to wait before answering: `250` or `100-400`. */
  latency: 'x-emulator-latency',
  /** Faults for this request: reset, empty, truncate, malformed, stream-cut:N, task-fail:..., callback-... */
  fault: 'x-emulator-fault',
} as const

export const DEFAULT_NAMESPACE = 'default'
const NAMESPACE = /^[A-Za-z0-9._-]{1,64}$/

const KNOWN = new Set<string>(Object.values(EMULATOR_HEADERS))
const MAX_SEED_LENGTH = 200

/** Refuses any `x-emulator-*` header this emulator does not know, listing the known ones. */
export function assertKnownEmulatorHeaders(headers: Headers): void {
  for (const name of headers.keys()) {
    if (name.startsWith('x-emulator-') && !KNOWN.has(name)) {
      throw new EmulatorError(400, 'unknown_header', `Unknown emulator header '${name}'.`, {
        field: name,
        allowed: [...KNOWN],
      })
    }
  }
}

/** The seed for this request: `X-Emulator-Seed` when sent, else the server's seed. */
export function requestSeed(c: Context, fallback: string): string {
  const value = c.req.header(EMULATOR_HEADERS.seed)
  if (value === undefined) return fallback
  if (value.trim() === '' || value.length > MAX_SEED_LENGTH) {
    throw new EmulatorError(
      400,
      'invalid_header',
      `X-Emulator-Seed must be a non-empty string of at most ${MAX_SEED_LENGTH} characters.`,
      { field: 'X-Emulator-Seed' },
    )
  }
  return value
}

/** The timing of a task created by this request: `X-Emulator-Timing`, else the configured profile. */
export function requestTiming(c: Context, profile: TimingProfile, random: Random): Timing {
  const value = c.req.header(EMULATOR_HEADERS.timing)?.trim()
  if (value === undefined) return sampleTiming(profile, random)
  if ((TIMING_PROFILES as readonly string[]).includes(value)) return sampleTiming(value as TimingProfile, random)
  const explicit = parseExplicitTiming(value)
  if (explicit) return explicit
  throw new EmulatorError(400, 'invalid_header', `Invalid X-Emulator-Timing '${value}'.`, {
    field: 'X-Emulator-Timing',
    allowed: [...TIMING_PROFILES, 'queue=<ms>;run=<ms>'],
  })
}

/** The namespace of this request: `X-Emulator-Namespace`, else `default`. */
export function requestNamespace(c: Context): string {
  const value = c.req.header(EMULATOR_HEADERS.namespace)
  if (value === undefined) return DEFAULT_NAMESPACE
  if (!NAMESPACE.test(value)) {
    throw new EmulatorError(400, 'invalid_header', 'X-Emulator-Namespace must be 1-64 characters of A-Z, a-z, 0-9, ".", "_" or "-".', {
      field: 'X-Emulator-Namespace',
    })
  }
  return value
}

/** The namespace of this request, or `default` when its header is malformed (for logging and ids). */
export function namespaceOrDefault(c: Context): string {
  try {
    return requestNamespace(c)
  } catch {
    return DEFAULT_NAMESPACE
  }
}
