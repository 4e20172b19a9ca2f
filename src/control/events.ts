/**
 * The live side of the control plane, for the dashboard: `/__emulator/events` streams what
 * changes (server-sent events, coalesced), `/__emulator/namespaces` lists the namespaces that hold
 * state, and control-plane writes are announced as changes of what they wrote.
 */
import { Hono, type MiddlewareHandler } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { Runtime } from '../runtime.js'
import type { EmulatorEnv } from '../core/http/env.js'
import type { components } from '../generated/emulator.js'
import type { Change, ChangeTopic, ChangeFeed } from '../core/changes.js'
import { namespaceOf } from '../core/steering/middleware.js'

/** Changes of one topic and namespace closer together than this are sent as one. */
const COALESCE_MS = 100
/** A comment this often keeps proxies from closing an idle stream. */
const PING_MS = 15_000

/**
 * A provider request may also have charged a key and fired a rule: a journal change tells the
 * reader to look at those too.
 */
const ALSO_CHANGED: Partial<Record<ChangeTopic, ChangeTopic[]>> = { journal: ['keys', 'faults'] }

export function createEventRoutes(runtime: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()

  app.get('/namespaces', async (c) => {
    const body: components['schemas']['NamespaceList'] = {
      namespaces: (await runtime.changes.namespaces()).map((name) => ({ name })),
    }
    return c.json(body)
  })

  app.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      const due = new Map<string, Change>()
      let flush: NodeJS.Timeout | undefined
      const send = () => {
        flush = undefined
        const changes = [...due.values()]
        due.clear()
        for (const change of changes)
          void stream.writeSSE({ event: 'change', data: JSON.stringify(change) })
      }
      const queue = (change: Change) => {
        due.set(`${change.topic}\u0000${change.namespace ?? ''}`, change)
        flush ??= setTimeout(send, COALESCE_MS)
      }
      const unsubscribe = runtime.changes.subscribe((change) => {
        queue(change)
        for (const topic of ALSO_CHANGED[change.topic] ?? [])
          queue({ topic, namespace: change.namespace })
      })
      const ping = setInterval(() => void stream.write(': ping\n\n'), PING_MS)
      // Written at once, so a reader knows it is connected before anything changes.
      await stream.write(': connected\n\n')
      await new Promise<void>((resolve) => {
        stream.onAbort(() => {
          unsubscribe()
          clearInterval(ping)
          clearTimeout(flush)
          resolve()
        })
      })
    }),
  )

  return app
}

/** Control-plane writes that announce themselves: the first segment of their path is the topic. */
const WRITES: ReadonlySet<string> = new Set<ChangeTopic>(['faults', 'keys', 'webhooks', 'journal'])

/**
 * Announces each successful control-plane write as a change of what it wrote. Tasks, deliveries
 * and resets announce themselves where they happen.
 */
export function announceWrites(changes: ChangeFeed): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    await next()
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.res.status >= 400) return
    const topic = c.req.path.split('/')[2] ?? ''
    if (WRITES.has(topic)) changes.notify(topic as ChangeTopic, namespaceOf(c))
  }
}
