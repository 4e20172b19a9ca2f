// Proves the spend window sums exactly the charges inside it, drops old ones and takes refunds out.
import { describe, expect, it } from 'vitest'
import { createSpendWindow } from '../../../src/core/credits/spend-window.js'

describe('spend window', () => {
  it('sums the charges made at or after a moment', () => {
    const window = createSpendWindow(1_000)
    window.add(100, 5, 'a')
    window.add(200, 7, 'b')
    window.add(300, 11, 'c')
    expect(window.since(0)).toBe(23)
    expect(window.since(200)).toBe(18)
    expect(window.since(301)).toBe(0)
  })

  it('forgets charges older than its length as new ones arrive', () => {
    const window = createSpendWindow(1_000)
    window.add(0, 5, 'old')
    window.add(1_500, 7, 'new')
    expect(window.since(0)).toBe(7)
  })

  it('takes a refunded charge out, once, wherever it fell', () => {
    const window = createSpendWindow(1_000)
    window.add(100, 5, 'a')
    window.add(200, 7, 'b')
    window.cancel('a')
    window.cancel('a')
    expect(window.since(0)).toBe(7)
  })

  it('stays exact over many charges, across compactions', () => {
    const window = createSpendWindow(10_000)
    for (let at = 0; at < 50_000; at++) window.add(at, 1, `t${at}`)
    window.cancel('t49999')
    expect(window.since(45_000)).toBe(4_999)
    expect(window.since(0)).toBe(10_000) // 39,999 to 49,998: the window keeps its edge
  })
})
