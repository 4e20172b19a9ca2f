/**
 * Fault rules: "for requests like these, do this", set through `/__emulator/faults`. A rule can
 * fire with a probability (drawn from a generator seeded per rule, so a run repeats exactly) and
 * only for its first N firings.
 */
import type { Random } from '../random.js'
import type { FaultPlan } from './fault-actions.js'
import { mergePlans } from './fault-actions.js'
import {
  anyMatchesPrompt,
  isSpent,
  matchesFault,
  ruleRandom,
  type FaultMatch,
  type FaultRequest,
} from './fault-match.js'

export type { FaultMatch, FaultRequest }
import type { Async } from '../state/async.js'

export interface FaultRuleInput {
  match: FaultMatch
  plan: FaultPlan
  /** 0 to 1; 1 fires on every match. */
  probability: number
  /** Fires at most this many times; unlimited when absent. */
  times?: number
}

export interface FaultRule extends FaultRuleInput {
  id: string
  namespace: string
  /** Requests that matched. */
  matched: number
  /** Times it fired. */
  fired: number
}

/** The rules that fired for one request, and their plans merged. */
export interface FiredRules {
  plan: FaultPlan
  ruleIds: readonly string[]
}

export interface FaultRules {
  add(namespace: string, input: FaultRuleInput): FaultRule
  list(namespace: string): FaultRule[]
  remove(namespace: string, id: string): boolean
  /** Whether any rule of the namespace matches on the prompt (so the body must be read first). */
  needsPrompt(namespace: string): boolean
  /**
   * The merged plan of every rule that fires for this request (rules in the order they were
   * added), and the ids of those rules.
   */
  fire(request: FaultRequest): FiredRules
  reset(namespace?: string): void
}

/** Fault rules as every store answers them (in memory, or shared on Redis). */
export type FaultStore = Async<FaultRules>

const NOTHING_FIRED: FiredRules = { plan: {}, ruleIds: [] }

export function createFaultRules(seed: string): FaultRules {
  let rules: (FaultRule & { random: Random })[] = []
  const counters = new Map<string, number>()

  const strip = ({ random: _, ...rule }: FaultRule & { random: Random }): FaultRule => rule

  return {
    add(namespace, input) {
      const n = (counters.get(namespace) ?? 0) + 1
      counters.set(namespace, n)
      const id = `fault_${n}`
      const rule = {
        ...input,
        id,
        namespace,
        matched: 0,
        fired: 0,
        random: ruleRandom(seed, namespace, id),
      }
      rules.push(rule)
      return strip(rule)
    },
    list: (namespace) => rules.filter((r) => r.namespace === namespace).map(strip),
    remove(namespace, id) {
      const before = rules.length
      rules = rules.filter((r) => !(r.namespace === namespace && r.id === id))
      return rules.length < before
    },
    needsPrompt: (namespace) => anyMatchesPrompt(rules.filter((r) => r.namespace === namespace)),
    fire(request) {
      if (rules.length === 0) return NOTHING_FIRED
      const plans: FaultPlan[] = []
      const ruleIds: string[] = []
      for (const rule of rules) {
        if (rule.namespace !== request.namespace || !matchesFault(rule.match, request)) continue
        if (isSpent(rule)) continue
        rule.matched++
        // Draw on every match, so a rule's decisions depend only on the sequence of its matches.
        if (rule.random.next() >= rule.probability) continue
        rule.fired++
        plans.push(rule.plan)
        ruleIds.push(rule.id)
      }
      return { plan: mergePlans(...plans), ruleIds }
    },
    reset(namespace) {
      rules = namespace === undefined ? [] : rules.filter((r) => r.namespace !== namespace)
      if (namespace === undefined) counters.clear()
      else counters.delete(namespace)
    },
  }
}
