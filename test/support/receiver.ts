/**
 * A real local HTTP server that receives callbacks and webhooks, answering as each test scripts it.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Received {
  path: string
  headers: IncomingHttpHeaders
  body: string
  at: number
  /** When the receiver answered it; undefined while it is held (or if it never is). */
  answeredAt?: number
}

/**
 * What to answer the nth request (0-based): a status code, 'hang' to never answer, or a promise
 * of a status code to answer only once it settles (a slow receiver, released by the test).
 */
export type Answer = (index: number, request: Received) => number | 'hang' | Promise<number>

export interface Receiver {
  url: string
  received: Received[]
  /** Resolves once `count` requests have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>
  close(): Promise<void>
}

export async function startReceiver(answer: Answer = () => 200): Promise<Receiver> {
  const received: Received[] = []
  let waiters: { count: number; resolve: () => void }[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      const request: Received = { path: req.url ?? '/', headers: req.headers, body, at: Date.now() }
      const index = received.push(request) - 1
      waiters = waiters.filter((w) => (received.length >= w.count ? (w.resolve(), false) : true))
      const status = answer(index, request)
      if (status === 'hang') return // never answer; the sender's timeout must end it
      const reply = (code: number) => {
        if (res.destroyed) return // the sender gave up first
        request.answeredAt = Date.now()
        res.writeHead(code, { 'content-type': 'text/plain' }).end('ok')
      }
      if (typeof status === 'number') reply(status)
      else void status.then(reply)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    waitFor(count, timeoutMs = 10_000) {
      if (received.length >= count) return Promise.resolve(received)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`expected ${count} requests, got ${received.length}`)),
          timeoutMs,
        )
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer)
            resolve(received)
          },
        })
      })
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
