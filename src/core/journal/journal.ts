/**
 * The request journal: what each provider request sent and got, so a test can assert what its
 * application did. Bounded per namespace: past `maxEntries` a namespace's oldest entries are
 * dropped first. Headers are masked and the request's key cut from the body before anything is
 * stored; a body is kept as the text it was and summarized (secret fields redacted, long strings
 * cut) only when read, so recording costs a request next to nothing.
 */
import { redactJson } from '../redact.js'
import type { FiredFault } from '../faults/fired-fault.js'
import type { Async } from '../state/async.js'

export interface JournalEntry {
  id: string
  /** Milliseconds since the epoch. */
  at: number
  namespace: string
  provider: string | null
  method: string
  path: string
  query: string
  /** Null when the connection was dropped without a reply (a reset or empty fault). */
  status: number | null
  latencyMs: number
  /** The fault that fired on the request, if any. */
  fault: FiredFault | null
  headers: Record<string, string>
  body: unknown
}

/** A body as kept: the JSON (or malformed) text as sent, or a summary made when recorded. */
export type KeptBody = { json: string } | { text: string } | { summary: unknown }

/** An entry as recorded; its body is summarized when listed. */
export type RecordedEntry = Omit<JournalEntry, 'body'> & { body: KeptBody | null }

export interface JournalFilter {
  namespace?: string
  provider?: string
  /** Substring of the path under the mount. */
  path?: string
  method?: string
}

export interface Journal {
  record(entry: RecordedEntry): void
  list(filter?: JournalFilter): JournalEntry[]
  reset(namespace?: string): void
}

/** The journal as every store answers it (in memory, or shared on Redis). */
export type JournalStore = Async<Journal>

/** Namespaces kept when the config does not say (`journal.maxNamespaces`). */
export const DEFAULT_MAX_NAMESPACES = 100

/** One namespace's ring: recording is O(1) however full it is. */
interface Ring {
  slots: ({ seq: number; entry: RecordedEntry } | undefined)[]
  next: number
  size: number
}

/**
 * A bounded ring per namespace, so a busy namespace never wipes out a quiet one's entries, and a
 * bounded number of namespaces (least recently used forgotten first), so the total stays bounded:
 * `maxEntries` entries per namespace, `maxNamespaces` namespaces.
 */
export function createJournal(maxEntries: number, maxNamespaces = DEFAULT_MAX_NAMESPACES): Journal {
  // Map order is use order: a namespace is moved to the end whenever it is recorded or read.
  const rings = new Map<string, Ring>()
  let seq = 0
  const use = (namespace: string, create: boolean): Ring | undefined => {
    let ring = rings.get(namespace)
    if (ring) rings.delete(namespace)
    else if (create)
      ring = { slots: new Array<Ring['slots'][number]>(maxEntries), next: 0, size: 0 }
    if (!ring) return undefined
    rings.set(namespace, ring)
    while (rings.size > maxNamespaces) rings.delete(rings.keys().next().value!)
    return ring
  }
  const inOrder = (ring: Ring) => {
    const out: { seq: number; entry: RecordedEntry }[] = []
    for (let i = 0; i < ring.size; i++)
      out.push(ring.slots[(ring.next - ring.size + i + maxEntries) % maxEntries]!)
    return out
  }
  return {
    record(entry) {
      if (maxEntries === 0 || maxNamespaces === 0) return
      const ring = use(entry.namespace, true)!
      ring.slots[ring.next] = { seq: seq++, entry }
      ring.next = (ring.next + 1) % maxEntries
      ring.size = Math.min(ring.size + 1, maxEntries)
    },
    list(filter = {}) {
      const chosen =
        filter.namespace === undefined
          ? [...rings.values()]
          : [use(filter.namespace, false)].filter((r) => r !== undefined)
      const ordered = chosen
        .flatMap(inOrder)
        .sort((a, b) => a.seq - b.seq)
        .map(({ entry }) => entry)
      return listedEntries(ordered, filter)
    },
    reset(namespace) {
      if (namespace === undefined) rings.clear()
      else rings.delete(namespace)
    },
  }
}

/**
 * Recorded entries, already in record order, as a list answers them: those the filter keeps
 * (its namespace is the caller's to choose), bodies summarized. Every journal store lists so.
 */
export function listedEntries(
  ordered: readonly RecordedEntry[],
  filter: JournalFilter,
): JournalEntry[] {
  return ordered
    .filter(
      (e) =>
        (filter.provider === undefined || e.provider === filter.provider) &&
        (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
        (filter.path === undefined || e.path.includes(filter.path)),
    )
    .map((e) => ({ ...e, body: e.body && summarizeBody(e.body) }))
}

/** What a kept body reads as: parsed, secret fields redacted, then made small. */
function summarizeBody(body: KeptBody): unknown {
  if ('summary' in body) return body.summary
  if ('text' in body) return summarizeJson(body.text)
  try {
    // Redacted before it is summarized: a cut string must not keep half a token.
    return summarizeJson(redactJson(JSON.parse(body.json), []))
  } catch {
    return summarizeJson(body.json)
  }
}

const MAX_STRING = 200

/**
 * A JSON body made small enough to keep: long strings (prompts, base64) cut with their length
 * noted, so the journal stays cheap and still answers "what did my app send".
 */
export function summarizeJson(value: unknown, depth = 0): unknown {
  if (typeof value === 'string')
    return value.length > MAX_STRING
      ? `${value.slice(0, MAX_STRING)}… (${value.length} chars)`
      : value
  if (value === null || typeof value !== 'object') return value
  // Cut off, not kept: a deep value kept whole overflows the stack when the journal is served.
  if (depth > 6) return Array.isArray(value) ? '[…]' : '{…}'
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => summarizeJson(v, depth + 1))
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, summarizeJson(v, depth + 1)]))
}
