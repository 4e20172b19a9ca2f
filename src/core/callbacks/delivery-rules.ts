/**
 * The decisions every delivery store makes alike, in memory or shared on Redis: how an attempt is
 * made (an injected failure, or a POST), what it leads to (delivered, another attempt after which
 * wait, or given up), the attempt's log record and the delivery's summary. The stores only keep
 * state and timers, so a delivery behaves the same whichever store, or replica, sends it.
 */
import type { Clock } from '../clock.js'
import type { Scheduler } from '../scheduler.js'
import { attemptHeaders } from './attempt-headers.js'
import { describeNetworkError, postCallback } from './post-callback.js'
import { doublingDelays } from './retry-schedule.js'
import type {
  AttemptReport,
  DeliveryAttempt,
  DeliveryPolicy,
  DeliveryRequest,
  DeliveryStatus,
  DeliverySummary,
} from './delivery.js'

/** Deliveries kept, each with its attempts; past it the oldest finished ones go first. */
export const MAX_KEPT_DELIVERIES = 10_000

/** Between the held events of an out-of-order task when they are released, newest first. */
export const OUT_OF_ORDER_SPACING_MS = 10

/** `scheduled` attempts follow the schedule; the others are extra copies, never retried. */
export type AttemptKind = AttemptReport['kind']

/** The attempt a delivery makes next: its number (1 for the first try) and kind. */
export interface NextAttempt {
  number: number
  kind: AttemptKind
}

/** What came back from one attempt, before it is judged. */
export interface AttemptResult {
  /** Milliseconds since the epoch when the attempt started. */
  at: number
  status: number | null
  error: string | null
  latencyMs: number
}

/** What an attempt leads to, decided once for every store. */
export interface AttemptVerdict {
  record: DeliveryAttempt
  report: AttemptReport
  /** The attempt that follows and the wait before it, or null when the delivery is finished. */
  next: (NextAttempt & { afterMs: number }) | null
  /** The delivery's final status when `next` is null. */
  settled: Exclude<DeliveryStatus, 'pending'> | null
}

export interface AttemptContext {
  clock: Clock
  scheduler: Scheduler
  send: typeof fetch
  timeoutMs: number
  /** Attempts on the wire, so a shutdown can abort them. */
  inFlight: Set<AbortController>
}

/** A request's waits and attempt count: its own `retryDelaysMs`, else the policy's doubling. */
export function retryPlan(policy: Pick<DeliveryPolicy, 'maxAttempts' | 'backoffMs'>) {
  const policyDelays = doublingDelays(policy.maxAttempts, policy.backoffMs)
  const delaysOf = (request: DeliveryRequest) => request.retryDelaysMs ?? policyDelays
  return {
    /** Attempts are one more than waits. */
    maxAttemptsOf: (request: DeliveryRequest) => delaysOf(request).length + 1,
    /** The wait after failed attempt `number` (1-based), which is never the last. */
    delayAfter: (request: DeliveryRequest, number: number) => delaysOf(request)[number - 1] ?? 0,
  }
}

export type RetryPlan = ReturnType<typeof retryPlan>

/**
 * Makes one attempt. A `scheduled` attempt within the callback-fail fault's count fails without
 * sending; a `duplicate` or `redeliver` copy is always sent. Never throws: no answer is an error.
 */
export async function makeAttempt(
  request: DeliveryRequest,
  next: NextAttempt,
  context: AttemptContext,
): Promise<AttemptResult> {
  const { clock, scheduler, send, timeoutMs, inFlight } = context
  const at = clock.now()
  let status: number | null = null
  let error: string | null = null
  const injected = next.kind === 'scheduled' && next.number <= (request.faults?.failFirst ?? 0)
  if (injected) error = 'injected failure (callback-fail fault): not sent'
  else
    try {
      const headers = attemptHeaders(request.headers, at, request.body)
      const post = { url: request.url, body: request.body, headers }
      status = await postCallback(post, { send, scheduler, timeoutMs, inFlight })
      if (status < 200 || status >= 300) error = `HTTP ${status}`
    } catch (err) {
      error = describeNetworkError(err, timeoutMs)
    }
  return { at, status, error, latencyMs: clock.now() - at }
}

/**
 * What an attempt leads to: a failed scheduled attempt is retried after the schedule's wait until
 * the last; a delivered one under the callback-duplicate fault is sent once more at once (the same
 * id: at-least-once made visible); a duplicate or redeliver copy is never retried, and a duplicate
 * never changes the delivery's outcome (it was delivered).
 */
export function judgeAttempt(
  request: DeliveryRequest,
  attempt: NextAttempt,
  result: AttemptResult,
  plan: RetryPlan,
): AttemptVerdict {
  const { number, kind } = attempt
  const delivered = result.error === null
  const maxAttempts = plan.maxAttemptsOf(request)
  const outcome: DeliveryAttempt['outcome'] = delivered
    ? 'delivered'
    : kind !== 'scheduled' || number >= maxAttempts
      ? 'failed'
      : 'retrying'
  const record: DeliveryAttempt = {
    deliveryId: request.id,
    provider: request.provider,
    namespace: request.namespace,
    taskId: request.taskId,
    event: request.event,
    url: request.url,
    attempt: number,
    ...result,
    outcome,
  }
  const wait = outcome === 'retrying' ? plan.delayAfter(request, number) : null
  const report: AttemptReport = { kind, maxAttempts, nextAttemptInMs: wait }
  if (wait !== null)
    return { record, report, next: { number: number + 1, kind, afterMs: wait }, settled: null }
  if (delivered && request.faults?.duplicate && kind === 'scheduled')
    return {
      record,
      report,
      next: { number: number + 1, kind: 'duplicate', afterMs: 0 },
      settled: null,
    }
  const settled = kind === 'duplicate' ? 'delivered' : (outcome as 'delivered' | 'failed')
  return { record, report, next: null, settled }
}

/** A newly queued delivery: pending, no attempt yet. */
export function newSummary(request: DeliveryRequest): DeliverySummary {
  const { id, provider, namespace, taskId, event, url } = request
  return { id, provider, namespace, taskId, event, url, status: 'pending', attempts: 0 }
}

/** The bytes a kept request counts against `redeliverBytes`. */
export const requestBytes = (request: DeliveryRequest) => Buffer.byteLength(request.body) + 1

/** Out-of-order events are held per task: a task's group key. */
export const holdGroup = (request: DeliveryRequest) => `${request.namespace}\u0000${request.taskId}`

export interface DeliveryFilter {
  namespace?: string
  taskId?: string
  provider?: string
}

export const matchesFilter =
  (filter: DeliveryFilter) => (item: { namespace: string; taskId: string; provider: string }) =>
    (filter.namespace === undefined || item.namespace === filter.namespace) &&
    (filter.taskId === undefined || item.taskId === filter.taskId) &&
    (filter.provider === undefined || item.provider === filter.provider)
