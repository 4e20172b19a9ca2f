/**
 * What a delivery is, as data: the request to send, its attempts, its summary, the policy for
 * retrying it. The in-memory queue, the Redis store and the rules they share all speak it.
 */
import type { CallbackFault } from '../faults/fault-actions.js'
import type { AttemptHeaders } from './attempt-headers.js'

export interface DeliveryRequest {
  id: string
  provider: string
  namespace: string
  taskId: string
  /** The event name: `task.completed`, `callback`... */
  event: string
  url: string
  body: string
  /** Headers of each attempt, rebuilt per attempt so signatures carry a fresh timestamp. */
  headers: AttemptHeaders
  /**
   * Whether this is the task's last event (out-of-order delivery releases held events then); true
   * when omitted.
   */
  terminal?: boolean
  /** Injected faults: failed first attempts, a duplicate, held and reversed order. */
  faults?: CallbackFault
  /**
   * Waits before the second, third... attempt (core/callbacks/retry-schedule.ts); attempts are
   * one more than its length. The policy's doubling backoff when omitted.
   */
  retryDelaysMs?: readonly number[]
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed'

export interface DeliveryAttempt {
  deliveryId: string
  provider: string
  namespace: string
  taskId: string
  event: string
  url: string
  /** 1 for the first try. */
  attempt: number
  /** Milliseconds since the epoch when the attempt started. */
  at: number
  /** HTTP status of the answer, or null when there was none (timeout, refused, reset). */
  status: number | null
  latencyMs: number
  error: string | null
  /** What happened next: delivered, another attempt scheduled, or given up. */
  outcome: 'delivered' | 'retrying' | 'failed'
}

export interface DeliverySummary {
  id: string
  provider: string
  namespace: string
  taskId: string
  event: string
  url: string
  status: DeliveryStatus
  attempts: number
}

export interface DeliveryPolicy {
  /** Attempts of a request without its own `retryDelaysMs`. */
  maxAttempts: number
  /** Wait before the second attempt of such a request; each later wait doubles. */
  backoffMs: number
  timeoutMs: number
  /** Bytes of bodies kept so finished deliveries can be sent again; the oldest go first. */
  redeliverBytes: number
}

/** What a redeliver found: the delivery, now pending again, or why it cannot be sent. */
export type RedeliverResult =
  { sent: DeliverySummary } | { refused: 'unknown' | 'pending' | 'forgotten' }

/** What the log needs beside the attempt: its place in the schedule and what comes next. */
export interface AttemptReport {
  /** `scheduled` attempts follow the schedule; the others are extra copies, never retried. */
  kind: 'scheduled' | 'duplicate' | 'redeliver'
  maxAttempts: number
  /** The wait before the next attempt, or null when none follows. */
  nextAttemptInMs: number | null
}
