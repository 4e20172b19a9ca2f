/**
 * One log line per request: method, path, provider, status and latency; readable, or JSON. Lines
 * are written after the response, in one batch per turn of the event loop: stdout to a file or a
 * pipe in CI is synchronous, and a write per request would sit on every request's path.
 */
import type { MiddlewareHandler } from 'hono'
import type { EmulatorEnv } from './env.js'
import { redactPath } from '../redact.js'

/** Collects lines and writes them together once the current turn of the event loop is done. */
export function batchedLines(out: (text: string) => void): (line: string) => void {
  let pending: string[] = []
  const flush = () => {
    const lines = pending
    pending = []
    out(lines.join('\n') + '\n')
  }
  return (line) => {
    if (pending.push(line) === 1) setImmediate(flush)
  }
}

export function logRequests(
  format: 'pretty' | 'json',
  write: (line: string) => void = batchedLines((text) => process.stdout.write(text)),
): MiddlewareHandler<EmulatorEnv> {
  const color = format === 'pretty' && process.stdout.isTTY
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text)
  return async function logRequest(c, next) {
    const started = performance.now()
    await next()
    const latencyMs = Math.round((performance.now() - started) * 10) / 10
    // A key set through the control plane travels in its path: the log names the route, not it.
    const path = redactPath(c.req.path)
    const provider = path.split('/')[1] ?? ''
    const status = c.res.status
    if (format === 'json') {
      write(
        JSON.stringify({
          time: new Date().toISOString(),
          request_id: c.get('requestId'),
          method: c.req.method,
          path,
          provider,
          status,
          latency_ms: latencyMs,
        }),
      )
      return
    }
    const statusText = paint(status >= 500 ? 31 : status >= 400 ? 33 : 32, String(status))
    write(
      `${new Date().toISOString().slice(11, 23)} ${c.req.method.padEnd(6)} ${statusText} ` +
        `${String(latencyMs).padStart(7)} ms  ${path}`,
    )
  }
}
