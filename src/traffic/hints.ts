/**
 * What record and replay read from a provider's descriptor: where its callback URL lives (a body
 * field, a query parameter or a header), which fields never identify a request, and how to read a
 * task id from a callback body. Nothing here knows a provider by name.
 */
import type { CallbackUrlPlace, TrafficHints } from '../providers/descriptor.js'

/** The parts of a request a callback URL can live in. */
export interface RequestParts {
  url: URL
  headers: Headers
  bytes?: Buffer
  contentType?: string
}

/** Body fields and query parameters left out of a request's identity. */
export interface Volatile {
  fields: ReadonlySet<string>
  query: ReadonlySet<string>
}

export const NOTHING_VOLATILE: Volatile = { fields: new Set(), query: new Set() }

export function volatileOf(hints: TrafficHints = {}): Volatile {
  const place = hints.callbackUrl
  return {
    fields: new Set([
      ...(hints.volatileFields ?? []),
      ...(place?.in === 'body' ? [place.field] : []),
    ]),
    query: new Set(place?.in === 'query' ? [place.name] : []),
  }
}

function jsonBody(parts: RequestParts): Record<string, unknown> | undefined {
  if (!parts.bytes || !(parts.contentType ?? '').includes('json')) return undefined
  try {
    const body: unknown = JSON.parse(parts.bytes.toString('utf8'))
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/** The callback URL the request carries, if the provider has one and it was sent. */
export function callbackUrlOf(place: CallbackUrlPlace | undefined, parts: RequestParts) {
  if (!place) return undefined
  const value =
    place.in === 'body'
      ? jsonBody(parts)?.[place.field]
      : place.in === 'query'
        ? parts.url.searchParams.get(place.name)
        : parts.headers.get(place.name)
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** The request with its callback URL replaced by `capture(url)`; unchanged when it has none. */
export function withCallbackUrl(
  place: CallbackUrlPlace | undefined,
  parts: RequestParts,
  capture: (url: string) => string,
): RequestParts {
  const url = callbackUrlOf(place, parts)
  if (!place || url === undefined) return parts
  switch (place.in) {
    case 'body': {
      const body = { ...jsonBody(parts), [place.field]: capture(url) }
      return { ...parts, bytes: Buffer.from(JSON.stringify(body)) }
    }
    case 'query': {
      const rewritten = new URL(parts.url)
      rewritten.searchParams.set(place.name, capture(url))
      return { ...parts, url: rewritten }
    }
    case 'header': {
      const headers = new Headers(parts.headers)
      headers.set(place.name, capture(url))
      return { ...parts, headers }
    }
  }
}

/** The task a recorded callback body speaks of, for the delivery log. */
export function taskIdOfCallback(hints: TrafficHints = {}, text: string): string {
  try {
    const body: unknown = JSON.parse(text)
    return hints.taskIdOf?.(body) ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/**
 * The task a webhook event speaks of: the provider's own reading first, then where events
 * usually carry it (skills.video's: `data.id` and `prediction.id`).
 */
export function webhookTaskId(hints: TrafficHints = {}, body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const own = hints.taskIdOf?.(body)
  if (own) return own
  const record = body as Record<string, unknown>
  for (const wrapper of ['data', 'prediction', 'task']) {
    const inner = record[wrapper]
    const id =
      typeof inner === 'object' && inner !== null ? (inner as { id?: unknown }).id : undefined
    if (typeof id === 'string' && id !== '') return id
  }
  const flat = record.task_id ?? record.taskId
  return typeof flat === 'string' && flat !== '' ? flat : undefined
}
