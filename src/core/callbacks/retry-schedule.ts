/**
 * How long a callback waits before each retry, per provider and timing profile. Under `instant`
 * and `fast` timing, seconds (the core `callbacks.maxAttempts` and doubling `backoffMs`), so a
 * test sees every retry; under `realistic`, minutes, as the real services retry: a provider's
 * documented schedule where it has one, `callbacks.realisticRetryDelaysMs` otherwise. A
 * provider's `callbacks` section overrides either.
 */
import { z } from 'zod'
import type { TimingProfile } from '../tasks/timing.js'

/** Waits before the second, third... attempt: at most 19 (20 attempts), each at most a day. */
export const RetryDelays = z
  .array(
    z
      .number()
      .int()
      .min(0)
      .max(24 * 60 * 60 * 1000),
  )
  .max(19)

/** 1, 5 and 15 minutes: the default where a provider documents no schedule. */
export const MINUTES_RETRY_DELAYS: readonly number[] = [60_000, 300_000, 900_000]

/**
 * A provider's `callbacks` settings section; `realistic` is its documented (or inferred)
 * schedule, the core default when omitted.
 */
export function providerRetrySettings(realistic?: readonly number[]) {
  return z
    .object({
      /** Waits under `instant` and `fast` timing; the core `maxAttempts`/`backoffMs` when unset. */
      retryDelaysMs: RetryDelays.optional(),
      /** Waits under `realistic` timing; the core `realisticRetryDelaysMs` when unset. */
      realisticRetryDelaysMs: realistic
        ? RetryDelays.default([...realistic])
        : RetryDelays.optional(),
    })
    .prefault({})
}

export interface ProviderRetrySettings {
  retryDelaysMs?: readonly number[]
  realisticRetryDelaysMs?: readonly number[]
}

/** The core `callbacks` settings the schedule reads. */
export interface CoreRetryPolicy {
  maxAttempts: number
  backoffMs: number
  realisticRetryDelaysMs: readonly number[]
}

/**
 * The waits for a task of `profile` (undefined: explicit `queue=;run=` milliseconds, which take
 * the quick schedule) from one provider.
 */
export function retryDelaysFor(
  profile: TimingProfile | undefined,
  provider: ProviderRetrySettings | undefined,
  core: CoreRetryPolicy,
): readonly number[] {
  if (profile === 'realistic')
    return provider?.realisticRetryDelaysMs ?? core.realisticRetryDelaysMs
  return provider?.retryDelaysMs ?? doublingDelays(core.maxAttempts, core.backoffMs)
}

/** `maxAttempts - 1` waits, the first `backoffMs`, each later one twice the last. */
export function doublingDelays(maxAttempts: number, backoffMs: number): number[] {
  return Array.from({ length: maxAttempts - 1 }, (_, i) => backoffMs * 2 ** i)
}

/** A provider's `callbacks` section, from its settings (unknown to the mounting code). */
export function retrySettingsOf(settings: unknown): ProviderRetrySettings | undefined {
  if (typeof settings !== 'object' || settings === null || !('callbacks' in settings))
    return undefined
  return settings.callbacks as ProviderRetrySettings
}
