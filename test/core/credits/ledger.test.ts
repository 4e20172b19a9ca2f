// Proves the credit ledger: charge order, refunds, thousandths precision, spend windows, isolation.
import { describe, expect, it } from 'vitest'
import { createCreditLedger, type AccountRef } from '../../../src/core/credits/ledger.js'
import { createFakeTime } from '../../support/fake-time.js'

const START = Date.UTC(2026, 0, 1)
const MINUTE = 60_000
const ref: AccountRef = { namespace: 'default', provider: 'skills-video', apiKey: 'sk-test' }

function setup(defaultBalance = 100) {
  const time = createFakeTime(START)
  return { time, ledger: createCreditLedger({ clock: time.clock, defaultBalance }) }
}

describe('credit ledger', () => {
  it('provisions the default balance as subscription credits on first use', () => {
    const { ledger } = setup(50)
    expect(ledger.account(ref)).toEqual({
      balance: 50,
      subscription: 50,
      permanent: 0,
      purchased: 50,
      consumed: 0,
      entries: [{ at: START, kind: 'grant', amount: 50, taskId: undefined, balanceAfter: 50 }],
    })
  })

  it('takes subscription credits before permanent ones', () => {
    const { ledger } = setup()
    ledger.setBalance(ref, { subscription: 3, permanent: 10 })
    expect(ledger.charge(ref, 2, 't1')).toEqual({
      ok: true,
      total: 2,
      subscription: 2,
      permanent: 0,
    })
    expect(ledger.charge(ref, 5, 't2')).toEqual({
      ok: true,
      total: 5,
      subscription: 1,
      permanent: 4,
    })
    expect(ledger.account(ref)).toMatchObject({
      balance: 6,
      subscription: 0,
      permanent: 6,
      consumed: 7,
    })
  })

  it('keeps nothing of a settled charge: it is never refunded', () => {
    const { ledger } = setup()
    ledger.charge(ref, 4, 't1')
    ledger.settle(ref, 't1')
    ledger.refund(ref, 't1')
    expect(ledger.account(ref)).toMatchObject({ balance: 96, consumed: 4 })
    expect(ledger.spentSince(ref, START)).toBe(4)
  })

  it('refunds a task once, back to where its charge came from', () => {
    const { ledger } = setup()
    ledger.setBalance(ref, { subscription: 3, permanent: 10 })
    ledger.charge(ref, 5, 't1')
    ledger.setBalance(ref, { subscription: 20, permanent: 8 })
    ledger.refund(ref, 't1')
    expect(ledger.account(ref)).toMatchObject({ subscription: 23, permanent: 10, consumed: 0 })

    ledger.refund(ref, 't1')
    ledger.refund(ref, 'never-charged')
    const account = ledger.account(ref)
    expect(account).toMatchObject({ subscription: 23, permanent: 10, consumed: 0 })
    expect(account.entries.filter((e) => e.kind === 'refund')).toEqual([
      { at: START, kind: 'refund', amount: 5, taskId: 't1', balanceAfter: 33 },
    ])
  })

  it('keeps amounts in thousandths, so 4.7 stays 4.7 after many charges', () => {
    const { ledger } = setup(100)
    for (let i = 0; i < 47; i++) expect(ledger.charge(ref, 0.1, `t${i}`).ok).toBe(true)
    expect(ledger.account(ref)).toMatchObject({ balance: 95.3, consumed: 4.7 })

    const { ledger: other } = setup(4.7)
    for (let i = 0; i < 10; i++) other.charge(ref, 0.47, `t${i}`)
    expect(other.account(ref).balance).toBe(0)
    other.setBalance(ref, { subscription: 4.7 })
    other.charge(ref, 1.234, 'a')
    other.refund(ref, 'a')
    expect(other.account(ref).balance).toBe(4.7)
    // 1.005 * 1000 is 1004.9999999999999 in floating point: amounts are rounded to thousandths.
    other.setBalance(ref, { subscription: 2 })
    other.charge(ref, 1.005, 'b')
    expect(other.account(ref).balance).toBe(0.995)
  })

  it('refuses a charge the balance does not cover, changing nothing', () => {
    const { ledger } = setup(5)
    ledger.charge(ref, 4.5, 't1')
    const before = structuredClone(ledger.account(ref))
    expect(ledger.charge(ref, 0.501, 't2')).toEqual({
      ok: false,
      reason: 'insufficient_credits',
      balance: 0.5,
    })
    expect(ledger.account(ref)).toEqual(before)
    ledger.refund(ref, 't2')
    expect(ledger.account(ref)).toEqual(before)
    expect(ledger.charge(ref, 0.5, 't3')).toMatchObject({ ok: true })
  })

  it('counts charges minus refunds since a time for spentSince', async () => {
    const { time, ledger } = setup()
    ledger.charge(ref, 1, 't1')
    await time.advance(30 * MINUTE)
    ledger.charge(ref, 2, 't2')
    await time.advance(30 * MINUTE)
    ledger.charge(ref, 4, 't3')
    ledger.refund(ref, 't3')
    ledger.charge(ref, 8, 't4')

    const now = time.clock.now()
    expect(ledger.spentSince(ref, START)).toBe(11)
    expect(ledger.spentSince(ref, START + 1)).toBe(10)
    expect(ledger.spentSince(ref, now - 30 * MINUTE)).toBe(10)
    expect(ledger.spentSince(ref, now)).toBe(8)
    expect(ledger.spentSince(ref, now + 1)).toBe(0)
  })

  it('sets balances outright, raising purchased to cover what is held and consumed', () => {
    const { ledger } = setup(10)
    ledger.charge(ref, 4, 't1')
    expect(ledger.setBalance(ref, { subscription: 1, permanent: 2 })).toMatchObject({
      balance: 3,
      subscription: 1,
      permanent: 2,
      purchased: 10,
      consumed: 4,
    })
    expect(ledger.setBalance(ref, { subscription: 30 })).toMatchObject({
      balance: 30,
      permanent: 0,
      purchased: 34,
    })
  })

  it('keeps an account per namespace, provider and key, and resets one namespace only', () => {
    const { ledger } = setup(10)
    const otherNamespace = { ...ref, namespace: 'other' }
    const otherProvider = { ...ref, provider: 'crun' }
    const otherKey = { ...ref, apiKey: 'sk-other' }
    ledger.charge(ref, 1, 't1')
    ledger.charge(otherNamespace, 2, 't1')
    ledger.charge(otherProvider, 3, 't1')
    ledger.charge(otherKey, 4, 't1')
    expect(
      [ref, otherNamespace, otherProvider, otherKey].map((r) => ledger.account(r).balance),
    ).toEqual([9, 8, 7, 6])

    ledger.reset('other')
    expect(ledger.account(otherNamespace).balance).toBe(10)
    expect(ledger.account(ref).balance).toBe(9)
    expect(ledger.account(otherKey).balance).toBe(6)
    ledger.reset()
    expect(ledger.account(ref).balance).toBe(10)
  })
})
