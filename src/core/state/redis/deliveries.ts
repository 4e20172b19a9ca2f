/**
 * The callback/webhook delivery queue shared on Redis by every replica: each lists every delivery
 * and attempt, and each attempt is sent by exactly one replica. An attempt falls due in a sorted
 * set; a replica claims it atomically with a lease (its score moves to the lease's end), sends it,
 * and records the result with what follows in one script, if its claim still holds. A replica that
 * dies mid-attempt leaves its claim to lapse, and another takes the attempt over. Local timers
 * send what this replica scheduled on time; a poll loop picks up everything else that is due.
 * What an attempt leads to is decided by core/callbacks/delivery-rules.ts, as in memory.
 */
import { randomUUID } from 'node:crypto'
import type { DeliveryQueueOptions, DeliveryStore } from '../../callbacks/delivery-queue.js'
import type {
  DeliveryAttempt,
  DeliveryRequest,
  DeliveryStatus,
  DeliverySummary,
  RedeliverResult,
} from '../../callbacks/delivery.js'
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
  type DeliveryFilter,
  type NextAttempt,
} from '../../callbacks/delivery-rules.js'
import { sleep } from '../../scheduler.js'
import type { RedisContext } from './connection.js'
import { runDeliveryScript, type DeliveryScript } from './delivery-scripts.js'

export interface RedisDeliveryStoreOptions extends DeliveryQueueOptions {
  /** Names this replica in its claims; random when omitted. */
  replicaId?: string
  /**
   * How long a claimed attempt stays this replica's before another may take it over: longer than
   * an attempt can take (`policy.timeoutMs`), or a slow attempt is sent twice. Default: the
   * timeout plus 5 s.
   */
  leaseMs?: number
  /** How often due attempts of any replica are looked for, and idle() looks again. Default 100. */
  pollMs?: number
  /** Attempts claimed per look at most. Default 32. */
  claimBatch?: number
  /** A background step failed (Redis away): it is retried on the next poll; for the log. */
  onError?: (err: unknown) => void
}

/** An attempt this replica holds the claim on. */
interface Claim {
  id: string
  token: string
  next: NextAttempt
  request: DeliveryRequest
  /** On the clock: past it another replica may take the attempt over. */
  leaseEnd: number
}

const encodeNext = (next: NextAttempt) => `${String(next.number)}:${next.kind}`

function decodeNext(value: string): NextAttempt {
  const [number, kind] = value.split(':')
  return { number: Number(number), kind: kind as AttemptKind }
}

/** A namespace filter is answered by Redis; the others are filtered here. */
const scope = (filter: DeliveryFilter) =>
  filter.namespace === undefined ? ['all', ''] : ['one', filter.namespace]

