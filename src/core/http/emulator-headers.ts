/**
 * `X-Emulator-*` request headers: per-request steering that is never a provider's business.
 * Every header is parsed here; a misspelt name or a bad value is refused with a 400 that names it,
 * so a test never runs on a silent default.
 */
import type { Context } from 'hono'
import { EmulatorError } from '../emulator-error.js'

export const EMULATOR_HEADERS = {
  /** Answer with this entry of the provider's error catalogue instead of doing the work. */
  error: 'x-emulator-error',
  /** Seed for this request's random choices (image accents, revised prompts). */
  seed: 'x-emulator-seed',
} as const

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

/** The catalogue entry named by `X-Emulator-Error`, if the header is present. */
export function forcedErrorName(c: Context, catalogue: readonly string[]): string | undefined {
  const value = c.req.header(EMULATOR_HEADERS.error)?.trim()
  if (value === undefined) return undefined
  if (!catalogue.includes(value)) {
    throw new EmulatorError(400, 'invalid_header', `Invalid X-Emulator-Error '${value}' for this provider.`, {
      field: 'X-Emulator-Error',
      allowed: [...catalogue],
    })
  }
  return value
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
