/**
 * Control-plane bodies are bounded: a body over `limits.controlBodyBytes` is refused with 413
 * before it is read whole, and one nested thousands deep with a 400, both in the emulator's
 * envelope.
 */
import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { useEmulator } from '../support/emulator.js'

const server = useEmulator({ limits: { controlBodyBytes: 64 * 1024 } })

const put = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/__emulator/keys/gptproto/sk-control`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })

describe('control-plane body limits', () => {
  it('refuses a body nested 6,000 deep with a 400 in the envelope', async () => {
    const response = await put('{"a":'.repeat(6000) + '1' + '}'.repeat(6000))
    expect(response.status).toBe(400)
    const { emulator_error } = (await response.json()) as { emulator_error: { message: string } }
    expect(emulator_error.message).toMatch(/nested/)
  })

  it('refuses a declared length over the limit with a 413 in the envelope', async () => {
    const response = await put(JSON.stringify({ credits: 5, pad: 'x'.repeat(100 * 1024) }))
    expect(response.status).toBe(413)
    const body = (await response.json()) as { emulator_error: { code: string } }
    expect(body.emulator_error.code).toBe('body_too_large')
  })

  it('refuses a chunked body once it passes the limit, without reading it all', async () => {
    const { port } = new URL(server.url)
    const answer = await new Promise<{ status: number; body: string; sent: number }>(
      (resolve, reject) => {
        const req = request({
          host: '127.0.0.1',
          port: Number(port),
          method: 'PUT',
          path: '/__emulator/keys/gptproto/sk-control',
          headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        })
        let sent = 0
        let answered = false
        const chunk = Buffer.alloc(8 * 1024, 0x20)
        const pump = () => {
          // Up to 64 MB unless the server answers first.
          while (!answered && sent < 64 * 1024 * 1024) {
            sent += chunk.length
            if (!req.write(chunk)) return void req.once('drain', pump)
          }
          req.end()
        }
        req.on('response', (res) => {
          answered = true
          let body = ''
          res.on('data', (d: Buffer) => (body += d.toString()))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }))
        })
        req.on('error', (err) => (answered ? undefined : reject(err)))
        req.write('{"credits":')
        pump()
      },
    )
    expect(answer.status).toBe(413)
    expect(answer.body).toContain('"emulator_error"')
    expect(answer.sent).toBeLessThan(16 * 1024 * 1024)
  })

  it('still takes a body under the limit', async () => {
    const response = await put(JSON.stringify({ credits: 5 }))
    expect(response.status).toBe(200)
  })
})
