// Proves the delivery queue shared on Redis: the memory queue's attempts and outcomes, each attempt
// sent by exactly one of two replicas, a dead replica's attempt taken over after its lease, every
// delivery and attempt listed on every replica, and redeliver, drain and reset from any of them.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Redis } from 'ioredis'
import { systemClock } from '../../../src/core/clock.js'
import { timerScheduler } from '../../../src/core/scheduler.js'
import {
  createDeliveryQueue,
  type DeliveryStore,
} from '../../../src/core/callbacks/delivery-queue.js'
import type {
  AttemptReport,
  DeliveryAttempt,
  DeliveryPolicy,
  DeliveryRequest,
} from '../../../src/core/callbacks/delivery.js'
import type { CallbackFault } from '../../../src/core/faults/fault-actions.js'
import { OUT_OF_ORDER_SPACING_MS } from '../../../src/core/callbacks/delivery-rules.js'
import { asAsync } from '../../../src/core/state/async.js'
import {
  createRedisDeliveryStore,
  type RedisDeliveryStoreOptions,
} from '../../../src/core/state/redis/deliveries.js'
import { describeWithRedis } from '../../support/needs-redis.js'
import { useRedis } from '../../support/redis-replicas.js'
import { startReceiver, type Answer, type Receiver } from '../../support/receiver.js'
import { pollUntil } from '../../support/poll.js'
import { createFakeTime } from '../../support/fake-time.js'

// An attempt times out only if the receiver (in this process) takes longer than this to answer:
// on a loaded machine 1 s was not enough, and a timed-out attempt is rightly retried.
const policy: DeliveryPolicy = {
  maxAttempts: 3,
  backoffMs: 20,
  timeoutMs: 5_000,
  redeliverBytes: 1e6,
}

const db = useRedis('deliveries-test')
let one: Redis
let two: Redis
let prefix = ''
const opened: { close(): void }[] = []
const receivers: Receiver[] = []

beforeAll(async () => {
  ;[one, two] = await Promise.all([db.connect(), db.connect()])
})

beforeEach(() => {
  prefix = db.freshPrefix()
})

afterEach(async () => {
  for (const store of opened.splice(0)) store.close()
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()))
})

/** A replica's store on its own connection, under this case's prefix, on real short timings. */
function replica(redis: Redis, options: Partial<RedisDeliveryStoreOptions> = {}): DeliveryStore {
  const store = createRedisDeliveryStore(
    { redis, prefix },
    {
      clock: systemClock,
      scheduler: timerScheduler,
      policy,
      pollMs: 20,
      // Longer than an attempt may take, as the store requires: else a slow attempt is sent twice.
      leaseMs: policy.timeoutMs + 5_000,
      ...options,
    },
  )
  opened.push(store)
  return store
}

async function receiver(answer?: Answer): Promise<Receiver> {
  const started = await startReceiver(answer)
  receivers.push(started)
  return started
}

