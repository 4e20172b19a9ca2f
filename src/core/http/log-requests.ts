/** One log line per request: method, path, provider, status and latency; readable, or JSON. */
import type { MiddlewareHandler } from 'hono'
import type { EmulatorEnv } from './env.js'
import { redactPath } from '../redact.js'

export function logRequests(
  format: 'pretty' | 'json',
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
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
