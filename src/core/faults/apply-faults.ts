/**
 * Hono middleware that carries out a request's fault plan: the plan comes from the fault rules
 * and the steering's one-shot faults; latency and dropped connections happen here, a
 * forced error is thrown for the provider to render, broken bodies are made from the real
 * response, and task and callback faults are left on the context for the handlers.
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { EmulatorEnv } from '../http/env.js'
import { incomingOf } from '../http/env.js'
import type { Random } from '../random.js'
import type { FaultStore } from './fault-rules.js'
import type { Scheduler } from '../scheduler.js'
import { sleep } from '../scheduler.js'
import { EmulatorError } from '../errors/emulator-error.js'
import { Refusal } from '../errors/failure.js'
import { readBody } from '../http/read-body.js'
import { mergePlans } from './fault-actions.js'
import { firedFault } from './fired-fault.js'

export interface ApplyFaultsOptions {
  provider: string
  rules: FaultStore
  /** Draws latencies within a range. */
  random: Random
  scheduler: Scheduler
}

export function applyFaults({
  provider,
  rules,
  random,
  scheduler,
}: ApplyFaultsOptions): MiddlewareHandler<EmulatorEnv> {
  return async function applyFaults(c, next) {
    const path = c.req.path.slice(provider.length + 1) || '/'
    const { namespace, faults: oneShot } = c.get('steering')
    const fired = await rules.fire({
      namespace,
      provider,
      method: c.req.method,
      path,
      key: c.get('apiKey'),
      prompt: (await rules.needsPrompt(namespace)) ? await readPrompt(c) : undefined,
    })
    // The request's own headers win over the rules where both say something.
    const plan = mergePlans(fired.plan, oneShot)
    c.set('faults', plan)
    c.set('fault', firedFault(plan, fired.ruleIds, Object.keys(oneShot).length > 0))

    if (plan.latency) {
      const { minMs, maxMs } = plan.latency
      await sleep(scheduler, minMs + Math.round((maxMs - minMs) * random.next()))
    }
    const connection = plan.connection
    if (connection?.kind === 'reset' || connection?.kind === 'empty')
      return dropConnection(c, connection.kind)
    if (plan.error) throw new Refusal(plan.error)

    await next()

    if (connection?.kind === 'truncate') c.res = await truncate(c)
    if (connection?.kind === 'malformed') c.res = await malform(c.res)
    if (connection?.kind === 'stream-cut') c.res = cutStream(c, connection.afterEvents)
  }
}

/**
 * The request's prompt (`prompt` or `input.prompt`), for rules that match on it; read with the
 * handler's own body reader, so a body it would refuse matches no prompt and breaks nothing.
 */
async function readPrompt(c: Context): Promise<string | undefined> {
  let prompt: unknown
  try {
    const body = await readBody(c)
    if (body.kind === 'multipart') prompt = body.form.get('prompt')
    if (body.kind === 'json') prompt = promptOf(body.value)
  } catch {
    return undefined // too large or cut short: the handler's read refuses it
  }
  return typeof prompt === 'string' ? prompt : undefined
}

function promptOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return undefined
  const { prompt, input } = value as { prompt?: unknown; input?: unknown }
  if (prompt !== undefined) return prompt
  return typeof input === 'object' && input !== null
    ? (input as { prompt?: unknown }).prompt
    : undefined
}

type Socket = NonNullable<EmulatorEnv['Bindings']['incoming']>['socket']

function socketOf(c: Context<EmulatorEnv>): Socket {
  const socket = incomingOf(c)?.socket
  if (!socket)
    throw new EmulatorError(
      400,
      'unsupported_fault',
      'Connection faults need the emulator to run as an HTTP server.',
      { field: 'X-Emulator-Fault' },
    )
  return socket
}

/**
 * `reset` sends a TCP RST; `empty` closes the connection without a response. Nothing is processed.
 */
function dropConnection(c: Context<EmulatorEnv>, kind: 'reset' | 'empty'): Response {
  const socket = socketOf(c)
  // The log reads this: the 204 below is never sent, so it must not say one was.
  c.set('dropped', kind)
  if (kind === 'reset') socket.resetAndDestroy()
  else socket.destroySoon()
  return new Response(null, { status: 204 }) // written to a closed socket: never seen
}

/** Closes the connection once the bytes already written have had time to leave. */
async function dropAfterFlush(socket: Socket): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50))
  socket.destroy()
}

/** Status, headers with the full length, and half the body; then the connection drops. */
async function truncate(c: Context<EmulatorEnv>): Promise<Response> {
  const socket = socketOf(c)
  const bytes = new Uint8Array(await c.res.arrayBuffer())
  const headers = new Headers(c.res.headers)
  headers.set('content-length', String(bytes.length))
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(bytes.subarray(0, Math.floor(bytes.length / 2))),
    async pull(controller) {
      await dropAfterFlush(socket)
      controller.close()
    },
  })
  return new Response(body, { status: c.res.status, headers })
}

/**
 * The same status and headers with a body that is not valid JSON: its first half, properly framed.
 */
async function malform(response: Response): Promise<Response> {
  const text = await response.text()
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  return new Response(text.slice(0, Math.floor(text.length / 2)), {
    status: response.status,
    headers,
  })
}

/** Passes `afterEvents` server-sent events through, then drops the connection. */
function cutStream(c: Context<EmulatorEnv>, afterEvents: number): Response {
  const response = c.res
  if (
    !response.body ||
    !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')
  )
    return response
  const socket = socketOf(c)
  // Node's Response types its body loosely; a hono response body is bytes.
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>
  const decoder = new TextDecoder()
  const encoder = new TextEncoder()
  let buffered = ''
  let sent = 0
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= afterEvents) {
        await reader.cancel()
        await dropAfterFlush(socket)
        controller.close()
        return
      }
      const { done, value } = await reader.read()
      if (done) {
        controller.close()
        return
      }
      buffered += decoder.decode(value, { stream: true })
      let end: number
      while ((end = buffered.indexOf('\n\n')) !== -1 && sent < afterEvents) {
        controller.enqueue(encoder.encode(buffered.slice(0, end + 2)))
        buffered = buffered.slice(end + 2)
        sent++
      }
    },
    cancel: (reason) => reader.cancel(reason),
  })
  return new Response(body, { status: response.status, headers: response.headers })
}
