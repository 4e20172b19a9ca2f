/**
 * The emulator's log: one line per event (a request, a fault, a failed callback, the start), each
 * written either as a readable line or as one JSON object, the choice made once (`--log`). The
 * request and delivery lines are built in this folder, the command's own (start, warnings, stop)
 * in src/cli; all render through `renderEntry`, so `--log json` is JSON on every line.
 */

export type LogFormat = 'pretty' | 'json'

/** One event, in both of its forms. */
export interface LogEntry {
  /** What happened: `request`, `fault`, `callback_failed`, `listening`, `warning`... */
  event: string
  /** Milliseconds since the epoch: the JSON line's `time`. */
  time: number
  /** The JSON line's fields beside `time` and `event`, snake_case. */
  fields: Record<string, unknown>
  /** The readable line, whole (request-scoped lines start with their time of day). */
  text: string
}

export interface Log {
  /** False under `--log off`: nothing is written, so callers may skip building entries. */
  readonly enabled: boolean
  /** Whether readable lines may be painted: a terminal reads them. */
  readonly color: boolean
  write(entry: LogEntry): void
}

/** The line for `entry` in `format`. */
export function renderEntry(format: LogFormat, entry: LogEntry): string {
  if (format === 'pretty') return entry.text
  return JSON.stringify({
    time: new Date(entry.time).toISOString(),
    event: entry.event,
    ...entry.fields,
  })
}

/** A log writing each line through `write` (batched stdout in the server), or none when `off`. */
export function createLog(
  format: LogFormat | 'off',
  write: (line: string) => void,
  color = false,
): Log {
  if (format === 'off') return { enabled: false, color: false, write: () => undefined }
  return {
    enabled: true,
    color: format === 'pretty' && color,
    write: (entry) => write(renderEntry(format, entry)),
  }
}

/** `HH:MM:SS.mmm` (UTC), the time column of readable lines. */
export function timeOfDay(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23)
}

/** A wait in the unit a person reads it in: `250 ms`, `2 s`, `3 min`, `1.5 h`. */
export function formatWait(ms: number): string {
  const round = (n: number) => String(Math.round(n * 10) / 10)
  if (ms < 1000) return `${ms} ms`
  if (ms < 60_000) return `${round(ms / 1000)} s`
  if (ms < 3_600_000) return `${round(ms / 60_000)} min`
  return `${round(ms / 3_600_000)} h`
}
