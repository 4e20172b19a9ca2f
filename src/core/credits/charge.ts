/** Charging a price against the key's balance, within the spend limits set on the key. */
import type { SpendLimits } from '../keys/key-policies.js'
import type { AccountRef, ChargeSplit, CreditStore } from './ledger.js'

export type ChargeOutcome =
  | ({ ok: true } & ChargeSplit)
  | { ok: false; reason: 'insufficient_credits' | 'spend_limit_exceeded' }

/**
 * Takes `amount` for `taskId` if the key's spend limits and its balance allow it, in the ledger's
 * one step (atomic on a shared store). The limits are the key's policy, as the request read it.
 */
export async function chargeCredits(
  credits: CreditStore,
  ref: AccountRef,
  amount: number,
  taskId: string,
  limits: SpendLimits | null | undefined,
): Promise<ChargeOutcome> {
  const result = await credits.charge(ref, amount, taskId, limits)
  return result.ok ? result : { ok: false, reason: result.reason }
}
