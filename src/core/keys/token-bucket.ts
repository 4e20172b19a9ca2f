/** A token bucket: `capacity` requests at once, refilled at `refillPerSecond`. */

export interface BucketLimits {
  capacity: number
  refillPerSecond: number
}

export interface BucketState {
  tokens: number
  updatedAt: number
}

export interface Take {
  allowed: boolean
  /** Whole tokens left after this request. */
  remaining: number
  /** Seconds until one token is available again (0 when one is). */
  retryAfterSeconds: number
  /** Seconds until the bucket is full again. */
  resetSeconds: number
}

/** Takes one token from `state` at time `now` (ms), mutating it. */
export function takeToken(state: BucketState, limits: BucketLimits, now: number): Take {
  const elapsed = Math.max(0, now - state.updatedAt) / 1000
  state.tokens = Math.min(limits.capacity, state.tokens + elapsed * limits.refillPerSecond)
  state.updatedAt = now
  const allowed = state.tokens >= 1
  if (allowed) state.tokens -= 1
  const missing = Math.max(0, 1 - state.tokens)
  return {
    allowed,
    remaining: Math.floor(state.tokens),
    retryAfterSeconds: allowed ? 0 : missing / limits.refillPerSecond,
    resetSeconds: (limits.capacity - state.tokens) / limits.refillPerSecond,
  }
}
