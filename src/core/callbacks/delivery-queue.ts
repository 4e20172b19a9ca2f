/**
 * Delivers callbacks and webhooks the way production senders do: POST with a timeout, retried
 * on a non-2xx answer or a network error after each wait of the request's schedule (or, without
 * one, the policy's doubling backoff), then given up (at-least-once). Every attempt is logged with
 * its delivery, and the two are dropped together, so a kept delivery always shows its attempts. Nothing here runs on a request's path: `enqueue`
 * returns at once and attempts run on timers. Replies are never read: only their status counts.
 * What an attempt leads to is decided in delivery-rules.ts, shared with the Redis store.
 */
import type { Clock } from '../clock.js'
import type { Scheduler } from '../scheduler.js'
import { LRUCache } from 'lru-cache'
import type { Async } from '../state/async.js'
import type {
  AttemptReport,
  DeliveryAttempt,
  DeliveryPolicy,
  DeliveryRequest,
  DeliveryStatus,
  DeliverySummary,
  RedeliverResult,
} from './delivery.js'
import {
  MAX_KEPT_DELIVERIES,
  OUT_OF_ORDER_SPACING_MS,
  holdGroup,
  judgeAttempt,
  makeAttempt,
  matchesFilter,
  newSummary,
  requestBytes,
  retryPlan,
  type AttemptKind,
} from './delivery-rules.js'

export interface DeliveryQueue {
  enqueue(request: DeliveryRequest): void
  attempts(filter?: { namespace?: string; taskId?: string; provider?: string }): DeliveryAttempt[]
  deliveries(filter?: { namespace?: string; taskId?: string; provider?: string }): DeliverySummary[]
  /**
   * Sends a finished delivery once more, now, as one more attempt of it (never retried): the
   * dashboard's redeliver button. Fresh headers, so a signature carries a fresh timestamp.
   */
  redeliver(id: string, namespace: string): RedeliverResult
  /** Resolves once nothing is pending, on any replica (tests and benchmarks wait on it). */
  idle(): Promise<void>
  /**
   * For a shutdown: runs the attempts due by `deadline` (ms on the clock) as they fall due, stops
   * the others and any still in flight at the deadline, and resolves with the deliveries left
   * undelivered (marked failed) once nothing is pending. A shared store (Redis) instead leaves
   * what is pending to the other replicas and resolves with [] once its own attempts end.
   */
  drain(deadline: number): Promise<DeliverySummary[]>
  reset(namespace?: string): void
  close(): void
}

/** The delivery queue as every store answers it (in memory, or shared on Redis). */
export type DeliveryStore = Async<DeliveryQueue, 'close'>

export interface DeliveryQueueOptions {
  clock: Clock
  scheduler: Scheduler
  policy: DeliveryPolicy
  /** Sends one attempt; global fetch unless a test passes its own. */
  fetch?: typeof fetch
  /** Called when a delivery of the namespace is queued or makes an attempt. */
  onChange?: (namespace: string) => void
  /** Called after each attempt, for the log: the queue itself never prints. */
  onAttempt?: (attempt: DeliveryAttempt, report: AttemptReport) => void
}

