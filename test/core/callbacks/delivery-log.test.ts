// Proves the delivery log keeps every kept delivery's attempts: both are dropped together.
import { describe, expect, it } from 'vitest'
import { createDeliveryQueue } from '../../../src/core/callbacks/delivery-queue.js'
import { createFakeTime } from '../../support/fake-time.js'

describe('delivery log', () => {
  it('lists the attempts of every kept delivery, past the cap of 10,000', async () => {
    const time = createFakeTime(Date.UTC(2026, 0, 1))
    // Every delivery fails once and then succeeds: two attempts each, so a separate cap on the
    // attempt log (10,000) would already have dropped the attempts of half the kept deliveries.
    const tried = new Set<string>()
    const fakeFetch = ((url: string) => {
      const first = !tried.has(url)
      tried.add(url)
      return Promise.resolve(new Response(null, { status: first ? 500 : 204 }))
    }) as typeof fetch
    const queue = createDeliveryQueue({
      clock: time.clock,
      scheduler: time.scheduler,
      policy: { maxAttempts: 3, backoffMs: 10, timeoutMs: 1_000, redeliverBytes: 1e6 },
      fetch: fakeFetch,
    })
    // In batches, as tasks finish over time: finished deliveries are dropped when new ones come.
    for (let i = 0; i < 12_000; i++) {
      queue.enqueue({
        id: `dlv_${i}`,
        provider: 'crun',
        namespace: 'default',
        taskId: `task_${i}`,
        event: 'callback',
        url: `http://receiver.test/${i}`,
        body: '{}',
        headers: {},
      })
      if (i % 1_000 === 999) await time.runAll()
    }

    const kept = queue.deliveries()
    expect(kept).toHaveLength(10_000)
    expect(kept[0]!.id, 'the oldest finished deliveries were dropped').toBe('dlv_2000')
    const attempts = queue.attempts()
    const outcomes = new Map<string, string[]>()
    for (const a of attempts)
      outcomes.set(a.deliveryId, [...(outcomes.get(a.deliveryId) ?? []), a.outcome])
    const shown = kept.map((d) => outcomes.get(d.id) ?? [])
    const missing = kept.filter((_, i) => shown[i]!.length !== 2)
    expect(missing, 'deliveries shown without their attempts').toEqual([])
    expect(new Set(shown.map((outcomes) => outcomes.join()))).toEqual(
      new Set(['retrying,delivered']),
    )
    // Dropped deliveries take their attempts with them, and attempts stay in time order.
    expect(attempts).toHaveLength(20_000)
    expect(attempts.map((a) => a.at)).toEqual(
      attempts
        .map((a) => a.at)
        .slice()
        .sort((a, b) => a - b),
    )
  })
})
