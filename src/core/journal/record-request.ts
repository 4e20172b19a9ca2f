/** Hono middleware that writes each provider request to the journal once its response is ready. */
import type { Context, MiddlewareHandler } from 'hono'
import type { EmulatorEnv } from '../http/env.js'
import type { Clock } from '../clock.js'
import { nullProto, readBody } from '../http/read-body.js'
import { CLIENT_CLOSED_STATUS } from '../errors/client-closed.js'
import { namespaceOf } from '../steering/middleware.js'
import { summarizeJson, type JournalStore, type KeptBody } from './journal.js'
import { maskHeaders, redactField, redactSearch, scrubSecrets } from '../redact.js'
import { faultOfRequest } from '../faults/request-fault.js'
import type { ChangeFeed } from '../changes.js'

export function recordRequests(
  journal: JournalStore,
  clock: Clock,
  providerIds: readonly string[],
  changes: ChangeFeed,
): MiddlewareHandler<EmulatorEnv> {
  return async function recordRequest(c, next) {
    const at = clock.now()
    const started = performance.now()
    await next()
    const [, first = '', ...rest] = c.req.path.split('/')
    if (!providerIds.includes(first)) return
    const namespace = namespaceOf(c)
    const entry = {
      id: c.get('requestId'),
      at,
      namespace,
      provider: first,
      method: c.req.method,
      path: '/' + rest.join('/'),
      query: redactSearch(searchOf(c.req.url)),
      // Set only when a fault dropped the connection: no status was sent.
      status: (c.get('dropped') as string | undefined) === undefined ? c.res.status : null,
      latencyMs: Math.round(performance.now() - started),
      fault: faultOfRequest(c),
      headers: maskHeaders(c.req.raw.headers),
      body: await keptBody(c),
    }
    // Awaited, so another replica's journal shows the request once its answer is out; a journal
    // a shared store cannot take (Redis away) loses the entry, not the answer.
    await journal.record(entry).catch(() => undefined)
    changes.notify('journal', namespace)
  }
}

/** The `?...` of a request URL, without parsing all of it. */
function searchOf(url: string): string {
  const start = url.indexOf('?')
  return start < 0 ? '' : url.slice(start)
}

/** The request's own key, to be cut out wherever it appears in a body. */
const keysOf = (c: Context<EmulatorEnv>): string[] => (c.get('apiKey') ? [c.get('apiKey')] : [])
const scrub = (c: Context<EmulatorEnv>, text: string): string => scrubSecrets(text, keysOf(c))

/**
 * The request body as the journal keeps it: its text with the request's key cut out (summarized
 * when read), or a summary of a multipart form. Reads only what hono has already cached or can
 * still read.
 */
async function keptBody(c: Context<EmulatorEnv>): Promise<KeptBody | null> {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return null
  if (c.res.status === 413) return { summary: { omitted: 'body over the limit' } }
  if (c.res.status === CLIENT_CLOSED_STATUS)
    return { summary: { omitted: 'the client closed the request' } }
  try {
    // The handler's own reader: the same verdict on what the bytes are, read only once.
    const body = await readBody(c)
    if (body.kind === 'multipart') {
      // Part names are the client's: a null-prototype record keeps `__proto__` a plain name.
      const fields = nullProto<unknown>()
      for (const [name, value] of body.form.entries()) {
        const summary =
          typeof value === 'string'
            ? summarizeJson(scrub(c, redactField(name, value)))
            : { file: value.name, type: value.type, bytes: value.size }
        fields[name] = name in fields ? [fields[name], summary].flat() : summary
      }
      return { summary: fields }
    }
    if (body.kind === 'malformed') return body.text === '' ? null : { text: scrub(c, body.text) }
    return { json: scrub(c, body.text) }
  } catch {
    return { summary: { unreadable: true } }
  }
}
