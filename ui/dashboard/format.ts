/** Formatting helpers shared by the views. */

export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx' | 'other'

export function statusClass(status: number): StatusClass {
  if (status >= 200 && status < 300) return '2xx'
  if (status >= 300 && status < 400) return '3xx'
  if (status >= 400 && status < 500) return '4xx'
  if (status >= 500 && status < 600) return '5xx'
  return 'other'
}

const two = (n: number) => String(n).padStart(2, '0')

/** Local wall-clock time with milliseconds: what a person matches against test logs. */
export function clock(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const ms = String(d.getMilliseconds()).padStart(3, '0')
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${ms}`
}

export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—'
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`
}

/** Milliseconds from one ISO time to another, or undefined when either is missing. */
export function between(from: string | null, to: string | null): number | undefined {
  if (!from || !to) return undefined
  return new Date(to).getTime() - new Date(from).getTime()
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** A JSON value as indented text; strings (already summarized by the server) as they are. */
export function pretty(value: unknown): string {
  if (value === null || value === undefined) return '(empty)'
  if (typeof value === 'string') return value
  return JSON.stringify(value, null, 2)
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

export function number(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, '')
}

/**
 * An image URL the page can load: the emulator's own `/files/...` path on this origin, even when
 * a public URL (`EMULATOR_PUBLIC_URL`, for a container network) names a host this browser cannot
 * reach and the page's policy would refuse.
 */
export function sameOrigin(url: string): string {
  const parsed = new URL(url, location.href)
  return parsed.pathname.startsWith('/files/') ? parsed.pathname + parsed.search : url
}
