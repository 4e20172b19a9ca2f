/**
 * The request journal: what each provider request sent and got, so a test can assert what its
 * application did. Bounded: past `maxEntries` the oldest entries are dropped first. Secrets are
 * masked and bodies summarized before anything is stored.
 */

export interface JournalEntry {
  id: string
  /** Milliseconds since the epoch. */
  at: number
  namespace: string
  provider: string | null
  method: string
  path: string
  query: string
  status: number
  latencyMs: number
  headers: Record<string, string>
  body: unknown
}

export interface JournalFilter {
  namespace?: string
  provider?: string
  /** Substring of the path under the mount. */
  path?: string
  method?: string
}

export interface Journal {
  record(entry: JournalEntry): void
  list(filter?: JournalFilter): JournalEntry[]
  reset(namespace?: string): void
}

export function createJournal(maxEntries: number): Journal {
  // A ring: recording is O(1) however full the journal is.
  let ring = new Array<JournalEntry | undefined>(maxEntries)
  let next = 0
  let size = 0
  const inOrder = (): JournalEntry[] => {
    const out: JournalEntry[] = []
    for (let i = 0; i < size; i++) out.push(ring[(next - size + i + maxEntries) % maxEntries]!)
    return out
  }
  return {
    record(entry) {
      if (maxEntries === 0) return
      ring[next] = entry
      next = (next + 1) % maxEntries
      size = Math.min(size + 1, maxEntries)
    },
    list: (filter = {}) =>
      inOrder().filter(
        (e) =>
          (filter.namespace === undefined || e.namespace === filter.namespace) &&
          (filter.provider === undefined || e.provider === filter.provider) &&
          (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
          (filter.path === undefined || e.path.includes(filter.path)),
      ),
    reset(namespace) {
      const kept = namespace === undefined ? [] : inOrder().filter((e) => e.namespace !== namespace)
      ring = new Array<JournalEntry | undefined>(maxEntries)
      next = 0
      size = 0
      for (const entry of kept) this.record(entry)
    },
  }
}

const SECRET_HEADERS = new Set(['authorization', 'x-api-key', 'cookie', 'proxy-authorization'])

/**
 * Request headers with secrets cut to a recognisable prefix: `Bearer sk-a…` keeps which key it
 * was.
 */
export function maskHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  headers.forEach((value, name) => {
    out[name] = SECRET_HEADERS.has(name) ? maskSecret(value) : value
  })
  return out
}

export function maskSecret(value: string): string {
  const [scheme, token] = /^bearer\s+/i.test(value)
    ? [value.slice(0, 7), value.slice(7)]
    : ['', value]
  return token.length <= 6 ? `${scheme}***` : `${scheme}${token.slice(0, 6)}…`
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
  if (depth > 6 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => summarizeJson(v, depth + 1))
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, summarizeJson(v, depth + 1)]))
}
