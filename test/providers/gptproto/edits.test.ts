import { describe, expect, it } from 'vitest'
import { useEmulator } from '../../support/emulator.js'
import { createSpecValidator } from '../../support/spec-validator.js'
import { decode, solidImage } from '../../support/images.js'

const server = useEmulator()
const spec = createSpecValidator('gptproto', '/gptproto')
const PATH = '/gptproto/v1/images/edits'

type Part = [name: string, value: string | Buffer, filename?: string]

async function edit(parts: Part[], headers: Record<string, string> = { authorization: 'sk-test' }) {
  const form = new FormData()
  for (const [name, value, filename] of parts) {
    if (typeof value === 'string') form.append(name, value)
    else form.append(name, new Blob([new Uint8Array(value)]), filename ?? 'file.png')
  }
  const response = await fetch(server.url + PATH, { method: 'POST', headers, body: form })
  const text = await response.text()
  await spec.check('POST', PATH, response, text)
  return { response, json: text.startsWith('{') ? JSON.parse(text) : text }
}

const base: Part[] = [
  ['model', 'gpt-image-2'],
  ['prompt', 'put a hat on it'],
]

describe('gptproto POST /v1/images/edits', () => {
  it('edits an image and answers in the generations shape', async () => {
    const { response, json } = await edit([
      ...base,
      ['image[]', await solidImage(1024, 1024)],
      ['size', '1024x1536'],
      ['n', '2'],
    ])
    expect(response.status).toBe(200)
    expect(json).toMatchObject({ size: '1024x1536', output_format: 'png' })
    expect(json.data).toHaveLength(2)
    expect(json.usage.input_tokens_details.image_tokens).toBeGreaterThan(0)
    expect(await decode(Buffer.from(json.data[0].b64_json, 'base64'))).toMatchObject({
      width: 1024,
      height: 1536,
    })
  })

  it('accepts the plain `image` field, jpeg and webp inputs, and a same-size mask', async () => {
    const { response } = await edit([
      ...base,
      ['image', await solidImage(640, 480, 'jpeg'), 'a.jpg'],
      ['image', await solidImage(640, 480, 'webp'), 'b.webp'],
      ['mask', await solidImage(640, 480, 'png', true)],
    ])
    expect(response.status).toBe(200)
  })

  it('takes 16 images and refuses 17', async () => {
    const img = await solidImage(32, 32)
    const images = (count: number): Part[] =>
      Array.from({ length: count }, () => ['image[]', img] as Part)
    expect((await edit([...base, ...images(16)])).response.status).toBe(200)
    const refused = await edit([...base, ...images(17)])
    expect(refused.response.status).toBe(400)
    expect(refused.json.error).toMatchObject({ param: 'image', code: 'array_above_max_length' })
  })

  it('requires at least one image', async () => {
    const { json } = await edit(base)
    expect(json.error).toMatchObject({
      message: "Missing required parameter: 'image'.",
      code: 'missing_required_parameter',
    })
  })

  it('refuses a file that is not an image', async () => {
    const { json } = await edit([...base, ['image[]', Buffer.from('hello, not an image')]])
    expect(json.error).toMatchObject({ param: 'image', code: 'invalid_image_format' })
  })

  it('refuses a mask of another size', async () => {
    const { json } = await edit([
      ...base,
      ['image[]', await solidImage(64, 64)],
      ['mask', await solidImage(32, 32, 'png', true)],
    ])
    expect(json.error).toMatchObject({ param: 'mask', code: 'invalid_value' })
    expect(json.error.message).toContain('(32x32)')
  })

  it('refuses a mask that is not a PNG', async () => {
    const { json } = await edit([
      ...base,
      ['image[]', await solidImage(64, 64)],
      ['mask', await solidImage(64, 64, 'jpeg')],
    ])
    expect(json.error).toMatchObject({ param: 'mask', code: 'invalid_image_format' })
  })

  it('refuses an image sent as text', async () => {
    const { json } = await edit([...base, ['image', 'https://example.com/cat.png']])
    expect(json.error).toMatchObject({ param: 'image', code: 'invalid_type' })
  })

  it('reads numbers from text fields and refuses ones that are not', async () => {
    const { json } = await edit([...base, ['image[]', await solidImage(64, 64)], ['n', 'two']])
    expect(json.error).toEqual({
      message: "Invalid type for 'n': expected an integer, but got a string instead.",
      type: 'invalid_request_error',
      param: 'n',
      code: 'invalid_type',
    })
  })

  it('refuses unknown fields, text or file', async () => {
    expect(
      (await edit([...base, ['image[]', await solidImage(64, 64)], ['colour', 'red']])).json.error
        .code,
    ).toBe('unknown_parameter')
    expect(
      (
        await edit([
          ...base,
          ['image[]', await solidImage(64, 64)],
          ['photo', await solidImage(64, 64)],
        ])
      ).json.error.code,
    ).toBe('unknown_parameter')
  })

  it('answers a JSON body with a clear 400', async () => {
    const response = await fetch(server.url + PATH, {
      method: 'POST',
      headers: { authorization: 'sk-test', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-image-2', prompt: 'x' }),
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as any).error.message).toMatch(/multipart\/form-data/)
  })
})
