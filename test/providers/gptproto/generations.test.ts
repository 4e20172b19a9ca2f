import { describe, expect, it } from 'vitest'
import { useEmulator, jsonRequest } from '../../support/emulator.js'
import { createSpecValidator } from '../../support/spec-validator.js'
import { decode } from '../../support/images.js'

const server = useEmulator()
const spec = createSpecValidator('gptproto', '/gptproto')
const PATH = '/gptproto/v1/images/generations'

async function generate(
  body: unknown,
  headers: Record<string, string> = { authorization: 'sk-test' },
) {
  const response = await fetch(server.url + PATH, jsonRequest(body, headers))
  const text = await response.text()
  await spec.check('POST', PATH, response, text)
  return { response, json: JSON.parse(text) }
}

const image = (b64: string) => Buffer.from(b64, 'base64')

describe('gptproto POST /v1/images/generations', () => {
  it("answers the seed's request in the seed's shape", async () => {
    const { response, json } = await generate({
      model: 'gpt-image-2',
      prompt: 'a cat',
      size: '1024x1024',
    })
    expect(response.status).toBe(200)
    expect(Object.keys(json).sort()).toEqual([
      'background',
      'created',
      'data',
      'output_format',
      'quality',
      'size',
      'usage',
    ])
    expect(json).toMatchObject({
      background: 'opaque',
      output_format: 'png',
      quality: 'low',
      size: '1024x1024',
    })
    expect(json.usage).toEqual({
      input_tokens: 8,
      input_tokens_details: { image_tokens: 0, text_tokens: 8 },
      output_tokens: 196,
      output_tokens_details: { image_tokens: 196, text_tokens: 0 },
      total_tokens: 204,
    })
    expect(Math.abs(json.created - Date.now() / 1000)).toBeLessThan(5)
    expect(await decode(image(json.data[0].b64_json))).toMatchObject({
      format: 'png',
      width: 1024,
      height: 1024,
    })
  })

  it('returns n images at the exact custom size, each one different', async () => {
    const { json } = await generate({
      model: 'gpt-image-2',
      prompt: 'a wide shot',
      size: '2048x1152',
      n: 3,
    })
    expect(json.data).toHaveLength(3)
    for (const { b64_json } of json.data)
      expect(await decode(image(b64_json))).toMatchObject({ width: 2048, height: 1152 })
    expect(new Set(json.data.map((d: { b64_json: string }) => d.b64_json)).size).toBe(3)
    expect(json.usage.output_tokens).toBe(3 * Math.round((196 * 2048 * 1152) / (1024 * 1024)))
  })

  it.each([
    ['jpeg', 'jpeg'],
    ['webp', 'webp'],
    ['auto', 'png'],
  ])('renders output_format %s as %s', async (requested, actual) => {
    const { json } = await generate({
      model: 'gpt-image-2',
      prompt: 'formats',
      size: '1024x1536',
      output_format: requested,
    })
    expect(json.output_format).toBe(actual)
    expect(await decode(image(json.data[0].b64_json))).toMatchObject({
      format: actual,
      width: 1024,
      height: 1536,
    })
  })

  it('honours output_compression: a lower value gives a smaller jpeg', async () => {
    const body = {
      model: 'gpt-image-2',
      prompt: 'compression',
      size: '1024x1024',
      output_format: 'jpeg',
    }
    const best = await generate({ ...body, output_compression: 100 })
    const small = await generate({ ...body, output_compression: 10 })
    expect(image(small.json.data[0].b64_json).length).toBeLessThan(
      image(best.json.data[0].b64_json).length / 2,
    )
  })

  it('resolves size auto to 1024x1024 and reports the resolved quality', async () => {
    const { json } = await generate({ model: 'gpt-image-2', prompt: 'auto', quality: 'high' })
    expect(json).toMatchObject({ size: '1024x1024', quality: 'high' })
  })

  it('gives the same bytes for the same request and seed, others for another seed', async () => {
    const body = { model: 'gpt-image-2', prompt: 'determinism', size: '1024x1024' }
    const a = await generate(body, { authorization: 'sk-test', 'x-emulator-seed': 'one' })
    const b = await generate(body, { authorization: 'sk-test', 'x-emulator-seed': 'one' })
    const c = await generate(body, { authorization: 'sk-test', 'x-emulator-seed': 'two' })
    expect(a.json.data[0].b64_json).toBe(b.json.data[0].b64_json)
    expect(c.json.data[0].b64_json).not.toBe(a.json.data[0].b64_json)
  })

  it('accepts the key raw and with Bearer', async () => {
    const body = { model: 'gpt-image-2', prompt: 'auth', size: '1024x1024' }
    expect((await generate(body, { authorization: 'sk-raw' })).response.status).toBe(200)
    expect((await generate(body, { authorization: 'Bearer sk-bearer' })).response.status).toBe(200)
  })

  it('keeps the fixed size set of gpt-image-1 models', async () => {
    const ok = await generate({ model: 'gpt-image-1.5', prompt: 'legacy', size: '1536x1024' })
    expect(ok.json.size).toBe('1536x1024')
    const refused = await generate({ model: 'gpt-image-1', prompt: 'legacy', size: '2048x2048' })
    expect(refused.response.status).toBe(400)
    expect(refused.json.error).toMatchObject({ param: 'size', code: 'invalid_value' })
  })

  it('renders transparent backgrounds for gpt-image-1 as png with alpha', async () => {
    const { json } = await generate({
      model: 'gpt-image-1',
      prompt: 'sticker',
      size: '1024x1024',
      background: 'transparent',
    })
    expect(json.background).toBe('transparent')
    expect(await decode(image(json.data[0].b64_json))).toMatchObject({
      format: 'png',
      hasAlpha: true,
    })
  })
})

