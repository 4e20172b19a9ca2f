/** Hono middleware that writes each provider request to the journal once its response is ready. */
import type { Context, MiddlewareHandler } from 'hono'
import type { EmulatorEnv } from '../http/env.js'
import type { Clock } from '../clock.js'
import { isMultipart } from '../http/read-body.js'
import { namespaceOf } from '../steering/middleware.js'
import { maskHeaders, summarizeJson, type Journal } from './journal.js'

export function recordRequests(
  journal: Journal,
  clock: Clock,
  providerIds: readonly string[],
): MiddlewareHandler<EmulatorEnv> {
  return async function recordRequest(c, next) {
    const at = clock.now()
    const started = performance.now()
    await next()
    const [, first = '', ...rest] = c.req.path.split('/')
    if (!providerIds.includes(first)) return
    journal.record({
      id: c.get('requestId'),
      at,
      namespace: namespaceOf(c),
      provider: first,
      method: c.req.method,
      path: '/' + rest.join('/'),
      query: new URL(c.req.url).search,
      status: c.res.status,
      latencyMs: Math.round(performance.now() - started),
      headers: maskHeaders(c.req.raw.headers),
      body: await summarizeBody(c),
    })
  }
}

/** The request body, summarized; reads only what hono has already cached or can still read. */
async function summarizeBody(c: Context): Promise<unknown> {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return null
  if (c.res.status === 413) return { omitted: 'body over the limit' }
  try {
    if (isMultipart(c)) {
      const form = await c.req.formData()
      const fields: Record<string, unknown> = {}
      for (const [name, value] of form.entries()) {
        const summary =
          typeof value === 'string'
            ? summarizeJson(value)
            : { file: value.name, type: value.type, bytes: value.size }
        fields[name] = name in fields ? [fields[name], summary].flat() : summary
      }
      return fields
    }
    const text = await c.req.text()
    if (text === '') return null
    try {
      return summarizeJson(JSON.parse(text))
    } catch {
      return summarizeJson(text)
    }
  } catch {
    return { unreadable: true }
  }
}