export function createRedisDeliveryStore(
  ctx: RedisContext,
  options: RedisDeliveryStoreOptions,
): DeliveryStore {
  const { clock, scheduler, policy, fetch: send = fetch, onChange, onAttempt, onError } = options
  const replicaId = options.replicaId ?? randomUUID()
  const leaseMs = options.leaseMs ?? policy.timeoutMs + 5_000
  const pollMs = options.pollMs ?? 100
  const claimBatch = options.claimBatch ?? 32
  const plan = retryPlan(policy)
  const root = `${ctx.prefix}deliveries:`
  const run = (script: DeliveryScript, args: (string | number)[]) =>
    runDeliveryScript(ctx.redis, root, script, args)

  /** Local timers: attempts this replica scheduled, and the poll loop. */
  const timers = new Set<() => void>()
  /** Attempts on the wire, aborted at a drain's deadline or on close. */
  const inFlight = new Set<AbortController>()
  /** Claims and attempts under way, which a drain waits for. */
  const running = new Set<Promise<void>>()
  /** False once draining or closed: nothing more is claimed. */
  let claiming = true
  /** Closed: results are no longer recorded (the claims lapse for the other replicas). */
  let closed = false

  /** Tells onError; one that throws is not let escape a background step as a rejection. */
  const report = (err: unknown) => {
    try {
      onError?.(err)
    } catch {
      // Nothing more to tell it with.
    }
  }

  function later(delayMs: number, task: () => void): void {
    if (!claiming) return
    const cancel = scheduler.after(delayMs, () => {
      timers.delete(cancel)
      task()
    })
    timers.add(cancel)
  }

  function track(work: Promise<void>): Promise<void> {
    running.add(work)
    // Settled either way: a rejection here (an onError that threw) must not go unhandled.
    const done = () => void running.delete(work)
    work.then(done, done)
    return work
  }

  /** Claims one attempt (when `only` is due) or any due ones, and sends them; never rejects. */
  function claim(only = ''): Promise<number> {
    if (!claiming) return Promise.resolve(0)
    const now = clock.now()
    const leaseEnd = now + leaseMs
    const claimed = run('claim', [now, leaseEnd, replicaId, claimBatch, only]).then(
      (reply) => {
        const rows = reply as string[]
        for (let i = 0; i < rows.length; i += 4) {
          const [id, token, next, request] = rows.slice(i, i + 4) as [
            string,
            string,
            string,
            string,
          ]
          const held: Claim = {
            id,
            token,
            next: decodeNext(next),
            request: JSON.parse(request) as DeliveryRequest,
            leaseEnd,
          }
          // Closed meanwhile: like a killed replica, the claim lapses and another sends it.
          if (!closed) void track(attempt(held).catch(report))
        }
        return rows.length / 4
      },
      (err: unknown) => {
        report(err)
        return 0
      },
    )
    void track(claimed.then(() => undefined))
    return claimed
  }

  async function attempt(held: Claim): Promise<void> {
    const { id, token, next, request } = held
    const context = { clock, scheduler, send, timeoutMs: policy.timeoutMs, inFlight }
    const result = await makeAttempt(request, next, context)
    if (closed) return
    const verdict = judgeAttempt(request, next, result, plan)
    const following = verdict.next
    const args = [
      id,
      token,
      next.number,
      JSON.stringify(verdict.record),
      following ? clock.now() + following.afterMs : '',
      following ? encodeNext(following) : '',
      verdict.settled ?? '',
    ]
    if (!(await recordUntilLeaseEnds(args, held.leaseEnd))) return // reset, or taken over
    onChange?.(request.namespace)
    onAttempt?.(verdict.record, verdict.report)
    if (following) later(following.afterMs, () => void claim(id))
  }

  /** Records a result, retrying while Redis is away for as long as the claim is ours. */
  async function recordUntilLeaseEnds(args: (string | number)[], leaseEnd: number) {
    for (;;) {
      try {
        return (await run('record', args)) === 1
      } catch (err) {
        report(err)
        if (closed || clock.now() + pollMs >= leaseEnd) return false
        await sleep(scheduler, pollMs)
      }
    }
  }

  function poll(): void {
    later(pollMs, () => {
      void claim().then((count) => {
        // A full batch: more may be due at once.
        if (count >= claimBatch) later(0, poll)
        else poll()
      })
    })
  }
  poll()

  async function pendingCount(): Promise<number> {
    return ctx.redis.scard(`${root}pending`)
  }

  return {
    async enqueue(request) {
      const { status: _status, attempts: _attempts, ...info } = newSummary(request)
      const due = (await run('enqueue', [
        request.id,
        request.namespace,
        JSON.stringify(info),
        JSON.stringify(request),
        requestBytes(request),
        Math.max(1, policy.redeliverBytes),
        clock.now(),
        request.faults?.outOfOrder ? holdGroup(request) : '',
        request.terminal === false ? '0' : '1',
        OUT_OF_ORDER_SPACING_MS,
        MAX_KEPT_DELIVERIES,
      ])) as string[]
      onChange?.(request.namespace)
      for (let i = 0; i < due.length; i += 2) {
        const id = due[i]!
        later(Number(due[i + 1]), () => void claim(id))
      }
    },

    async attempts(filter = {}) {
      const rows = (await run('listAttempts', scope(filter))) as string[]
      return rows
        .map((row) => {
          const space = row.indexOf(' ')
          const attempt = JSON.parse(row.slice(space + 1)) as DeliveryAttempt
          return { seq: Number(row.slice(0, space)), attempt }
        })
        .sort((a, b) => a.seq - b.seq)
        .map((logged) => logged.attempt)
        .filter(matchesFilter(filter))
    },

    async deliveries(filter = {}) {
      const rows = (await run('listDeliveries', scope(filter))) as string[]
      const summaries: DeliverySummary[] = []
      for (let i = 0; i < rows.length; i += 3) {
        const [info, status, attempts] = rows.slice(i, i + 3) as [string, DeliveryStatus, string]
        if (info === '') continue // an id without its fields: never left by the scripts
        const fixed = JSON.parse(info) as Omit<DeliverySummary, 'status' | 'attempts'>
        summaries.push({ ...fixed, status, attempts: Number(attempts) })
      }
      return summaries.filter(matchesFilter(filter))
    },

    async redeliver(id, namespace): Promise<RedeliverResult> {
      const reply = (await run('redeliver', [id, namespace, clock.now()])) as string[]
      const [verdict, info, attempts] = reply
      if (verdict !== 'sent' || info === undefined)
        return { refused: verdict as 'unknown' | 'pending' | 'forgotten' }
      onChange?.(namespace)
      later(0, () => void claim(id))
      const fixed = JSON.parse(info) as Omit<DeliverySummary, 'status' | 'attempts'>
      return { sent: { ...fixed, status: 'pending', attempts: Number(attempts) } }
    },

    /**
     * Resolves once no delivery is pending on any replica (looked at every `pollMs`) and this
     * replica has told (`onAttempt`, `onChange`) every attempt it recorded: a result is recorded
     * in Redis a moment before it is told here, and memory's idle() resolves only after both.
     */
    async idle() {
      for (;;) {
        try {
          if ((await pendingCount()) === 0) {
            // Its attempts recorded by now are all among those running: one look suffices.
            await Promise.allSettled([...running])
            return
          }
        } catch (err) {
          report(err)
        }
        await sleep(scheduler, pollMs)
      }
    },

    /**
     * One replica's shutdown: it stops claiming, lets its attempts in flight end (aborted at the
     * deadline, and recorded so: a retry is scheduled as usual) and leaves every pending delivery
     * in Redis for the other replicas, or for the next one to start. So nothing is left
     * undelivered by this replica: it resolves with [].
     */
    async drain(deadline) {
      claiming = false
      for (const cancel of timers) cancel()
      timers.clear()
      const stop = scheduler.after(Math.max(0, deadline - clock.now()), () => {
        const shutdown = new DOMException('stopped: the emulator is shutting down', 'ShutdownError')
        for (const abort of inFlight) abort.abort(shutdown)
      })
      while (running.size > 0) await Promise.allSettled([...running])
      stop()
      return []
    },

    async reset(namespace) {
      await run('reset', namespace === undefined ? ['all', ''] : ['one', namespace])
    },

    /**
     * Stops this replica's timers and poll loop and abandons its attempts in flight, unrecorded:
     * to the other replicas it is as if it had died, and they take its claims over once their
     * leases end. Shared deliveries are left as they are; drain() first for a clean shutdown.
     */
    close() {
      claiming = false
      closed = true
      for (const cancel of timers) cancel()
      timers.clear()
      const closing = new DOMException('stopped: the delivery store was closed', 'ShutdownError')
      for (const abort of inFlight) abort.abort(closing)
    },
  }
}
