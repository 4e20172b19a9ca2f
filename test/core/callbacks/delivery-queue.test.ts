// Proves callback delivery: doubling backoff retries, giving up, injected faults, idle and reset.
import { describe, expect, it } from 'vitest'
import {
  createDeliveryQueue,
  type DeliveryQueueOptions,
} from '../../../src/core/callbacks/delivery-queue.js'
import type {
  AttemptReport,
  DeliveryPolicy,
  DeliveryRequest,
} from '../../../src/core/callbacks/delivery.js'
import { createFakeTime } from '../../support/fake-time.js'

const START = Date.UTC(2026, 0, 1)

/** What the fake fetch answers: a status, or an error to throw (a network failure). */
type Answer = number | Error

interface Sent {
  url: string
  body: string
  headers: Record<string, string>
  at: number
}

function setup(
  policy: Partial<DeliveryPolicy> = {},
  answers: Answer[] = [],
  options: Partial<DeliveryQueueOptions> = {},
) {
  const time = createFakeTime(START)
  const sent: Sent[] = []
  /** Answers in order per URL; 200 once they run out. */
  const script = new Map<string, Answer[]>()
  // The queue always passes a URL string, a string body and a plain header object.
  const fakeFetch = ((url: string, init: RequestInit): Promise<Response> => {
    sent.push({
      url,
      body: init.body as string,
      headers: { ...(init.headers as Record<string, string>) },
      at: time.clock.now(),
    })
    const answer = (script.get(url) ?? answers).shift() ?? 200
    if (answer instanceof Error) return Promise.reject(answer)
    return Promise.resolve(new Response(answer === 204 ? null : 'ok', { status: answer }))
  }) as typeof fetch
  const queue = createDeliveryQueue({
    clock: time.clock,
    scheduler: time.scheduler,
    policy: { maxAttempts: 5, backoffMs: 1_000, timeoutMs: 5_000, redeliverBytes: 1e6, ...policy },
    fetch: fakeFetch,
    ...options,
  })
  return { time, queue, sent, script }
}

let nextId = 0
function request(overrides: Partial<DeliveryRequest> = {}): DeliveryRequest {
  const id = `dlv_${++nextId}`
  return {
    id,
    provider: 'crun',
    namespace: 'default',
    taskId: 'task_1',
    event: 'task.completed',
    url: 'http://receiver.test/hook',
    body: JSON.stringify({ id }),
    headers: { fixed: { 'x-signature': 'sig' } },
    ...overrides,
  }
}

