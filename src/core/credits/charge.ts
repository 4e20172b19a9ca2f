/** Charging a task's price, with the key's spend limits (hourly, daily, total) checked first. */
import type { Clock } from '../clock.js'
import type { KeyPolicies } from '../keys/key-policies.js'
import type { AccountRef, ChargeSplit, CreditLedger } from './ledger.js'

export type ChargeOutcome =
  | ({ ok: true } & ChargeSplit)
  | { ok: false; reason: 'insufficient_credits' | 'spend_limit_exceeded' }

export interface ChargeDeps {
  credits: CreditLedger
  keys: KeyPolicies
  clock: Clock
}

const HOUR = 60 * 60 * 1000

export function chargeCredits(
  { credits, keys, clock }: ChargeDeps,
  ref: AccountRef,
  amount: number,
  taskId: string,
): ChargeOutcome {
  const limits = keys.get(ref).spendLimits
  if (limits) {
    const now = clock.now()
    const over = (limit: number | undefined, spent: () => number) =>
      limit !== undefined && spent() + amount > limit
    if (
      over(limits.hourly, () => credits.spentSince(ref, now - HOUR)) ||
      over(limits.daily, () => credits.spentSince(ref, now - 24 * HOUR)) ||
      over(limits.total, () => credits.account(ref).consumed)
    ) {
      return { ok: false, reason: 'spend_limit_exceeded' }
    }
  }
  const result = credits.charge(ref, amount, taskId)
  return result.ok ? result : { ok: false, reason: 'insufficient_credits' }
}
