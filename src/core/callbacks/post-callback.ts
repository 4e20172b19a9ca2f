/**
 * One attempt on the wire: a POST within the timeout whose answer's status is all that counts,
 * and the one-line reason an attempt got no answer.
 */
import type { Scheduler } from '../scheduler.js'

export interface CallbackPost {
  url: string
  body: string
  headers: Record<string, string>
}

export interface PostOptions {
  send: typeof fetch
  /** The timeout runs on the scheduler, so fake time can run it out. */
  scheduler: Scheduler
  timeoutMs: number
  /** Attempts on the wire, so a shutdown can abort them. */
  inFlight: Set<AbortController>
}

/** POSTs once and resolves with the answer's status; rejects when no answer came. */
export async function postCallback(post: CallbackPost, options: PostOptions): Promise<number> {
  const { send, scheduler, timeoutMs, inFlight } = options
  const abort = new AbortController()
  const timeout = new DOMException(`timeout after ${timeoutMs} ms`, 'TimeoutError')
  const cancelTimeout = scheduler.after(timeoutMs, () => abort.abort(timeout))
  inFlight.add(abort)
  try {
    const response = await send(post.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'gpt-image-emulator',
        ...post.headers,
      },
      body: post.body,
      signal: abort.signal,
      redirect: 'manual',
    })
    // Only the status counts: the body is never read, whatever its size.
    await response.body?.cancel().catch(() => undefined)
    return response.status
  } finally {
    inFlight.delete(abort)
    cancelTimeout()
  }
}

/** Why an attempt got no answer, in one line: a timeout, a shutdown, or the socket error. */
export function describeNetworkError(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && err.name === 'ShutdownError') return err.message
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return `timeout after ${timeoutMs} ms`
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err
  const { code, message } = cause as { code?: string; message?: unknown }
  return code ? `${code}: ${String(message)}` : String(message ?? cause)
}
