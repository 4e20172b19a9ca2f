// Proves drain(deadline): attempts due by the deadline run, later ones and those still on the
// wire at the deadline are reported undelivered.
import { describe, expect, it } from 'vitest'
import { createDeliveryQueue } from '../../../src/core/callbacks/delivery-queue.js'
import type { DeliveryRequest } from '../../../src/core/callbacks/delivery.js'
import { createFakeTime } from '../../support/fake-time.js'

const START = Date.UTC(2026, 0, 1)

function setup(answer: (url: string, signal: AbortSignal) => Promise<Response>) {
  const time = createFakeTime(START)
  const fakeFetch = ((url: string, init: RequestInit) => answer(url, init.signal!)) as typeof fetch
  const queue = createDeliveryQueue({
    clock: time.clock,
    scheduler: time.scheduler,
    policy: { maxAttempts: 3, backoffMs: 1_000, timeoutMs: 5_000, redeliverBytes: 1e6 },
    fetch: fakeFetch,
  })
  return { time, queue }
}

function request(id: string, url: string): DeliveryRequest {
  return {
    id,
    provider: 'crun',
    namespace: 'default',
    taskId: `task_${id}`,
    event: 'callback',
    url,
    body: '{}',
    headers: {},
  }
}

const status = (code: number) => Promise.resolve(new Response(null, { status: code }))

describe('delivery queue drain', () => {
  it('runs the retries due by the deadline and reports those due after it', async () => {
    const tries = new Map<string, number>()
    const { time, queue } = setup((url) => {
      tries.set(url, (tries.get(url) ?? 0) + 1)
      // Both retry at +1 s; 'soon' then succeeds, 'late' fails again, its next try due at +3 s.
      const failures = url.endsWith('soon') ? 1 : 2
      return status(tries.get(url)! <= failures ? 500 : 200)
    })
    queue.enqueue(request('a', 'http://r.test/soon'))
    queue.enqueue(request('b', 'http://r.test/late'))
    await time.advance(0)

    let result: unknown
    void queue.drain(START + 2_500).then((undelivered) => (result = undelivered))
    await time.advance(999)
    expect(result, 'still waiting for the retries due at +1 s').toBeUndefined()
    await time.advance(1)
    expect(result).toMatchObject([{ id: 'b', url: 'http://r.test/late', taskId: 'task_b' }])
    expect(queue.deliveries().map((d) => [d.id, d.status])).toEqual([
      ['a', 'delivered'],
      ['b', 'failed'],
    ])
    expect(time.pending()).toBe(0)
  })

  it('stops an attempt still on the wire at the deadline and reports it', async () => {
    const { time, queue } = setup(
      (_url, signal) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason as Error)),
        ),
    )
    queue.enqueue(request('a', 'http://r.test/hangs'))
    await time.advance(0)
    const drained = queue.drain(START + 300)
    await time.advance(300)
    expect(await drained).toMatchObject([{ id: 'a', status: 'failed' }])
    expect(queue.attempts()).toMatchObject([
      { attempt: 1, error: 'stopped: the emulator is shutting down' },
    ])
  })

  it('resolves at once with nothing pending', async () => {
    const { queue } = setup(() => status(200))
    expect(await queue.drain(START + 10_000)).toEqual([])
  })
})
