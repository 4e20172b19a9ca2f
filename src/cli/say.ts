/**
 * The command's own lines (warnings, the start, the stop) in the log's format: the readable
 * text as it stands, or under `--log json` one JSON object per line, so a log collector reading
 * the process's output parses every line of it.
 */
import { renderEntry, type LogEntry, type LogFormat } from '../core/log/log.js'

export interface Say {
  /** A line for stdout: what the command is doing. */
  out(event: string, fields: Record<string, unknown>, text: string): void
  /** A line for stderr: warnings, and what was left undone. */
  err(event: string, fields: Record<string, unknown>, text: string): void
  /** Prebuilt entries (the start banner's). */
  entries(entries: readonly LogEntry[], stream: 'out' | 'err'): void
}

export function createSay(format: LogFormat): Say {
  const line = (event: string, fields: Record<string, unknown>, text: string) =>
    renderEntry(format, { event, time: Date.now(), fields, text })
  return {
    out: (event, fields, text) => console.log(line(event, fields, text)),
    err: (event, fields, text) => console.error(line(event, fields, text)),
    entries(entries, stream) {
      for (const entry of entries)
        (stream === 'out' ? console.log : console.error)(renderEntry(format, entry))
    },
  }
}
