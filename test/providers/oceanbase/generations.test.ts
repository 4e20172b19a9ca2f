import { describe, expect, it } from 'vitest'
import { useEmulator, jsonRequest } from '../../support/emulator.js'
import { createSpecValidator } from '../../support/spec-validator.js'
import { decode } from '../../support/images.js'

const server = useEmulator({ limits: { jsonBodyBytes: 16 * 1024 } })
const spec = createSpecValidator('oceanbase', '/oceanbase')
const PATH = '/oceanbase/api/v1/images/generations'
const KEY = { authorization: 'Bearer ob-key' }
const SEED_REQUEST = {
  model: 'gpt-image-2',
  prompt: 'A simple red apple on a white table, photorealistic',
  size: '1024x1024',
  n: 1,
}

async function generate(body: unknown, headers: Record<string, string> = KEY) {
  const response = await fetch(server.url + PATH, jsonRequest(body, headers))
  const text = await response.text()
  await spec.check('POST', PATH, response, text)
  return { response, json: JSON.parse(text) }
}

describe('oceanbase POST /api/v1/images/generations', () => {
  it("answers the seed's request with url, b64_json and revised_prompt per image", async () => {
    const { response, json } = await generate(SEED_REQUEST)
    expect(response.status).toBe(200)
    expect(Object.keys(json).sort()).toEqual(['created', 'data', 'usage'])
    const [item] = json.data
    expect(item.url).toMatch(new RegExp(`^${server.url}/files/[0-9a-f]{32}\\.png$`))
    expect(item.revised_prompt).toMatch(/^A simple red apple on a white table, photorealistic, .+/)
    const fromUrl = Buffer.from(await (await fetch(item.url)).arrayBuffer())
    expect(fromUrl.equals(Buffer.from(item.b64_json, 'base64'))).toBe(true)
    expect(await decode(fromUrl)).toMatchObject({ format: 'png', width: 1024, height: 1024 })
  })

  it('serves the file with its content type', async () => {
    const { json } = await generate(SEED_REQUEST)
    const file = await fetch(json.data[0].url)
    expect(file.headers.get('content-type')).toBe('image/png')
  })

  it('returns n images at the requested size', async () => {
    const { json } = await generate({ ...SEED_REQUEST, n: 2, size: '1536x1024' })
    expect(json.data).toHaveLength(2)
    expect(json.data[0].url).not.toBe(json.data[1].url)
    expect(await decode(Buffer.from(json.data[1].b64_json, 'base64'))).toMatchObject({
      width: 1536,
      height: 1024,
    })
  })

  it.each(['model', 'prompt', 'size', 'n'])('requires %s', async (field) => {
    const { [field]: _omitted, ...body }: Record<string, unknown> = SEED_REQUEST
    const { response, json } = await generate(body)
    expect(response.status).toBe(400)
    expect(json.error).toEqual({
      message: `Missing required parameter: '${field}'.`,
      type: 'invalid_request_error',
      code: 'missing_required_parameter',
    })
  })

  it('accepts only gpt-image-2', async () => {
    const { json } = await generate({ ...SEED_REQUEST, model: 'gpt-image-1' })
    expect(json.error.code).toBe('invalid_value')
  })

  it('applies the gpt-image-2 size rules', async () => {
    const { json } = await generate({ ...SEED_REQUEST, size: '1000x1000' })
    expect(json.error).toEqual({
      message: "Invalid size '1000x1000'. Width and height must both be divisible by 16.",
      type: 'invalid_request_error',
      code: 'invalid_value',
    })
  })

  it('answers a missing or raw key with the documented 401', async () => {
    for (const headers of [{}, { authorization: 'ob-key' }] as Record<string, string>[]) {
      const { response, json } = await generate(SEED_REQUEST, headers)
      expect(response.status).toBe(401)
      expect(json.error).toEqual({
        message: 'Invalid API key.',
        type: 'authentication_error',
        code: 'unauthorized',
      })
    }
  })

  it('refuses a prompt with a trigger term', async () => {
    const { response, json } = await generate({ ...SEED_REQUEST, prompt: 'unsafe-content' })
    expect(response.status).toBe(400)
    expect(json.error.code).toBe('content_policy_violation')
  })

  it('answers malformed JSON and an oversized body in its envelope', async () => {
    const bad = await generate('{"model": "gpt-image-2",')
    expect(bad.response.status).toBe(400)
    expect(bad.json.error.code).toBe('invalid_json')
    const big = await generate({ ...SEED_REQUEST, prompt: 'x'.repeat(20_000) })
    expect(big.response.status).toBe(413)
  })

  it.each([
    ['model_disabled', 403],
    ['rate_limit_exceeded', 429],
    ['internal_error', 500],
    ['service_unavailable', 503],
  ])('answers X-Emulator-Error: %s with %i', async (name, status) => {
    const { response, json } = await generate(SEED_REQUEST, { ...KEY, 'x-emulator-error': name })
    expect(response.status).toBe(status)
    expect(json.error.code).toBe(name)
  })

  it('covers every response the spec documents', () => {
    expect(spec.unexercised()).toEqual([])
  })
})
