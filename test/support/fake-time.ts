/** A fake clock and scheduler advanced by hand: due callbacks run in order, without sleeping. */
import type { Clock } from '../../src/core/clock.js'
import type { Scheduler } from '../../src/core/scheduler.js'

export interface FakeTime {
  clock: Clock
  scheduler: Scheduler
  /**
   * Moves the clock forward by `ms`, running each callback that falls due on the way in due-time
   * order (ties in scheduling order) with the clock at its due time, and letting promise jobs
   * settle after each one, so async work a callback starts is done before the next runs.
   */
  advance(ms: number): Promise<void>
  /** Advances until nothing is scheduled (callbacks scheduling more are run too). */
  runAll(): Promise<void>
  /** Callbacks scheduled and neither run nor cancelled. */
  pending(): number
}

interface Timer {
  due: number
  order: number
  run: () => void
}

/** Turns of the event loop given to promise jobs after each callback (and before advancing). */
const SETTLE_TURNS = 5
/** runAll gives up past this many callbacks: something reschedules itself forever. */
const MAX_RUN_ALL = 100_000

export function createFakeTime(startMs = 0): FakeTime {
  let now = startMs
  let order = 0
  const timers = new Set<Timer>()

  const clock: Clock = { now: () => now }

  const scheduler: Scheduler = {
    after(delayMs, run) {
      const delay = Number.isFinite(delayMs) && delayMs > 0 ? delayMs : 0
      const timer: Timer = { due: now + delay, order: order++, run }
      timers.add(timer)
      return () => void timers.delete(timer)
    },
  }

  async function settle(): Promise<void> {
    for (let i = 0; i < SETTLE_TURNS; i++)
      await new Promise<void>((resolve) => setImmediate(resolve))
  }

  /** The earliest timer due at or before `limit`, ties broken by scheduling order. */
  function next(limit: number): Timer | undefined {
    let first: Timer | undefined
    for (const timer of timers) {
      if (timer.due > limit) continue
      if (!first || timer.due < first.due || (timer.due === first.due && timer.order < first.order))
        first = timer
    }
    return first
  }

  async function runOne(timer: Timer): Promise<void> {
    timers.delete(timer)
    now = Math.max(now, timer.due)
    timer.run()
    await settle()
  }

  return {
    clock,
    scheduler,
    async advance(ms) {
      if (!(ms >= 0)) throw new RangeError(`advance(${ms}): time only moves forward`)
      const target = now + ms
      await settle()
      for (let timer = next(target); timer; timer = next(target)) await runOne(timer)
      now = target
    },
    async runAll() {
      await settle()
      for (let ran = 0; timers.size > 0; ran++) {
        if (ran >= MAX_RUN_ALL) throw new Error(`runAll: still busy after ${MAX_RUN_ALL} callbacks`)
        await runOne(next(Infinity)!)
      }
    },
    pending: () => timers.size,
  }
}