describe('gptproto size rules for gpt-image-2', () => {
  it.each([
    ['1666x2514', "Invalid size '1666x2514'. Width and height must both be divisible by 16."],
    ['9:16', "Invalid size '9:16'. Expected WIDTHxHEIGHT, for example '1824x1024'."],
    ['4096x1024', "Invalid size '4096x1024'. The longest edge must be at most 3840 pixels."],
    ['3072x960', "Invalid size '3072x960'. The aspect ratio must be at most 3:1."],
    [
      '512x512',
      "Invalid size '512x512'. Total pixels must be between 655360 and 8294400, but got 262144.",
    ],
  ])('refuses %s naming the rule', async (size, message) => {
    const { response, json } = await generate({ model: 'gpt-image-2', prompt: 'x', size })
    expect(response.status).toBe(400)
    expect(json.error).toEqual({
      message,
      type: 'invalid_request_error',
      param: 'size',
      code: 'invalid_value',
    })
  })
})

describe('gptproto refusals', () => {
  it('refuses transparent backgrounds on gpt-image-2 by default', async () => {
    const { response, json } = await generate({
      model: 'gpt-image-2',
      prompt: 'x',
      background: 'transparent',
    })
    expect(response.status).toBe(400)
    expect(json.error).toMatchObject({ param: 'background', code: 'invalid_value' })
  })

  it('refuses a transparent jpeg', async () => {
    const { json } = await generate({
      model: 'gpt-image-1',
      prompt: 'x',
      background: 'transparent',
      output_format: 'jpeg',
    })
    expect(json.error).toMatchObject({ param: 'output_format', code: 'invalid_value' })
  })

  it('answers a prompt with a trigger term with a 400 moderation_blocked', async () => {
    const { response, json } = await generate({
      model: 'gpt-image-2',
      prompt: 'draw unsafe-content please',
    })
    expect(response.status).toBe(400)
    expect(json.error).toMatchObject({
      type: 'image_generation_user_error',
      code: 'moderation_blocked',
      param: null,
    })
  })

  it('answers a missing key with 401 invalid_api_key', async () => {
    const { response, json } = await generate({ model: 'gpt-image-2', prompt: 'x' }, {})
    expect(response.status).toBe(401)
    expect(json.error).toEqual({
      message: 'Invalid authentication credentials',
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    })
  })

  it.each([
    ['insufficient_balance', 403],
    ['insufficient_permissions', 403],
    ['rate_limit_exceeded', 429],
    ['internal_error', 500],
    ['moderation_blocked', 400],
  ])('answers X-Emulator-Error: %s with its catalogue status %i', async (name, status) => {
    const { response, json } = await generate(
      {},
      { authorization: 'sk-test', 'x-emulator-error': name },
    )
    expect(response.status).toBe(status)
    expect(json.error.code).toBe(name)
  })

  it('sends retry-after with a 429', async () => {
    const { response } = await generate(
      {},
      { authorization: 'sk-test', 'x-emulator-error': 'rate_limit_exceeded' },
    )
    expect(response.headers.get('retry-after')).toBe('1')
    expect(response.headers.get('retry-after-ms')).toBe('1000')
  })
})

describe('the emulator around gptproto', () => {
  it('sends an x-request-id with every response', async () => {
    const { response } = await generate({ model: 'gpt-image-2', prompt: 'x' })
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/)
  })

  it('refuses an unknown X-Emulator-Error in its own envelope, listing allowed ones', async () => {
    const response = await fetch(
      server.url + PATH,
      jsonRequest({}, { authorization: 'sk-test', 'x-emulator-error': 'teapot' }),
    )
    expect(response.status).toBe(400)
    const body: any = await response.json()
    expect(body.emulator_error).toMatchObject({ code: 'invalid_header', field: 'X-Emulator-Error' })
    expect(body.emulator_error.allowed).toContain('rate_limit_exceeded')
  })

  it('refuses a misspelt X-Emulator header instead of ignoring it', async () => {
    const response = await fetch(
      server.url + PATH,
      jsonRequest({}, { authorization: 'sk-test', 'x-emulator-seeed': '1' }),
    )
    expect(response.status).toBe(400)
    expect(((await response.json()) as any).emulator_error).toMatchObject({
      code: 'unknown_header',
      field: 'x-emulator-seeed',
    })
  })

  it('answers an unknown path under the mount with the provider 404', async () => {
    const response = await fetch(`${server.url}/gptproto/v1/models/nope`, {
      headers: { authorization: 'sk-test' },
    })
    expect(response.status).toBe(404)
    expect(((await response.json()) as any).error).toMatchObject({
      message: 'Invalid URL (GET /v1/models/nope)',
      type: 'invalid_request_error',
    })
  })
})
