/** The emulator's sense of time, injected so tests and seeded runs can control it. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** Whole Unix seconds, the unit most provider timestamps use. */
export function unixSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000)
}

/**
 * A clock that starts at `start` (ms since the epoch) and runs at real speed from the moment it is
 * made, so timestamps in responses repeat from run to run.
 */
export function clockStartingAt(start: number, real: Clock = systemClock): Clock {
  const offset = start - real.now()
  return { now: () => real.now() + offset }
}
