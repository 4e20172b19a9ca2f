/** Charging a price against the key's balance, within the spend limits set on the key. */
import type { KeyStore } from '../keys/key-policies.js'
import type { AccountRef, ChargeSplit, CreditStore } from './ledger.js'

export type ChargeOutcome =
  | ({ ok: true } & ChargeSplit)
  | { ok: false; reason: 'insufficient_credits' | 'spend_limit_exceeded' }

export interface ChargeDeps {
  credits: CreditStore
  keys: KeyStore
}

export async function chargeCredits(
  { credits, keys }: ChargeDeps,
  ref: AccountRef,
  amount: number,
  taskId: string,
): Promise<ChargeOutcome> {
  const { spendLimits } = await keys.get(ref)
  const result = await credits.charge(ref, amount, taskId, spendLimits)
  return result.ok ? result : { ok: false, reason: result.reason }
}
