// Proves a charge checks the key's hourly, daily and total spend limits before the balance, in the
// ledger's one step, and that chargeCredits passes the limits it is given to it.
import { describe, expect, it } from 'vitest'
import { chargeCredits } from '../../../src/core/credits/charge.js'
import { createCreditLedger, type AccountRef } from '../../../src/core/credits/ledger.js'
import { createKeyPolicies, type SpendLimits } from '../../../src/core/keys/key-policies.js'
import { createFakeTime } from '../../support/fake-time.js'
import { asAsync } from '../../../src/core/state/async.js'

const START = Date.UTC(2026, 0, 1)
const HOUR = 3_600_000
const ref: AccountRef = { namespace: 'default', provider: 'skills-video', apiKey: 'sk-test' }

function setup(spendLimits: SpendLimits | null, balance = 1_000) {
  const time = createFakeTime(START)
  const credits = createCreditLedger({ clock: time.clock, defaultBalance: balance })
  const keys = createKeyPolicies()
  if (spendLimits) keys.set(ref, { spendLimits })
  let n = 0
  const charge = (amount: number, who: AccountRef = ref) => {
    const result = credits.charge(who, amount, `task_${++n}`, keys.get(who).spendLimits)
    return result.ok ? result : { ok: false, reason: result.reason }
  }
  /** The account as it stands, to check a refusal changed nothing. */
  const snapshot = (who: AccountRef = ref) => structuredClone(credits.account(who))
  return { time, credits, keys, charge, snapshot }
}

describe('chargeCredits', () => {
  it('charges within the spend limits it is given, and names the refusal', async () => {
    const credits = asAsync(setup(null).credits)
    expect(await chargeCredits(credits, ref, 4, 'a', { total: 5 })).toMatchObject({
      ok: true,
      total: 4,
    })
    expect(await chargeCredits(credits, ref, 2, 'b', { total: 5 })).toEqual({
      ok: false,
      reason: 'spend_limit_exceeded',
    })
    expect(await chargeCredits(credits, ref, 2, 'c', null)).toMatchObject({ ok: true })
    expect(await chargeCredits(credits, ref, 995, 'd', null)).toEqual({
      ok: false,
      reason: 'insufficient_credits',
    })
  })
})

describe('a charge with spend limits', () => {
  it('charges the ledger, split as it split it, when the key has no spend limits', () => {
    const { credits, charge } = setup(null)
    credits.setBalance(ref, { subscription: 1, permanent: 5 })
    expect(charge(2.5)).toEqual({ ok: true, total: 2.5, subscription: 1, permanent: 1.5 })
    expect(credits.account(ref).balance).toBe(3.5)
  })

  it("refuses with 'insufficient_credits' when the balance is short, changing nothing", () => {
    const { charge, snapshot } = setup({ hourly: 100 }, 3)
    const before = snapshot()
    expect(charge(3.001)).toEqual({ ok: false, reason: 'insufficient_credits' })
    expect(snapshot()).toEqual(before)
    expect(charge(3)).toMatchObject({ ok: true })
  })

  it("refuses past the hourly limit ('spend_limit_exceeded'), allowing it an hour on", async () => {
    const { time, charge, snapshot } = setup({ hourly: 10 })
    expect(charge(6).ok).toBe(true)
    await time.advance(10 * 60_000)
    const before = snapshot()
    expect(charge(4.001)).toEqual({ ok: false, reason: 'spend_limit_exceeded' })
    expect(snapshot()).toEqual(before)
    expect(charge(4)).toMatchObject({ ok: true, total: 4 })
    expect(charge(0.001)).toEqual({ ok: false, reason: 'spend_limit_exceeded' })

    // The 6 leaves the window an hour after it was charged; the 4 stays in it.
    await time.advance(50 * 60_000)
    expect(charge(6)).toEqual({ ok: false, reason: 'spend_limit_exceeded' })
    await time.advance(1)
    expect(charge(6)).toMatchObject({ ok: true })
    expect(charge(0.001)).toEqual({ ok: false, reason: 'spend_limit_exceeded' })
  })

  it("refuses past the daily limit ('spend_limit_exceeded') across hours, for a day", async () => {
    const { time, charge } = setup({ daily: 20 })
    for (let hour = 0; hour < 4; hour++) {
      expect(charge(5).ok).toBe(true)
      await time.advance(HOUR)
    }
    expect(charge(1)).toEqual({ ok: false, reason: 'spend_limit_exceeded' })
    await time.advance(20 * HOUR)
    expect(charge(5)).toEqual({ ok: false, reason: 'spend_limit_exceeded' })
    await time.advance(1)
    expect(charge(5)).toMatchObject({ ok: true })
    expect(charge(1)).toEqual({ ok: false, reason: 'spend_limit_exceeded' })
  })

  it("refuses past the total limit ('spend_limit_exceeded') for ever, until a refund", async () => {
    const { time, credits, charge, snapshot } = setup({ total: 7 })
    expect(charge(7)).toMatchObject({ ok: true })
    await time.advance(365 * 24 * HOUR)
    const before = snapshot()
    expect(charge(0.5)).toEqual({ ok: false, reason: 'spend_limit_exceeded' })
    expect(snapshot()).toEqual(before)
    credits.refund(ref, 'task_1')
    expect(charge(7)).toMatchObject({ ok: true })
  })

  it('checks the spend limits before the balance', () => {
    const { charge } = setup({ hourly: 5 }, 3)
    expect(charge(6)).toEqual({ ok: false, reason: 'spend_limit_exceeded' })
    expect(charge(4)).toEqual({ ok: false, reason: 'insufficient_credits' })
  })

  it("applies one key's limits to that key only", () => {
    const { charge } = setup({ hourly: 1 })
    expect(charge(2)).toEqual({ ok: false, reason: 'spend_limit_exceeded' })
    expect(charge(2, { ...ref, apiKey: 'sk-other' })).toMatchObject({ ok: true })
    expect(charge(2, { ...ref, namespace: 'other' })).toMatchObject({ ok: true })
  })
})

describe('spend windows', () => {
  it('refunding a charge older than the window does not raise the hourly allowance', async () => {
    const { time, credits, charge } = setup({ hourly: 10 })
    expect(charge(10).ok).toBe(true)
    await time.advance(HOUR + 1)
    credits.refund(ref, 'task_1')
    expect(charge(10).ok).toBe(true)
    expect(charge(10)).toEqual({ ok: false, reason: 'spend_limit_exceeded' })
  })

  // The ledger's entry log keeps 1000 entries; spend windows must not depend on it.
  it('keeps refusing past the hourly limit after more than 1000 charges in the hour', () => {
    const { charge } = setup({ hourly: 600 }, 100_000)
    let spent = 0
    for (let i = 0; i < 3_000; i++) if (charge(0.5).ok) spent += 0.5
    expect(spent).toBe(600)
  })
})