let ids = 0
function request(url: string, overrides: Partial<DeliveryRequest> = {}): DeliveryRequest {
  const id = `dlv_${String(++ids)}`
  return {
    id,
    provider: 'crun',
    namespace: 'default',
    taskId: `task_${id}`,
    event: 'task.completed',
    url: `${url}/hook`,
    body: JSON.stringify({ id }),
    headers: { fixed: { 'x-signature': 'sig' }, timestampHeader: 'x-timestamp' },
    ...overrides,
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const shape = (attempts: DeliveryAttempt[]) =>
  attempts.map((a) => [a.deliveryId, a.attempt, a.status, a.error, a.outcome])

describeWithRedis('delivery queue on Redis', () => {
  describe.each<[string, number[], CallbackFault | undefined]>([
    ['delivered at once', [200], undefined],
    ['retried, then delivered', [500, 503, 200], undefined],
    ['given up', [500, 500, 500], undefined],
    ['failed first by the callback-fail fault', [500, 200], { failFirst: 1 }],
    ['sent twice by the callback-duplicate fault', [200, 500], { duplicate: true }],
  ])('attempts and outcomes as in memory: %s', (_name, statuses, faults) => {
    it('logs the same attempts, outcomes and reports', async () => {
      const run = async (store: DeliveryStore, reports: AttemptReport[]) => {
        const target = await receiver((index) => statuses[index] ?? 200)
        const sent = request(target.url, { id: 'dlv_same', retryDelaysMs: [20, 20], faults })
        await store.enqueue(sent)
        await store.idle()
        expect(target.received[0]!.headers['x-signature']).toBe('sig')
        return {
          received: target.received.length,
          attempts: shape(await store.attempts()),
          deliveries: (await store.deliveries()).map((d) => [d.id, d.status, d.attempts]),
          reports,
        }
      }
      const memoryReports: AttemptReport[] = []
      const memory = asAsync(
        createDeliveryQueue({
          clock: systemClock,
          scheduler: timerScheduler,
          policy,
          onAttempt: (_attempt, report) => memoryReports.push(report),
        }),
        ['close'],
      )
      opened.push(memory)
      const redisReports: AttemptReport[] = []
      const redis = replica(one, { onAttempt: (_attempt, report) => redisReports.push(report) })

      const expected = await run(memory, memoryReports)
      expect(expected.received).toBe(statuses.length)
      expect(await run(redis, redisReports)).toEqual(expected)
    })
  })

  it('sends each delivery enqueued on either of two replicas exactly once', async () => {
    const target = await receiver()
    const sentBy = { a: 0, b: 0 }
    const a = replica(one, { onAttempt: () => sentBy.a++ })
    const b = replica(two, { onAttempt: () => sentBy.b++ })
    const requests = Array.from({ length: 20 }, () => request(target.url))
    await Promise.all(requests.map((r, i) => (i % 2 === 0 ? a : b).enqueue(r)))
    await a.idle()
    await pause(150) // several polls of both replicas: nothing is sent again
    expect(target.received.map((r) => r.body).sort()).toEqual(requests.map((r) => r.body).sort())
    expect(sentBy.a + sentBy.b).toBe(20)
    for (const store of [a, b]) {
      expect((await store.deliveries()).map((d) => [d.status, d.attempts])).toEqual(
        requests.map(() => ['delivered', 1]),
      )
    }
  })

  it('makes the configured attempts, not one per replica, and lists them on both', async () => {
    const target = await receiver(() => 500)
    const a = replica(one)
    const b = replica(two)
    const sent = request(target.url, { retryDelaysMs: [30, 30, 30] })
    await a.enqueue(sent)
    await b.idle()
    await pause(150)
    expect(target.received).toHaveLength(4)
    const expected = [
      [sent.id, 1, 500, 'HTTP 500', 'retrying'],
      [sent.id, 2, 500, 'HTTP 500', 'retrying'],
      [sent.id, 3, 500, 'HTTP 500', 'retrying'],
      [sent.id, 4, 500, 'HTTP 500', 'failed'],
    ]
    expect(shape(await a.attempts())).toEqual(expected)
    expect(shape(await b.attempts({ taskId: sent.taskId }))).toEqual(expected)
    expect(await b.deliveries()).toMatchObject([{ id: sent.id, status: 'failed', attempts: 4 }])
  })

  it('has another replica send what a replica closed right after enqueueing left', async () => {
    const target = await receiver()
    // A may have claimed the attempt before it closed: B takes it over once the lease ends.
    const a = replica(one, { leaseMs: 300 })
    const b = replica(two, { leaseMs: 300 })
    const sent = request(target.url)
    await a.enqueue(sent)
    a.close()
    await b.idle()
    expect(target.received).toHaveLength(1)
    expect(await a.deliveries()).toMatchObject([{ id: sent.id, status: 'delivered' }])
  })

  it("takes over a dead replica's attempt once its lease ends", async () => {
    const leaseMs = 300
    // The first request is never answered: its sender dies with it on the wire.
    const target = await receiver((index) => (index === 0 ? 'hang' : 200))
    const a = replica(one, { leaseMs })
    const b = replica(two, { leaseMs })
    const sent = request(target.url)
    // A's claim, and so its lease, starts after this: B may not send before it ends.
    const enqueuedAt = Date.now()
    await a.enqueue(sent)
    await target.waitFor(1, 10_000)
    a.close()
    await target.waitFor(2, 10_000)
    const [, second] = target.received
    expect(second!.at - enqueuedAt).toBeGreaterThanOrEqual(leaseMs)
    await b.idle()
    // The dead replica's attempt was never recorded: the delivery took one attempt, B's.
    expect(shape(await b.attempts())).toEqual([[sent.id, 1, 200, null, 'delivered']])
    await pause(100)
    expect(target.received).toHaveLength(2)
  })

  it('redelivers from one replica a delivery another sent, listed on both', async () => {
    const target = await receiver()
    const reports: AttemptReport['kind'][] = []
    const a = replica(one, { onAttempt: (_attempt, report) => reports.push(report.kind) })
    const sent = request(target.url)
    await a.enqueue(sent)
    await a.idle()
    const b = replica(two, { onAttempt: (_attempt, report) => reports.push(report.kind) })
    expect(await b.redeliver(sent.id, 'default')).toMatchObject({
      sent: { id: sent.id, status: 'pending', attempts: 1 },
    })
    expect(await a.redeliver(sent.id, 'default')).toEqual({ refused: 'pending' })
    expect(await a.redeliver(sent.id, 'other')).toEqual({ refused: 'unknown' })
    // Either replica may send the redelivery; each idle() waits for its own to be told.
    await b.idle()
    await a.idle()
    expect(target.received.map((r) => r.body)).toEqual([sent.body, sent.body])
    expect(reports).toEqual(['scheduled', 'redeliver'])
    expect(shape(await a.attempts())).toEqual([
      [sent.id, 1, 200, null, 'delivered'],
      [sent.id, 2, 200, null, 'delivered'],
    ])
  })

  it('refuses to redeliver a body past the kept bytes, on any replica', async () => {
    const target = await receiver()
    const a = replica(one, { policy: { ...policy, redeliverBytes: 100 } })
    const old = request(target.url, { body: 'x'.repeat(60) })
    const recent = request(target.url, { body: 'y'.repeat(60) })
    await a.enqueue(old)
    await a.enqueue(recent)
    await a.idle()
    const b = replica(two)
    expect(await b.redeliver(old.id, 'default')).toEqual({ refused: 'forgotten' })
    expect(await b.redeliver(recent.id, 'default')).toMatchObject({ sent: { id: recent.id } })
    await b.idle()
  })

  it('drains one replica without failing what is pending: another sends it', async () => {
    const target = await receiver((index) => (index === 0 ? 500 : 200))
    const a = replica(one)
    const sent = request(target.url, { retryDelaysMs: [200] })
    await a.enqueue(sent)
    await pollUntil(
      () => a.attempts(),
      (attempts) => attempts.length === 1,
    )
    expect(await a.drain(Date.now() + 1_000)).toEqual([])
    expect(await a.deliveries()).toMatchObject([{ status: 'pending', attempts: 1 }])
    const b = replica(two)
    await b.idle()
    expect(shape(await b.attempts())).toEqual([
      [sent.id, 1, 500, 'HTTP 500', 'retrying'],
      [sent.id, 2, 200, null, 'delivered'],
    ])
  })

  it('holds out-of-order events until the terminal one, then sends them newest first', async () => {
    // On a hand-driven clock: real timers 10 ms apart may fire together on a loaded machine and
    // send the events at once, in any order.
    const time = createFakeTime(Date.now())
    const target = await receiver()
    const onTime = { clock: time.clock, scheduler: time.scheduler }
    const a = replica(one, onTime)
    const b = replica(two, onTime)
    const faults = { outOfOrder: true }
    const queued = request(target.url, { taskId: 't', event: 'queued', terminal: false, faults })
    const running = request(target.url, { taskId: 't', event: 'running', terminal: false, faults })
    const done = request(target.url, { taskId: 't', event: 'succeeded', faults })
    await a.enqueue(queued)
    await b.enqueue(running)
    await time.advance(60)
    expect(await one.zcard(`${prefix}deliveries:due`)).toBe(0)
    expect(target.received).toHaveLength(0)
    await a.enqueue(done)
    // Each event is sent when its turn comes, newest first, and not before.
    for (const [turn, advanceMs] of [
      0,
      OUT_OF_ORDER_SPACING_MS,
      OUT_OF_ORDER_SPACING_MS,
    ].entries()) {
      await time.advance(advanceMs)
      await target.waitFor(turn + 1, 5_000)
    }
    expect(target.received.map((r) => r.body)).toEqual([done.body, running.body, queued.body])
  })

  it('resets one namespace from any replica, leaving the others', async () => {
    const target = await receiver()
    const a = replica(one)
    const b = replica(two)
    await a.enqueue(request(target.url, { namespace: 'x' }))
    await a.enqueue(request(target.url, { namespace: 'y' }))
    await a.idle()
    await b.reset('x')
    expect(await a.deliveries({ namespace: 'x' })).toEqual([])
    expect(await a.attempts({ namespace: 'x' })).toEqual([])
    expect(await a.deliveries()).toMatchObject([{ namespace: 'y', status: 'delivered' }])
    expect(await a.attempts({ namespace: 'y' })).toHaveLength(1)
    await b.reset()
    expect(await a.deliveries()).toEqual([])
  })

  it('keeps polling through a Redis that is away even when onError throws', async () => {
    const away = await db.unreachable()
    const escaped: unknown[] = []
    const onUnhandled = (reason: unknown) => escaped.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      let reported = 0
      const store = createRedisDeliveryStore(
        { redis: away, prefix },
        {
          clock: systemClock,
          scheduler: timerScheduler,
          policy,
          pollMs: 10,
          onError: () => {
            reported++
            throw new Error('a logger that fails')
          },
        },
      )
      opened.push(store)
      await pollUntil(
        () => Promise.resolve(reported),
        (count) => count > 3,
      )
      // A turn of the event loop for any rejection to be reported as unhandled.
      await pause(20)
      store.close()
      away.disconnect()
      expect(escaped).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  it('keeps polling through a Redis that is away, without an unhandled rejection', async () => {
    const away = await db.unreachable()
    const errors: unknown[] = []
    const store = createRedisDeliveryStore(
      { redis: away, prefix },
      {
        clock: systemClock,
        scheduler: timerScheduler,
        policy,
        pollMs: 10,
        onError: (err) => errors.push(err),
      },
    )
    opened.push(store)
    await expect(store.enqueue(request('http://127.0.0.1:9'))).rejects.toThrow()
    // Poll after poll fails and is reported, none escaping as an unhandled rejection.
    await pollUntil(
      () => Promise.resolve(errors.length),
      (count) => count > 2,
    )
    store.close()
    away.disconnect()
  })
})
