/**
 * How long a task waits in the queue and runs. Three named profiles, chosen globally
 * (config `timing`) or per request (`X-Emulator-Timing`), or explicit milliseconds.
 */
import type { Random } from '../random.js'

export type TimingProfile = 'instant' | 'fast' | 'realistic'
export const TIMING_PROFILES: readonly TimingProfile[] = ['instant', 'fast', 'realistic']

export interface Timing {
  /** Milliseconds in the queue before running. */
  queueMs: number
  /** Milliseconds running before the result is ready. */
  runMs: number
}

type Range = readonly [min: number, max: number]

/**
 * `fast` stays under a second while a client polling every 50 ms still sees each status;
 * `realistic` spans the seconds to a minute the real services take (aivideoapi reports costTime
 * up to 70).
 */
const PROFILES: Record<TimingProfile, { queue: Range; run: Range }> = {
  instant: { queue: [0, 0], run: [0, 0] },
  fast: { queue: [100, 200], run: [250, 450] },
  realistic: { queue: [1_000, 5_000], run: [10_000, 60_000] },
}

/** A concrete timing for one task: a profile's ranges sampled with the seeded generator. */
export function sampleTiming(profile: TimingProfile, random: Random): Timing {
  const { queue, run } = PROFILES[profile]
  const pick = ([min, max]: Range) => Math.round(min + (max - min) * random.next())
  return { queueMs: pick(queue), runMs: pick(run) }
}

/** Parses `queue=100;run=300` (milliseconds); undefined when the text is not in that form. */
export function parseExplicitTiming(text: string): Timing | undefined {
  const match = /^\s*queue\s*=\s*(\d{1,7})\s*;\s*run\s*=\s*(\d{1,7})\s*$/.exec(text)
  return match ? { queueMs: Number(match[1]), runMs: Number(match[2]) } : undefined
}
