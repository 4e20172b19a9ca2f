/**
 * Bad input of every kind gets the provider's own envelope and a 4xx, never a 500 or a crash,
 * and leaves the emulator serving what it served before.
 */
import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { useEmulator, jsonRequest } from '../support/emulator.js'

const server = useEmulator({ limits: { jsonBodyBytes: 8 * 1024, multipartBodyBytes: 64 * 1024 } })

interface Target {
  path: string
  auth: Record<string, string>
  valid: Record<string, unknown>
  /** Checks the body is in this provider's error envelope. */
  envelope: (body: any) => void
}

const targets: Record<string, Target> = {
  gptproto: {
    path: '/gptproto/v1/images/generations',
    auth: { authorization: 'sk-bad-input' },
    valid: { model: 'gpt-image-2', prompt: 'x', size: '1024x1024' },
    envelope: (body) =>
      expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']),
  },
  oceanbase: {
    path: '/oceanbase/api/v1/images/generations',
    auth: { authorization: 'Bearer ob-bad-input' },
    valid: { model: 'gpt-image-2', prompt: 'x', size: '1024x1024', n: 1 },
    envelope: (body) => expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'type']),
  },
}

const malformedBodies = [
  '{',
  '{"model": "gpt-image-2",}',
  '[]',
  '"a string"',
  'null',
  '',
  '\u0000\u0001\u00ff',
]

describe.each(Object.entries(targets))('%s bad input', (_, target) => {
  const send = (body: unknown, headers: Record<string, string> = target.auth) =>
    fetch(server.url + target.path, jsonRequest(body, headers))

  it.each(malformedBodies)('answers malformed body %j with a 400 in the envelope', async (body) => {
    const response = await send(body)
    expect(response.status).toBe(400)
    target.envelope(await response.json())
  })

  it.each([
    ['prompt', 42],
    ['prompt', ['x']],
    ['prompt', null],
    ['n', 'two'],
    ['n', 1.5],
    ['n', 0],
    ['n', 11],
    ['size', 1024],
    ['size', '1024 x 1024'],
    ['model', 'dall-e-9'],
  ])('answers %s = %j with a 400 naming the field', async (field, value) => {
    const response = await send({ ...target.valid, [field]: value })
    expect(response.status).toBe(400)
    const body: any = await response.json()
    target.envelope(body)
    if ('param' in body.error) expect(body.error.param).toBe(field)
    expect(body.error.message).toMatch(new RegExp(`'${field}'|Invalid (value|size)`))
  })

  it.each([
    [{}],
    [{ authorization: '' }],
    [{ authorization: 'Basic dXNlcjpwYXNz' }],
    [{ authorization: 'Bearer' }],
    [{ authorization: 'Bearer two words' }],
  ])('answers auth %j with a 401 in the envelope', async (headers) => {
    const response = await send(target.valid, headers)
    expect(response.status).toBe(401)
    target.envelope(await response.json())
  })

  it('answers a body over the limit with a 413, declared or streamed', async () => {
    const declared = await send({ ...target.valid, prompt: 'x'.repeat(10_000) })
    expect(declared.status).toBe(413)
    target.envelope(await declared.json())

    const chunked = await rawPost(target.path, target.auth, [
      '{"prompt":"',
      'x'.repeat(9_000),
      '"}',
    ])
    expect(chunked.status).toBe(413)
    target.envelope(JSON.parse(chunked.body))
  })

  it('still serves a valid request and its earlier files after all of that', async () => {
    const response = await send(target.valid)
    expect(response.status).toBe(200)
    expect((await fetch(`${server.url}/__emulator/health`)).status).toBe(200)
  })
})

/** A POST with a chunked body (no content-length), as streaming clients send. */
function rawPost(
  path: string,
  headers: Record<string, string>,
  chunks: string[],
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      server.url + path,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      },
      (res) => {
        let body = ''
        res.on('data', (d: Buffer) => (body += d.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', reject)
    for (const chunk of chunks) req.write(chunk)
    req.end()
  })
}
