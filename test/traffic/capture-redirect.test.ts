// Proves record mode's callback relay never follows a redirect: the receiver's 3xx is passed on
// to the upstream as its answer, and the place it points at is never called.
import { afterEach, describe, expect, it } from 'vitest'
import { createCaptures } from '../../src/traffic/capture.js'
import type { Cassette, HarEntry } from '../../src/traffic/cassette.js'
import { startReceiver, type Receiver } from '../support/receiver.js'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

let closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers) await close()
  closers = []
})

/** A receiver that answers every callback with a redirect to `location`. */
async function redirecting(location: string): Promise<string> {
  const server: Server = createServer((_req, res) => res.writeHead(307, { location }).end())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(() => new Promise((resolve) => server.close(() => resolve())))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
}

describe('the record-mode callback relay', () => {
  it('passes a redirect on without following it', async () => {
    const elsewhere: Receiver = await startReceiver()
    closers.push(() => elsewhere.close())
    const target = await redirecting(`${elsewhere.url}/stolen`)
    const entries: HarEntry[] = []
    const cassette = {
      provider: 'crun',
      entries,
      append: (entry: HarEntry) => entries.push(entry) - 1,
      reserve: () => {
        throw new Error('not used')
      },
    } satisfies Cassette
    const { registry, routes } = createCaptures()
    const captureUrl = registry.register(target, 'http://emulator.test', {
      provider: 'crun',
      cassette,
      blobs: { put: () => 'blobs/none', get: () => Buffer.alloc(0) },
      secrets: [],
      requestEntry: Promise.resolve(0),
    })
    const response = await routes.request(new URL(captureUrl).pathname.replace('/__emulator', ''), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"task_id":"t1"}',
    })
    expect(response.status).toBe(307)
    expect(elsewhere.received, 'the redirect target was never called').toHaveLength(0)
    expect(entries[0]?.response.status).toBe(307)
  })

  it('draws capture tokens from the system, so two emulators never share one', () => {
    // A seeded token would repeat for everyone on the default seed, and the path is the credential.
    const record = {} as Parameters<ReturnType<typeof createCaptures>['registry']['register']>[2]
    const first = createCaptures().registry.register('http://a.test', 'http://e.test', record)
    const second = createCaptures().registry.register('http://a.test', 'http://e.test', record)
    expect(first).toMatch(/^http:\/\/e\.test\/__emulator\/capture\/[0-9a-f]{48}$/)
    expect(second).not.toBe(first)
  })
})