describe('delivery queue', () => {
  it('delivers on the first 2xx answer, on a timer rather than in enqueue', async () => {
    const { time, queue, sent } = setup()
    const req = request()
    queue.enqueue(req)
    expect(sent).toHaveLength(0)
    expect(queue.deliveries()).toMatchObject([{ id: req.id, status: 'pending', attempts: 0 }])

    await time.advance(0)
    expect(sent).toEqual([
      {
        url: req.url,
        body: req.body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'gpt-image-emulator',
          'x-signature': 'sig',
        },
        at: START,
      },
    ])
    expect(queue.deliveries()).toMatchObject([{ id: req.id, status: 'delivered', attempts: 1 }])
    expect(queue.attempts()).toMatchObject([
      { deliveryId: req.id, attempt: 1, at: START, status: 200, error: null, outcome: 'delivered' },
    ])
    await time.runAll()
    expect(sent).toHaveLength(1)
  })

  it('retries a non-2xx answer after the backoff, doubling each time', async () => {
    const { time, queue, sent } = setup({ backoffMs: 1_000 }, [500, 503, 404, 204])
    queue.enqueue(request())
    await time.advance(0)
    expect(sent.map((s) => s.at)).toEqual([START])

    // Waits of 1000, 2000 and 4000 ms: nothing before each due time, the attempt at it.
    for (const [wait, due] of [
      [1_000, START + 1_000],
      [2_000, START + 3_000],
      [4_000, START + 7_000],
    ] as const) {
      const before = sent.length
      await time.advance(wait - 1)
      expect(sent).toHaveLength(before)
      await time.advance(1)
      expect(sent).toHaveLength(before + 1)
      expect(sent.at(-1)!.at).toBe(due)
    }
    expect(queue.attempts().map((a) => [a.attempt, a.status, a.error, a.outcome])).toEqual([
      [1, 500, 'HTTP 500', 'retrying'],
      [2, 503, 'HTTP 503', 'retrying'],
      [3, 404, 'HTTP 404', 'retrying'],
      [4, 204, null, 'delivered'],
    ])
    expect(queue.deliveries()[0]).toMatchObject({ status: 'delivered', attempts: 4 })
    expect(time.pending()).toBe(0)
  })

  it('retries after a thrown network error, logging its code or the timeout', async () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
    })
    const timedOut = new DOMException('The operation was aborted due to timeout', 'TimeoutError')
    const { time, queue, sent } = setup({ backoffMs: 500, timeoutMs: 2_500 }, [refused, timedOut])
    queue.enqueue(request())
    await time.advance(0)
    await time.advance(499)
    expect(sent).toHaveLength(1)
    await time.advance(1)
    expect(sent).toHaveLength(2)
    await time.advance(999)
    expect(sent).toHaveLength(2)
    await time.advance(1)
    expect(sent.map((s) => s.at)).toEqual([START, START + 500, START + 1_500])
    expect(queue.attempts().map((a) => [a.status, a.error, a.outcome])).toEqual([
      [null, 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9', 'retrying'],
      [null, 'timeout after 2500 ms', 'retrying'],
      [200, null, 'delivered'],
    ])
  })

  it('gives up after maxAttempts, logging each attempt with its outcome', async () => {
    const { time, queue, sent } = setup({ maxAttempts: 3, backoffMs: 100 }, [500, 500, 500, 500])
    const req = request()
    queue.enqueue(req)
    await time.runAll()
    expect(sent.map((s) => s.at)).toEqual([START, START + 100, START + 300])
    expect(queue.attempts().map((a) => [a.deliveryId, a.attempt, a.outcome])).toEqual([
      [req.id, 1, 'retrying'],
      [req.id, 2, 'retrying'],
      [req.id, 3, 'failed'],
    ])
    expect(queue.deliveries()[0]).toMatchObject({ status: 'failed', attempts: 3 })
    await expect(queue.idle()).resolves.toBeUndefined()
  })

  it("follows a request's own retryDelaysMs over the policy, attempts one more than waits", async () => {
    const { time, queue, sent } = setup({ maxAttempts: 5, backoffMs: 100 }, [500, 500, 500, 500])
    queue.enqueue(request({ retryDelaysMs: [180_000, 600_000] }))
    await time.runAll()
    expect(sent.map((s) => s.at - START)).toEqual([0, 180_000, 780_000])
    expect(queue.deliveries()[0]).toMatchObject({ status: 'failed', attempts: 3 })
  })

  it('reports each attempt to onAttempt: its place, the wait before the next, or none', async () => {
    const reports: [number, string, AttemptReport][] = []
    const { time, queue } = setup({ backoffMs: 100 }, [500, 503, 500], {
      onAttempt: (attempt, report) => reports.push([attempt.attempt, attempt.outcome, report]),
    })
    queue.enqueue(request({ retryDelaysMs: [100, 250] }))
    await time.runAll()
    expect(reports).toEqual([
      [1, 'retrying', { kind: 'scheduled', maxAttempts: 3, nextAttemptInMs: 100 }],
      [2, 'retrying', { kind: 'scheduled', maxAttempts: 3, nextAttemptInMs: 250 }],
      [3, 'failed', { kind: 'scheduled', maxAttempts: 3, nextAttemptInMs: null }],
    ])
  })

  it('fails the first N attempts without sending under the callback-fail fault', async () => {
    const { time, queue, sent } = setup({ maxAttempts: 5, backoffMs: 1_000 })
    queue.enqueue(request({ faults: { failFirst: 2 } }))
    await time.advance(0)
    await time.advance(1_000)
    expect(sent).toHaveLength(0)
    await time.advance(1_999)
    expect(sent).toHaveLength(0)
    await time.advance(1)
    expect(sent.map((s) => s.at)).toEqual([START + 3_000])
    expect(queue.attempts().map((a) => [a.attempt, a.status, a.error, a.outcome])).toEqual([
      [1, null, 'injected failure (callback-fail fault): not sent', 'retrying'],
      [2, null, 'injected failure (callback-fail fault): not sent', 'retrying'],
      [3, 200, null, 'delivered'],
    ])
  })

  it('gives up without ever sending when callback-fail covers every attempt', async () => {
    const { time, queue, sent } = setup({ maxAttempts: 2 })
    queue.enqueue(request({ faults: { failFirst: 5 } }))
    await time.runAll()
    expect(sent).toHaveLength(0)
    expect(queue.deliveries()[0]).toMatchObject({ status: 'failed', attempts: 2 })
  })

  it('sends a delivery twice, same id and body, under the duplicate fault', async () => {
    const { time, queue, sent } = setup()
    const req = request({ faults: { duplicate: true } })
    queue.enqueue(req)
    await time.runAll()
    expect(sent.map((s) => [s.body, s.at])).toEqual([
      [req.body, START],
      [req.body, START],
    ])
    expect(queue.attempts().map((a) => [a.deliveryId, a.attempt, a.outcome])).toEqual([
      [req.id, 1, 'delivered'],
      [req.id, 2, 'delivered'],
    ])
    expect(queue.deliveries()[0]).toMatchObject({ status: 'delivered', attempts: 2 })
  })

  it('keeps a delivery delivered when its duplicate copy is refused', async () => {
    const { time, queue, sent } = setup({ maxAttempts: 1 }, [200, 500])
    const req = request({ faults: { duplicate: true } })
    queue.enqueue(req)
    await time.runAll()
    expect(sent).toHaveLength(2)
    expect(queue.attempts().map((a) => [a.attempt, a.status, a.outcome])).toEqual([
      [1, 200, 'delivered'],
      [2, 500, 'failed'],
    ])
    expect(queue.deliveries()[0]).toMatchObject({ status: 'delivered' })
  })

  it('times an attempt out on the scheduler, so fake time runs the timeout', async () => {
    const time = createFakeTime(START)
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => {
          reject(init.signal?.reason as Error)
        })
      })) as typeof fetch
    const queue = createDeliveryQueue({
      clock: time.clock,
      scheduler: time.scheduler,
      policy: { maxAttempts: 1, backoffMs: 0, timeoutMs: 2_000, redeliverBytes: 1e6 },
      fetch: hanging,
    })
    queue.enqueue(request())
    await time.advance(1_999)
    expect(queue.attempts()).toHaveLength(0)
    await time.advance(1)
    expect(queue.attempts()).toMatchObject([
      { status: null, error: 'timeout after 2000 ms', outcome: 'failed', latencyMs: 2_000 },
    ])
  })

  it('holds out-of-order events until the terminal one, then sends them newest first', async () => {
    const { time, queue, sent } = setup()
    const faults = { outOfOrder: true }
    const queued = request({ event: 'queued', terminal: false, faults })
    const running = request({ event: 'running', terminal: false, faults })
    const otherTask = request({ taskId: 'task_2', event: 'queued', terminal: false, faults })
    queue.enqueue(queued)
    queue.enqueue(running)
    queue.enqueue(otherTask)
    await time.advance(60_000)
    expect(sent).toHaveLength(0)
    expect(queue.deliveries().map((d) => d.status)).toEqual(['pending', 'pending', 'pending'])

    const done = request({ event: 'succeeded', faults })
    queue.enqueue(done)
    await time.advance(0)
    expect(sent.map((s) => s.body)).toEqual([done.body])
    await time.advance(10)
    expect(sent.map((s) => s.body)).toEqual([done.body, running.body])
    await time.advance(10)
    expect(sent.map((s) => s.body)).toEqual([done.body, running.body, queued.body])
    await time.runAll()
    expect(sent).toHaveLength(3)
    expect(queue.deliveries({ taskId: 'task_2' })[0]!.status).toBe('pending')
  })

  it('resolves idle() at once with nothing pending, else when the last attempt ends', async () => {
    const { time, queue } = setup({ backoffMs: 1_000 }, [500])
    await expect(queue.idle()).resolves.toBeUndefined()

    let idle = false
    queue.enqueue(request())
    void queue.idle().then(() => (idle = true))
    await time.advance(999)
    expect(idle).toBe(false)
    await time.advance(1)
    expect(idle).toBe(true)
  })

  it('resets one namespace, cancelling its retries, and leaves the others delivering', async () => {
    const { time, queue, sent, script } = setup({ backoffMs: 1_000 })
    script.set('http://a.test/hook', [500, 500])
    script.set('http://b.test/hook', [500])
    queue.enqueue(request({ namespace: 'a', url: 'http://a.test/hook' }))
    queue.enqueue(request({ namespace: 'b', url: 'http://b.test/hook' }))
    await time.advance(0)
    expect(sent).toHaveLength(2)

    let idle = false
    void queue.idle().then(() => (idle = true))
    queue.reset('a')
    expect(queue.deliveries({ namespace: 'a' })).toEqual([])
    expect(queue.attempts({ namespace: 'a' })).toEqual([])
    expect(queue.attempts({ namespace: 'b' })).toHaveLength(1)
    expect(time.pending()).toBe(1)

    await time.runAll()
    expect(sent.map((s) => s.url)).toEqual([
      'http://a.test/hook',
      'http://b.test/hook',
      'http://b.test/hook',
    ])
    expect(queue.deliveries({ namespace: 'b' })[0]!.status).toBe('delivered')
    expect(idle).toBe(true)
  })

  it('logs nothing for an attempt in flight when its namespace is reset', async () => {
    const time = createFakeTime(START)
    let answer: (response: Response) => void = () => {}
    const queue = createDeliveryQueue({
      clock: time.clock,
      scheduler: time.scheduler,
      policy: { maxAttempts: 3, backoffMs: 1_000, timeoutMs: 5_000, redeliverBytes: 1e6 },
      fetch: () => new Promise<Response>((resolve) => (answer = resolve)),
    })
    queue.enqueue(request({ namespace: 'a' }))
    await time.advance(0)
    queue.reset('a')
    answer(new Response(null, { status: 500 }))
    await time.runAll()
    expect(queue.attempts()).toEqual([])
    expect(queue.deliveries()).toEqual([])
    expect(time.pending()).toBe(0)
  })

  it("rebuilds each real attempt's headers with that attempt's time", async () => {
    const { time, queue, sent } = setup({ backoffMs: 250 }, [502, 502])
    queue.enqueue(
      request({
        faults: { failFirst: 1 },
        headers: { fixed: { 'x-kept': 'same' }, timestampHeader: 'x-timestamp' },
      }),
    )
    await time.runAll()
    // Attempt 1 is the injected failure (nothing sent); then 250 ms, 500 ms, 1000 ms.
    const seconds = (ms: number) => String(Math.floor(ms / 1000))
    expect(sent.map((s) => [s.at, s.headers['x-timestamp'], s.headers['x-kept']])).toEqual([
      [START + 250, seconds(START + 250), 'same'],
      [START + 750, seconds(START + 750), 'same'],
      [START + 1_750, seconds(START + 1_750), 'same'],
    ])
  })

  it('filters attempts and deliveries by namespace, task and provider', async () => {
    const { time, queue } = setup()
    queue.enqueue(request({ namespace: 'a', taskId: 't1', provider: 'crun' }))
    queue.enqueue(request({ namespace: 'a', taskId: 't2', provider: 'aivideoapi' }))
    queue.enqueue(request({ namespace: 'b', taskId: 't1', provider: 'crun' }))
    await time.runAll()
    expect(queue.attempts({ namespace: 'a' })).toHaveLength(2)
    expect(queue.attempts({ taskId: 't1' })).toHaveLength(2)
    expect(queue.deliveries({ provider: 'aivideoapi' }).map((d) => d.taskId)).toEqual(['t2'])
    expect(queue.deliveries({ namespace: 'b', taskId: 't2' })).toEqual([])
  })

  it('stops every scheduled attempt on close()', async () => {
    const { time, queue, sent } = setup()
    queue.enqueue(request())
    queue.close()
    expect(time.pending()).toBe(0)
    await time.runAll()
    expect(sent).toHaveLength(0)
  })
})
