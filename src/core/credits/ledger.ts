/**
 * Credit balances per API key (and namespace, and provider), provisioned on first use. Charges
 * come out of subscription credits first, then permanent ones (skills.video's order); a refund
 * puts a task's charge back where it came from. Amounts are kept in thousandths, so 4.7 stays 4.7.
 */
import { createSpendWindow, type SpendWindow } from './spend-window.js'
import type { Clock } from '../clock.js'
import type { Async } from '../state/async.js'

export interface LedgerEntry {
  /** Milliseconds since the epoch. */
  at: number
  kind: 'grant' | 'charge' | 'refund'
  amount: number
  taskId?: string
  balanceAfter: number
}

export interface CreditAccount {
  /** Total spendable: subscription + permanent. */
  balance: number
  subscription: number
  permanent: number
  /** Credits ever granted. */
  purchased: number
  /** Charges minus refunds. */
  consumed: number
  entries: readonly LedgerEntry[]
}

export interface ChargeSplit {
  total: number
  subscription: number
  permanent: number
}

export type ChargeResult =
  | ({ ok: true } & ChargeSplit)
  | { ok: false; reason: 'insufficient_credits' | 'spend_limit_exceeded'; balance: number }

/** Most a key may consume in the last hour, the last day and ever; unset for no limit. */
export interface SpendLimits {
  hourly?: number
  daily?: number
  total?: number
}

export interface AccountRef {
  namespace: string
  provider: string
  apiKey: string
}

export interface CreditLedger {
  account(ref: AccountRef): CreditAccount
  /**
   * Takes `amount` if it stays within the spend limits and the balance covers it, recording it
   * against `taskId`. Checked and taken in one step: a shared store does both atomically.
   */
  charge(ref: AccountRef, amount: number, taskId: string, limits?: SpendLimits | null): ChargeResult
  /** The task succeeded: its charge stands and is never refunded (nothing of it is kept). */
  settle(ref: AccountRef, taskId: string): void
  /** Gives back what was charged for `taskId`, once. */
  refund(ref: AccountRef, taskId: string): void
  /** Credits consumed (charges minus refunds) since `since` (ms since the epoch). */
  spentSince(ref: AccountRef, since: number): number
  /** Sets the balances outright (control plane). */
  setBalance(ref: AccountRef, balances: { subscription: number; permanent?: number }): CreditAccount
  reset(namespace?: string): void
}

/** The ledger as every store answers it (in memory, or shared on Redis). */
export type CreditStore = Async<CreditLedger>

interface State {
  subscription: number
  permanent: number
  purchased: number
  consumed: number
  entries: LedgerEntry[]
  /** What each charge still refundable took, and from where; gone once refunded or settled. */
  charges: Map<string, { subscription: number; permanent: number }>
  /** Charges of the last day, for spend windows; a refund takes its own charge out. */
  spends: SpendWindow
}

const MAX_ENTRIES = 1_000
const HOUR_MS = 60 * 60 * 1000
/** The longest spend window (the daily limit): older charges never count again. */
const SPEND_HISTORY_MS = 24 * 60 * 60 * 1000
const toMilli = (credits: number) => Math.round(credits * 1000)
const fromMilli = (milli: number) => milli / 1000

export function createCreditLedger(options: {
  clock: Clock
  defaultBalance: number
}): CreditLedger {
  const accounts = new Map<string, State>()
  const keyOf = ({ namespace, provider, apiKey }: AccountRef) =>
    JSON.stringify([namespace, provider, apiKey])

  function state(ref: AccountRef): State {
    let s = accounts.get(keyOf(ref))
    if (!s) {
      const grant = toMilli(options.defaultBalance)
      s = {
        subscription: grant,
        permanent: 0,
        purchased: grant,
        consumed: 0,
        entries: [],
        charges: new Map(),
        spends: createSpendWindow(SPEND_HISTORY_MS),
      }
      record(s, 'grant', grant)
      accounts.set(keyOf(ref), s)
    }
    return s
  }

  function record(s: State, kind: LedgerEntry['kind'], milli: number, taskId?: string): void {
    s.entries.push({
      at: options.clock.now(),
      kind,
      amount: fromMilli(milli),
      taskId,
      balanceAfter: fromMilli(s.subscription + s.permanent),
    })
    if (s.entries.length > MAX_ENTRIES) s.entries.splice(0, s.entries.length - MAX_ENTRIES)
  }

  function view(s: State): CreditAccount {
    return {
      balance: fromMilli(s.subscription + s.permanent),
      subscription: fromMilli(s.subscription),
      permanent: fromMilli(s.permanent),
      purchased: fromMilli(s.purchased),
      consumed: fromMilli(s.consumed),
      entries: s.entries,
    }
  }

  return {
    account: (ref) => view(state(ref)),
    charge(ref, amount, taskId, limits) {
      const s = state(ref)
      const milli = toMilli(amount)
      const balance = fromMilli(s.subscription + s.permanent)
      if (limits && overLimit(s, milli, limits, options.clock.now()))
        return { ok: false, reason: 'spend_limit_exceeded', balance }
      if (s.subscription + s.permanent < milli)
        return { ok: false, reason: 'insufficient_credits', balance }
      const fromSubscription = Math.min(s.subscription, milli)
      const fromPermanent = milli - fromSubscription
      s.subscription -= fromSubscription
      s.permanent -= fromPermanent
      s.consumed += milli
      s.charges.set(taskId, { subscription: fromSubscription, permanent: fromPermanent })
      s.spends.add(options.clock.now(), milli, taskId)
      record(s, 'charge', milli, taskId)
      return {
        ok: true,
        total: amount,
        subscription: fromMilli(fromSubscription),
        permanent: fromMilli(fromPermanent),
      }
    },
    refund(ref, taskId) {
      const s = state(ref)
      const charged = s.charges.get(taskId)
      if (!charged) return
      s.charges.delete(taskId)
      s.subscription += charged.subscription
      s.permanent += charged.permanent
      s.consumed -= charged.subscription + charged.permanent
      // The refund cancels its own charge, in whichever window that charge fell.
      s.spends.cancel(taskId)
      record(s, 'refund', charged.subscription + charged.permanent, taskId)
    },
    spentSince: (ref, since) => fromMilli(state(ref).spends.since(since)),
    settle(ref, taskId) {
      accounts.get(keyOf(ref))?.charges.delete(taskId)
    },
    setBalance(ref, { subscription, permanent = 0 }) {
      const s = state(ref)
      s.subscription = toMilli(subscription)
      s.permanent = toMilli(permanent)
      s.purchased = Math.max(s.purchased, s.subscription + s.permanent + s.consumed)
      record(s, 'grant', 0)
      return view(s)
    },
    reset(namespace) {
      for (const key of [...accounts.keys()])
        if (namespace === undefined || (JSON.parse(key) as string[])[0] === namespace)
          accounts.delete(key)
    },
  }
}

/** Whether taking `milli` more would pass one of the limits (checked before the balance). */
function overLimit(s: State, milli: number, limits: SpendLimits, now: number): boolean {
  const over = (limit: number | undefined, spent: () => number) =>
    limit !== undefined && spent() + milli > toMilli(limit)
  return (
    over(limits.hourly, () => s.spends.since(now - HOUR_MS)) ||
    over(limits.daily, () => s.spends.since(now - SPEND_HISTORY_MS)) ||
    over(limits.total, () => s.consumed)
  )
}
