/**
 * Which requests a fault rule matches, and how a rule's draws are seeded: stated once, for the
 * in-memory rules and the Redis store alike, so a lone emulator and a set of replicas agree.
 */
import { createRandom, type Random } from '../random.js'

/** Which requests a rule applies to: every field it sets must agree. */
export interface FaultMatch {
  provider?: string
  method?: string
  /** Substring of the path under the provider's mount. */
  path?: string
  /** The API key, exactly. */
  key?: string
  /** Case-insensitive substring of the request's prompt. */
  promptContains?: string
}

/** What a rule is matched against: one provider request. */
export interface FaultRequest {
  namespace: string
  provider: string
  method: string
  path: string
  key: string
  prompt?: string
}

/** Whether every field the match sets agrees with the request. */
export function matchesFault(match: FaultMatch, request: FaultRequest): boolean {
  return (
    (match.provider === undefined || match.provider === request.provider) &&
    (match.method === undefined || match.method.toUpperCase() === request.method) &&
    (match.path === undefined || request.path.includes(match.path)) &&
    (match.key === undefined || match.key === request.key) &&
    (match.promptContains === undefined ||
      (request.prompt ?? '').toLowerCase().includes(match.promptContains.toLowerCase()))
  )
}

/** Whether any of the rules matches on the prompt (so the body must be read first). */
export function anyMatchesPrompt(rules: readonly { match: FaultMatch }[]): boolean {
  return rules.some((rule) => rule.match.promptContains !== undefined)
}

/** Whether a rule limited to `times` firings has used them all. */
export function isSpent(rule: { times?: number; fired: number }): boolean {
  return rule.times !== undefined && rule.fired >= rule.times
}

/** A rule's own generator: its draws depend only on the seed, its namespace and its id. */
export function ruleRandom(seed: string, namespace: string, id: string): Random {
  return createRandom(`${seed}:fault:${namespace}:${id}`)
}
