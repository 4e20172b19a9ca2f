/**
 * Responses with their volatile parts (ids, timestamps, URLs, base64, balances, free text)
 * replaced by placeholders, so a live answer, a recording and the emulator can be compared.
 */

const TIMESTAMP_KEYS =
  /^(created|created_at|completed_at|create_at|complete_at|timestamp|at|started_at)$/
const TEXT_KEYS = /^(message|msg|prompt|revised_prompt|actual_prompt)$/
const STABLE_NUMBER_KEYS = /^(code|status|n|width|height|partial_image_index)$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const PREFIXED_ID = /^(gen|req|task|msg|cb|ep)_[A-Za-z0-9]+$/

export function normalize(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => normalize(v, key))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, normalize((value as Record<string, unknown>)[k], k)]),
    )
  }
  if (typeof value === 'number') {
    if (TIMESTAMP_KEYS.test(key)) return '<timestamp>'
    return STABLE_NUMBER_KEYS.test(key) ? value : '<number>'
  }
  if (typeof value !== 'string') return value
  if (TIMESTAMP_KEYS.test(key)) return '<timestamp>'
  if (TEXT_KEYS.test(key)) return '<text>'
  if (
    UUID.test(value) ||
    PREFIXED_ID.test(value) ||
    key === 'id' ||
    key === 'task_id' ||
    key === 'taskId'
  )
    return '<id>'
  if (/^(https?:|data:)/.test(value)) return '<url>'
  if (value.length > 200) return '<base64>'
  return value
}

/** Paths where two normalized values differ: `data.status: "success" != "failed"`. */
export function differences(a: unknown, b: unknown, path = ''): string[] {
  if (a === b) return []
  if (Array.isArray(a) && Array.isArray(b)) {
    // Lists of one shape compare by their first element: their length is usually volatile.
    return a.length && b.length
      ? differences(a[0], b[0], `${path}[0]`)
      : a.length === b.length
        ? []
        : [`${path}: ${a.length} items != ${b.length}`]
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    return [...keys].flatMap((k) => {
      const [x, y] = [(a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]]
      const p = path ? `${path}.${k}` : k
      if (x === undefined) return [`${p}: missing here`]
      if (y === undefined) return [`${p}: not in the other`]
      return differences(x, y, p)
    })
  }
  return [`${path || '(body)'}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`]
}
