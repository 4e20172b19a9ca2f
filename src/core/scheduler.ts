/**
 * When delayed work runs, injected beside the clock: timers in production, a fake that tests
 * advance by hand, so the task engine and delivery retries are tested without sleeping.
 */
export interface Scheduler {
  /** Runs `run` after `delayMs`; returns a function that cancels it. */
  after(delayMs: number, run: () => void): () => void
}

/**
 * Node timers, unref'd so pending work never holds a process open. Work due now runs on the next
 * turn of the event loop rather than a timer's 1 ms minimum: an `instant` task has finished
 * before its creator's first poll arrives.
 */
export const timerScheduler: Scheduler = {
  after(delayMs, run) {
    if (delayMs <= 0) {
      const immediate = setImmediate(run)
      immediate.unref()
      return () => clearImmediate(immediate)
    }
    const timer = setTimeout(run, delayMs)
    timer.unref()
    return () => clearTimeout(timer)
  },
}

/** Resolves after `delayMs` on the scheduler. */
export function sleep(scheduler: Scheduler, delayMs: number): Promise<void> {
  return new Promise((resolve) => scheduler.after(delayMs, resolve))
}
