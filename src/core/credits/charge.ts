/** Charging a task's price, with the key's spend limits (hourly, daily, total) checked first. */
import type { Runtime } from '../../runtime.js'
import type { AccountRef, ChargeSplit } from './ledger.js'

export type ChargeOutcome =
  ({ ok: true } & ChargeSplit) | { ok: false; reason: 'insufficient_credits' | 'spend_limit' }

const HOUR = 60 * 60 * 1000

export function chargeCredits(
  runtime: Runtime,
  ref: AccountRef,
  amount: number,
  taskId: string,
): ChargeOutcome {
  const limits = runtime.keys.get(ref).spendLimits
  if (limits) {
    const now = runtime.clock.now()
    const over = (limit: number | undefined, spent: () => number) =>
      limit !== undefined && spent() + amount > limit
    if (
      over(limits.hourly, () => runtime.credits.spentSince(ref, now - HOUR)) ||
      over(limits.daily, () => runtime.credits.spentSince(ref, now - 24 * HOUR)) ||
      over(limits.total, () => runtime.credits.account(ref).consumed)
    ) {
      return { ok: false, reason: 'spend_limit' }
    }
  }
  const result = runtime.credits.charge(ref, amount, taskId)
  return result.ok ? result : { ok: false, reason: 'insufficient_credits' }
}
