/**
 * A client that drops mid-body is no emulator failure: the journal records the request as 499
 * ("client closed request"), never 500, and nothing is logged as an unexpected error.
 */
import { connect } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useEmulator } from '../../support/emulator.js'
import { pollUntil } from '../../support/poll.js'

const server = useEmulator()

afterEach(() => {
  vi.restoreAllMocks()
})

/** Sends the head and part of the body it declares, then drops the connection. */
function dropMidBody(path: string, headers: string, namespace: string): Promise<void> {
  const { port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}` +
          `X-Emulator-Namespace: ${namespace}\r\nContent-Length: 100000\r\n\r\n{"prompt":"x`,
      )
      setTimeout(() => {
        socket.destroy()
        resolve()
      }, 100)
    })
    socket.on('error', reject)
  })
}

const journal = async (namespace: string) => {
  const response = await fetch(`${server.url}/__emulator/journal`, {
    headers: { 'x-emulator-namespace': namespace },
  })
  return ((await response.json()) as { entries: { status: number; body: unknown }[] }).entries
}

describe('a client that drops mid-body', () => {
  it.each([
    ['JSON', 'Content-Type: application/json\r\n'],
    ['multipart', 'Content-Type: multipart/form-data; boundary=b\r\n'],
  ])('is journaled as 499 with no error logged (%s)', async (kind, contentType) => {
    const errors = vi.spyOn(console, 'error')
    const namespace = `dropped-${kind}`
    await dropMidBody(
      '/gptproto/v1/images/generations',
      `Authorization: sk-dropper\r\n${contentType}`,
      namespace,
    )
    const entries = await pollUntil(
      () => journal(namespace),
      (list) => list.length > 0,
      { intervalMs: 20 },
    )
    expect(entries.at(-1)?.[0]?.status).toBe(499)
    expect(errors).not.toHaveBeenCalled()
  })
})
