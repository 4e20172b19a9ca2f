/**
 * Hono middleware writing each request's log lines once its response is ready: the request (with
 * why it was refused, or how its connection was dropped) and the fault it met. The lines' forms
 * live in core/log; the log batches its writes off the request's path.
 */
import type { MiddlewareHandler } from 'hono'
import type { EmulatorEnv } from './env.js'
import type { Log } from '../log/log.js'
import { redactPath } from '../redact.js'
import { faultOfRequest } from '../faults/request-fault.js'
import { DROPPED_WORDS } from '../faults/fired-fault.js'
import { faultEntry, requestEntry } from '../log/request-lines.js'

export function logRequests(log: Log): MiddlewareHandler<EmulatorEnv> {
  return async function logRequest(c, next) {
    const started = performance.now()
    await next()
    const latencyMs = Math.round((performance.now() - started) * 10) / 10
    // A key set through the control plane travels in its path: the log names the route, not it.
    const path = redactPath(c.req.path)
    // Set only by some requests: absent unless an error was rendered or a fault dropped it.
    const dropped = c.get('dropped') as EmulatorEnv['Variables']['dropped'] | undefined
    const reason = c.get('refusal') as string | undefined
    const request = {
      time: Date.now(),
      requestId: c.get('requestId'),
      method: c.req.method,
      path,
      provider: path.split('/')[1] ?? '',
    }
    log.write(
      requestEntry(
        {
          ...request,
          status: dropped ? null : c.res.status,
          latencyMs,
          reason,
          dropped: dropped && DROPPED_WORDS[dropped],
        },
        log.color,
      ),
    )
    const fault = faultOfRequest(c)
    if (fault) log.write(faultEntry(fault, request))
  }
}
