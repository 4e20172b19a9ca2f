// Proves redelivery: a finished delivery is sent again as one more attempt of it, never retried;
// a pending one, one of another namespace, and one whose body is no longer kept are refused.
import { describe, expect, it } from 'vitest'
import { createDeliveryQueue } from '../../../src/core/callbacks/delivery-queue.js'
import type { DeliveryRequest } from '../../../src/core/callbacks/delivery.js'
import { createFakeTime } from '../../support/fake-time.js'

function setup(redeliverBytes: number, statuses: number[]) {
  const time = createFakeTime(0)
  const sent: number[] = []
  const queue = createDeliveryQueue({
    clock: time.clock,
    scheduler: time.scheduler,
    policy: { maxAttempts: 2, backoffMs: 1_000, timeoutMs: 5_000, redeliverBytes },
    fetch: () => {
      sent.push(time.clock.now())
      return Promise.resolve(new Response('ok', { status: statuses.shift() ?? 200 }))
    },
  })
  return { time, queue, sent }
}

const request = (id: string, body = '{"ok":true}'): DeliveryRequest => ({
  id,
  provider: 'aivideoapi',
  namespace: 'default',
  taskId: `task_${id}`,
  event: 'task.completed',
  url: 'http://receiver.test/hook',
  body,
  headers: {},
})

describe('redelivery', () => {
  it('sends a failed delivery again as its next attempt, and a failure is not retried', async () => {
    const { time, queue, sent } = setup(1_000, [500, 500, 500])
    queue.enqueue(request('d1'))
    await time.runAll()
    expect(queue.deliveries()[0]).toMatchObject({ status: 'failed', attempts: 2 })

    expect(queue.redeliver('d1', 'default')).toMatchObject({ sent: { status: 'pending' } })
    expect(queue.redeliver('d1', 'default')).toEqual({ refused: 'pending' })
    await time.runAll()
    expect(sent).toHaveLength(3)
    expect(queue.attempts().map((a) => [a.attempt, a.outcome])).toEqual([
      [1, 'retrying'],
      [2, 'failed'],
      [3, 'failed'],
    ])
    expect(queue.redeliver('d1', 'default')).toMatchObject({ sent: { id: 'd1' } })
    await time.runAll()
    expect(queue.deliveries()[0]).toMatchObject({ status: 'delivered', attempts: 4 })
  })

  it('refuses an unknown id and another namespace’s delivery alike', async () => {
    const { time, queue } = setup(1_000, [])
    queue.enqueue(request('d1'))
    await time.runAll()
    expect(queue.redeliver('nope', 'default')).toEqual({ refused: 'unknown' })
    expect(queue.redeliver('d1', 'other')).toEqual({ refused: 'unknown' })
  })

  it('keeps bodies up to its byte bound, the oldest forgotten first', async () => {
    const { time, queue } = setup(100, [])
    queue.enqueue(request('old', 'x'.repeat(60)))
    queue.enqueue(request('new', 'y'.repeat(60)))
    await time.runAll()
    expect(queue.redeliver('old', 'default')).toEqual({ refused: 'forgotten' })
    expect(queue.redeliver('new', 'default')).toMatchObject({ sent: { id: 'new' } })
  })
})