export function createDeliveryQueue(options: DeliveryQueueOptions): DeliveryQueue {
  const { clock, scheduler, policy, fetch: send = fetch, onChange, onAttempt } = options
  const plan = retryPlan(policy)
  /** Each delivery with its attempts, in enqueue order; `seq` orders attempts across them. */
  const deliveries = new Map<string, DeliverySummary>()
  const logs = new Map<string, { seq: number; attempt: DeliveryAttempt }[]>()
  let seq = 0
  /** What was sent, by delivery id, so a finished delivery can be sent again. */
  const sent = new LRUCache<string, DeliveryRequest>({
    // lru-cache needs a positive bound; 0 keeps only what is pending anyway (closures hold it).
    maxSize: Math.max(1, policy.redeliverBytes),
    sizeCalculation: requestBytes,
  })
  const timers = new Map<string, { due: number; cancel: () => void }>()
  /** Attempts on the wire, aborted when a drain's deadline passes. */
  const inFlight = new Set<AbortController>()
  /** Set by drain(): attempts due later than this are not made. */
  let deadline: number | undefined
  /** The deadline has passed: nothing more is attempted. */
  let stopped = false
  const undelivered: DeliverySummary[] = []
  let pending = 0
  let waiters: (() => void)[] = []
  /** Out-of-order deliveries of each task, held until its last event. */
  const held = new Map<string, { request: DeliveryRequest; summary: DeliverySummary }[]>()

  function settle(summary: DeliverySummary, status: DeliveryStatus): void {
    summary.status = status
    pending--
    if (pending === 0) {
      for (const resolve of waiters) resolve()
      waiters = []
    }
  }

  function later(summary: DeliverySummary, delayMs: number, run: () => void): void {
    const due = clock.now() + delayMs
    if (stopped || (deadline !== undefined && due > deadline)) {
      abandon(summary)
      return
    }
    const cancel = scheduler.after(delayMs, () => {
      timers.delete(summary.id)
      run()
    })
    timers.set(summary.id, { due, cancel })
  }

  /** A delivery a shutdown leaves behind: failed, and reported by drain(). */
  function abandon(summary: DeliverySummary): void {
    if (summary.status !== 'pending') return
    undelivered.push(summary)
    settle(summary, 'failed')
  }

  function evictFinished(): void {
    for (const [id, d] of deliveries) {
      if (deliveries.size <= MAX_KEPT_DELIVERIES) break
      if (d.status === 'pending') continue
      deliveries.delete(id)
      logs.delete(id)
      sent.delete(id)
    }
  }

  /** One attempt of a delivery, judged by the rules every store shares (delivery-rules.ts). */
  async function attempt(
    request: DeliveryRequest,
    summary: DeliverySummary,
    number: number,
    kind: AttemptKind = 'scheduled',
  ): Promise<void> {
    const context = { clock, scheduler, send, timeoutMs: policy.timeoutMs, inFlight }
    const result = await makeAttempt(request, { number, kind }, context)
    if (!deliveries.has(summary.id)) return // reset while in flight
    summary.attempts = number
    const { record, report, next, settled } = judgeAttempt(request, { number, kind }, result, plan)
    logs.get(summary.id)?.push({ seq: seq++, attempt: record })
    onChange?.(request.namespace)
    onAttempt?.(record, report)
    if (next)
      later(summary, next.afterMs, () => void attempt(request, summary, next.number, next.kind))
    else settle(summary, settled ?? 'failed')
  }

  const idle = (): Promise<void> =>
    pending === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))

  return {
    enqueue(request) {
      const summary = newSummary(request)
      deliveries.set(request.id, summary)
      logs.set(request.id, [])
      sent.set(request.id, request)
      onChange?.(request.namespace)
      if (deliveries.size > MAX_KEPT_DELIVERIES) evictFinished()
      pending++
      if (!request.faults?.outOfOrder) {
        later(summary, 0, () => void attempt(request, summary, 1))
        return
      }
      const group = holdGroup(request)
      const queue = [...(held.get(group) ?? []), { request, summary }]
      if (request.terminal === false) return void held.set(group, queue)
      held.delete(group)
      // The last event goes first, then the earlier ones, newest first.
      queue
        .reverse()
        .forEach((item, i) =>
          later(
            item.summary,
            i * OUT_OF_ORDER_SPACING_MS,
            () => void attempt(item.request, item.summary, 1),
          ),
        )
    },
    attempts: (filter = {}) =>
      [...logs.values()]
        .flat()
        .sort((a, b) => a.seq - b.seq)
        .map((logged) => logged.attempt)
        .filter(matchesFilter(filter)),
    deliveries: (filter = {}) => [...deliveries.values()].filter(matchesFilter(filter)),
    redeliver(id, namespace) {
      const summary = deliveries.get(id)
      if (summary?.namespace !== namespace) return { refused: 'unknown' }
      if (summary.status === 'pending') return { refused: 'pending' }
      const request = sent.get(id)
      if (!request) return { refused: 'forgotten' }
      summary.status = 'pending'
      pending++
      onChange?.(namespace)
      later(summary, 0, () => void attempt(request, summary, summary.attempts + 1, 'redeliver'))
      return { sent: summary }
    },
    idle,
    drain(until) {
      deadline = until
      for (const [id, timer] of [...timers])
        if (timer.due > until) {
          timer.cancel()
          timers.delete(id)
          const summary = deliveries.get(id)
          if (summary) abandon(summary)
        }
      // Held out-of-order events whose last event never came will not be sent.
      for (const group of held.values()) for (const { summary } of group) abandon(summary)
      held.clear()
      const stop = scheduler.after(Math.max(0, until - clock.now()), () => {
        stopped = true
        const shutdown = new DOMException('stopped: the emulator is shutting down', 'ShutdownError')
        for (const abort of inFlight) abort.abort(shutdown)
      })
      return idle().then(() => {
        stop()
        return [...undelivered]
      })
    },
    reset(namespace) {
      for (const [id, d] of [...deliveries]) {
        if (namespace !== undefined && d.namespace !== namespace) continue
        timers.get(id)?.cancel()
        timers.delete(id)
        deliveries.delete(id)
        logs.delete(id)
        sent.delete(id)
        if (d.status === 'pending') settle(d, 'failed')
      }
      for (const group of [...held.keys()])
        if (namespace === undefined || group.startsWith(`${namespace}\u0000`)) held.delete(group)
    },
    close() {
      for (const timer of timers.values()) timer.cancel()
      timers.clear()
    },
  }
}
