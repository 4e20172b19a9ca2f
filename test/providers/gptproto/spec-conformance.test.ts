/**
 * Every response gptproto can give, checked against specs/gptproto.openapi.yaml; the last test
 * fails if the spec documents a response no test here produced.
 */
import { describe, expect, it } from 'vitest'
import { useEmulator, jsonRequest } from '../../support/emulator.js'
import { createSpecValidator } from '../../support/spec-validator.js'
import { solidImage } from '../../support/images.js'

const server = useEmulator({ limits: { jsonBodyBytes: 64 * 1024, multipartBodyBytes: 256 * 1024 } })
const spec = createSpecValidator('gptproto', '/gptproto')
const KEY = { authorization: 'sk-conformance' }
const GENERATIONS = '/gptproto/v1/images/generations'
const EDITS = '/gptproto/v1/images/edits'

async function call(path: string, init: RequestInit): Promise<Response> {
  const response = await fetch(server.url + path, init)
  await spec.check(init.method ?? 'GET', path, response)
  return response
}

async function editForm(fields: Record<string, string>, images = 1): Promise<FormData> {
  const form = new FormData()
  for (let i = 0; i < images; i++)
    form.append(
      'image[]',
      new Blob([new Uint8Array(await solidImage(64, 64))], { type: 'image/png' }),
      `in${i}.png`,
    )
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  return form
}

describe('gptproto responses match the spec', () => {
  const ok = { model: 'gpt-image-2', prompt: 'a cat', size: '1024x1024' }

  it('generation: 200 JSON', async () => {
    expect((await call(GENERATIONS, jsonRequest(ok, KEY))).status).toBe(200)
  })
  it('generation: 200 SSE', async () => {
    const res = await call(
      GENERATIONS,
      jsonRequest({ ...ok, stream: true, partial_images: 1 }, KEY),
    )
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
  })
  it('generation: 400, 401, 403, 413, 429, 500', async () => {
    expect((await call(GENERATIONS, jsonRequest({ ...ok, size: '1000x1000' }, KEY))).status).toBe(
      400,
    )
    expect((await call(GENERATIONS, jsonRequest(ok))).status).toBe(401)
    expect(
      (
        await call(
          GENERATIONS,
          jsonRequest(ok, { ...KEY, 'x-emulator-error': 'insufficient_balance' }),
        )
      ).status,
    ).toBe(403)
    expect(
      (await call(GENERATIONS, jsonRequest({ ...ok, prompt: 'x'.repeat(70_000) }, KEY))).status,
    ).toBe(413)
    expect(
      (
        await call(
          GENERATIONS,
          jsonRequest(ok, { ...KEY, 'x-emulator-error': 'rate_limit_exceeded' }),
        )
      ).status,
    ).toBe(429)
    expect(
      (await call(GENERATIONS, jsonRequest(ok, { ...KEY, 'x-emulator-error': 'internal_error' })))
        .status,
    ).toBe(500)
  })
  it('edit: 200 JSON and 200 SSE', async () => {
    const json = await call(EDITS, {
      method: 'POST',
      headers: KEY,
      body: await editForm({ model: 'gpt-image-2', prompt: 'add a hat' }),
    })
    expect(json.status).toBe(200)
    const sse = await call(EDITS, {
      method: 'POST',
      headers: KEY,
      body: await editForm({
        model: 'gpt-image-2',
        prompt: 'add a hat',
        stream: 'true',
        partial_images: '2',
      }),
    })
    expect(sse.status).toBe(200)
  })
  it('edit: 400, 401, 403, 413, 429, 500', async () => {
    const form = () => editForm({ model: 'gpt-image-2', prompt: 'add a hat' })
    expect(
      (
        await call(EDITS, {
          method: 'POST',
          headers: KEY,
          body: await editForm({ model: 'gpt-image-2' }),
        })
      ).status,
    ).toBe(400)
    expect((await call(EDITS, { method: 'POST', body: await form() })).status).toBe(401)
    expect(
      (
        await call(EDITS, {
          method: 'POST',
          headers: { ...KEY, 'x-emulator-error': 'insufficient_permissions' },
          body: await form(),
        })
      ).status,
    ).toBe(403)
    const big = await form()
    big.append('image[]', new Blob([new Uint8Array(300 * 1024)], { type: 'image/png' }), 'huge.png')
    expect((await call(EDITS, { method: 'POST', headers: KEY, body: big })).status).toBe(413)
    expect(
      (
        await call(EDITS, {
          method: 'POST',
          headers: { ...KEY, 'x-emulator-error': 'rate_limit_exceeded' },
          body: await form(),
        })
      ).status,
    ).toBe(429)
    expect(
      (
        await call(EDITS, {
          method: 'POST',
          headers: { ...KEY, 'x-emulator-error': 'internal_error' },
          body: await form(),
        })
      ).status,
    ).toBe(500)
  })
  it('covers every response the spec documents', () => {
    expect(spec.unexercised()).toEqual([])
  })
})
