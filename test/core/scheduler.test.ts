// Proves the production scheduler runs due work on the next turn, later work on a timer, and
// that both can be cancelled.
import { describe, expect, it } from 'vitest'
import { timerScheduler } from '../../src/core/scheduler.js'

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

describe('timer scheduler', () => {
  it('runs work due now on the next turn of the event loop, not synchronously', async () => {
    const ran: string[] = []
    timerScheduler.after(0, () => ran.push('now'))
    expect(ran).toEqual([])
    await nextTurn()
    expect(ran).toEqual(['now'])
  })

  it('cancels work due now and work due later', async () => {
    const ran: string[] = []
    timerScheduler.after(0, () => ran.push('now'))()
    timerScheduler.after(5, () => ran.push('later'))()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(ran).toEqual([])
  })

  it('runs later work after its delay', async () => {
    const ran: number[] = []
    const started = Date.now()
    timerScheduler.after(15, () => ran.push(Date.now() - started))
    await new Promise((resolve) => setTimeout(resolve, 40))
    expect(ran).toHaveLength(1)
    expect(ran[0]).toBeGreaterThanOrEqual(14)
  })
})
