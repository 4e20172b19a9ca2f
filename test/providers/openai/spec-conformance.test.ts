/**
 * Every response openai can give, checked against specs/openai.openapi.yaml; the last test fails
 * if the spec documents a response no test here produced.
 */
import { describe, expect, it } from 'vitest'
import { useEmulator, jsonRequest } from '../../support/emulator.js'
import { createSpecValidator } from '../../support/spec-validator.js'
import { solidImage } from '../../support/images.js'

const server = useEmulator({ limits: { jsonBodyBytes: 64 * 1024, multipartBodyBytes: 256 * 1024 } })
const spec = createSpecValidator('openai', '/openai')
const KEY = { authorization: 'Bearer sk-conformance' }
const GENERATIONS = '/openai/v1/images/generations'
const EDITS = '/openai/v1/images/edits'

async function call(path: string, init: RequestInit): Promise<Response> {
  const response = await fetch(server.url + path, init)
  await spec.check(init.method ?? 'GET', path, response.clone())
  return response
}

const steer = (error: string) => ({ ...KEY, 'x-emulator-error': error })

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

describe('openai responses match the spec', () => {
  const ok = { model: 'gpt-image-2', prompt: 'a cat', size: '1024x1024' }
  const status = async (path: string, init: RequestInit) => (await call(path, init)).status

  it('generation: 200 JSON', async () => {
    expect(await status(GENERATIONS, jsonRequest(ok, KEY))).toBe(200)
  })

  it('generation: 200 SSE, whatever the accept header says', async () => {
    const res = await call(
      GENERATIONS,
      jsonRequest(
        { ...ok, stream: true, partial_images: 1 },
        { ...KEY, accept: 'application/json' },
      ),
    )
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const text = await res.text()
    expect(text).toMatch(/^event: image_generation\.partial_image\ndata: /)
    expect(text).not.toContain('[DONE]')
  })

  it('generation: 400, 401, 403, 413, 429, 500', async () => {
    expect(await status(GENERATIONS, jsonRequest({ ...ok, response_format: 'url' }, KEY))).toBe(400)
    expect(await status(GENERATIONS, jsonRequest('{"model": ', KEY))).toBe(400)
    expect(await status(GENERATIONS, jsonRequest(ok))).toBe(401)
    expect(await status(GENERATIONS, jsonRequest(ok, { authorization: 'sk-no-bearer' }))).toBe(401)
    expect(await status(GENERATIONS, jsonRequest(ok, steer('organization_not_verified')))).toBe(403)
    const big = { ...ok, prompt: 'x'.repeat(70_000) }
    expect(await status(GENERATIONS, jsonRequest(big, KEY))).toBe(413)
    expect(await status(GENERATIONS, jsonRequest(ok, steer('rate_limit_exceeded')))).toBe(429)
    expect(await status(GENERATIONS, jsonRequest(ok, steer('insufficient_quota')))).toBe(429)
    expect(await status(GENERATIONS, jsonRequest(ok, steer('server_error')))).toBe(500)
  })

  it('edit: 200 JSON and 200 SSE', async () => {
    const form = () => editForm({ model: 'gpt-image-2', prompt: 'add a hat' })
    expect(await status(EDITS, { method: 'POST', headers: KEY, body: await form() })).toBe(200)
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
    expect(sse.headers.get('content-type')).toMatch(/^text\/event-stream/)
  })

  it('edit: 400, 401, 403, 413, 429, 500', async () => {
    const form = () => editForm({ model: 'gpt-image-2', prompt: 'add a hat' })
    const post = async (headers: Record<string, string>, body?: FormData) =>
      status(EDITS, { method: 'POST', headers, body: body ?? (await form()) })
    expect(await post(KEY, await editForm({ model: 'gpt-image-2' }))).toBe(400)
    expect(await post({})).toBe(401)
    expect(await post(steer('unsupported_country_region_territory'))).toBe(403)
    const big = await form()
    big.append('image[]', new Blob([new Uint8Array(300 * 1024)], { type: 'image/png' }), 'huge.png')
    expect(await post(KEY, big)).toBe(413)
    expect(await post(steer('rate_limit_exceeded'))).toBe(429)
    expect(await post(steer('server_error'))).toBe(500)
  })

  it('covers every response the spec documents', () => {
    expect(spec.unexercised()).toEqual([])
  })
})
