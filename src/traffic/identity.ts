/**
 * A request's identity for replay: method, path under the mount, sorted query and a canonical
 * body, with auth, secrets, volatile fields (callback URLs) and redacted values left out: an
 * identity holds no secret, and two requests an
 * application would consider "the same call" get the same identity.
 */
import { createHash } from 'node:crypto'
import { NOTHING_VOLATILE, type Volatile } from './hints.js'
import { isSecretName } from '../core/redact.js'

export interface RequestShape {
  method: string
  /** Path under the provider's mount. */
  path: string
  query: [string, string][]
  /** JSON body, multipart fields, or raw text; null when empty. */
  body: unknown
}

/** The request as one string; `volatile` (the provider's callback URL, say) is left out. */
export function canonicalRequest(
  shape: RequestShape,
  volatile: Volatile = NOTHING_VOLATILE,
): string {
  const query = [...shape.query]
    // Credentials never identify a call: the same request with another key or signature matches.
    .filter(([name]) => !isSecretName(name) && !volatile.query.has(name))
    .sort(([a, av], [b, bv]) => a.localeCompare(b) || av.localeCompare(bv))
  return JSON.stringify([
    shape.method.toUpperCase(),
    shape.path,
    query,
    canonicalJson(shape.body, volatile.fields),
  ])
}

/** A short hash of the canonical request. */
export function identityOf(shape: RequestShape, volatile: Volatile = NOTHING_VOLATILE): string {
  return createHash('sha256').update(canonicalRequest(shape, volatile)).digest('hex').slice(0, 16)
}

/** Sorted keys, volatile fields dropped, so key order and callback hosts do not matter. */
export function canonicalJson(value: unknown, volatile: ReadonlySet<string> = new Set()): unknown {
  if (Array.isArray(value)) return value.map((item) => canonicalJson(item, volatile))
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.keys(value)
      .filter((k) => !volatile.has(k))
      .sort()
      .map((k) => [k, canonicalJson((value as Record<string, unknown>)[k], volatile)]),
  )
}

/** How unlike two canonical requests are (0 = same), for naming the closest recording. */
export function distance(a: string, b: string): number {
  if (a === b) return 0
  // Token-set distance: cheap, and good enough to point at the nearest recorded call.
  const tokens = (s: string) => new Set(s.split(/[^A-Za-z0-9_.:-]+/).filter(Boolean))
  const ta = tokens(a)
  const tb = tokens(b)
  let shared = 0
  for (const t of ta) if (tb.has(t)) shared++
  return 1 - (2 * shared) / (ta.size + tb.size || 1)
}

/**
 * What replay looks a recording up by: its canonical request, by default without the key's first
 * characters (`bearer:sk-` reads `bearer`), so a run with other keys replays the same cassettes;
 * `prefix` keeps them. The scheme stays: a call without a key never matches one with a key.
 */
export function replayKeyOf(canonical: string, matchKey: 'ignore' | 'prefix'): string {
  if (matchKey === 'prefix') return canonical
  try {
    const parsed = JSON.parse(canonical) as unknown[]
    const request = parsed[3] as { auth?: unknown } | null
    if (typeof request?.auth !== 'string') return canonical
    request.auth = request.auth.replace(/:.*$/s, '')
    return JSON.stringify(parsed)
  } catch {
    return canonical
  }
}
