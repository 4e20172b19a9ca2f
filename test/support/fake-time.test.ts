// Proves the fake clock and scheduler run due callbacks in order, at their due time, and settle.
import { describe, expect, it } from 'vitest'
import { sleep } from '../../src/core/scheduler.js'
import { createFakeTime } from './fake-time.js'

describe('fake time', () => {
  it('runs due callbacks by due time, ties in scheduling order, each at its due time', async () => {
    const time = createFakeTime(1_000)
    const ran: string[] = []
    const at = (name: string) => () => ran.push(`${name}@${time.clock.now()}`)
    time.scheduler.after(30, at('c'))
    time.scheduler.after(10, at('a'))
    time.scheduler.after(30, at('d'))
    time.scheduler.after(10, at('b'))
    time.scheduler.after(31, at('late'))

    await time.advance(29)
    expect(ran).toEqual(['a@1010', 'b@1010'])
    expect(time.clock.now()).toBe(1_029)

    await time.advance(1)
    expect(ran).toEqual(['a@1010', 'b@1010', 'c@1030', 'd@1030'])
    expect(time.pending()).toBe(1)
  })

  it('never runs a cancelled callback', async () => {
    const time = createFakeTime(0)
    let ran = false
    const cancel = time.scheduler.after(5, () => (ran = true))
    cancel()
    expect(time.pending()).toBe(0)
    await time.advance(100)
    expect(ran).toBe(false)
  })

  it('runs callbacks a callback schedules when they fall due in the same advance', async () => {
    const time = createFakeTime(0)
    const ran: number[] = []
    time.scheduler.after(10, () => {
      ran.push(time.clock.now())
      time.scheduler.after(0, () => ran.push(time.clock.now()))
      time.scheduler.after(15, () => ran.push(time.clock.now()))
    })
    await time.advance(20)
    expect(ran).toEqual([10, 10])
    await time.advance(5)
    expect(ran).toEqual([10, 10, 25])
  })

  it('lets async work a callback starts finish before the next callback runs', async () => {
    const time = createFakeTime(0)
    const seen: string[] = []
    time.scheduler.after(1, () => {
      void (async () => {
        await Promise.resolve()
        await new Promise((resolve) => setImmediate(resolve))
        seen.push('first finished')
      })()
    })
    time.scheduler.after(2, () => seen.push('second ran'))
    await time.advance(2)
    expect(seen).toEqual(['first finished', 'second ran'])
  })

  it('resolves sleep() on the fake scheduler and runAll() empties the queue', async () => {
    const time = createFakeTime(0)
    let woke = 0
    void sleep(time.scheduler, 500).then(() => (woke = time.clock.now()))
    time.scheduler.after(2_000, () => {})
    await time.runAll()
    expect(woke).toBe(500)
    expect(time.clock.now()).toBe(2_000)
    expect(time.pending()).toBe(0)
  })
})
