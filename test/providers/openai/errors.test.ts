/** OpenAI's errors as the openai SDK surfaces them: error classes, codes, params, request ids. */
import { describe, expect, it } from 'vitest'
import OpenAI from 'openai'
import { useEmulator, jsonRequest } from '../../support/emulator.js'
import { createSpecValidator } from '../../support/spec-validator.js'
import { openaiClient } from './sdk-client.js'

const server = useEmulator({ retryAfterSeconds: 0.01 })
const spec = createSpecValidator('openai', '/openai')
const ok = { model: 'gpt-image-2', prompt: 'a cat', size: '1024x1024' } as const

/** The SDK's error for a generation, sent with `options`. */
async function failure(
  options: Parameters<typeof openaiClient>[2] = {},
  body: Record<string, unknown> = ok,
): Promise<InstanceType<typeof OpenAI.APIError>> {
  const error = await openaiClient(server, spec, options)
    .images.generate(body as unknown as OpenAI.ImageGenerateParamsNonStreaming)
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(OpenAI.APIError)
  return error as InstanceType<typeof OpenAI.APIError>
}

async function setKey(key: string, settings: unknown): Promise<void> {
  const response = await fetch(`${server.url}/__emulator/keys/openai/${key}`, {
    ...jsonRequest(settings),
    method: 'PUT',
  })
  expect(response.status).toBe(200)
}

describe('openai errors through the SDK', () => {
  it("refuses response_format with OpenAI's exact 400", async () => {
    const error = await failure({}, { ...ok, response_format: 'b64_json' })
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect(error.error).toEqual({
      message: "Unknown parameter: 'response_format'.",
      type: 'invalid_request_error',
      param: 'response_format',
      code: 'unknown_parameter',
    })
  })

  it('refuses a gpt-image-2 size breaking a rule with a 400 naming it', async () => {
    const error = await failure({}, { ...ok, size: '1666x2514' })
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect(error.error).toEqual({
      message: "Invalid size '1666x2514'. Width and height must both be divisible by 16.",
      type: 'invalid_request_error',
      param: 'size',
      code: 'invalid_value',
    })
  })

  it.each([
    ['output_format', { output_format: 'auto' }, 'invalid_value'],
    ['model', { model: 'dall-e-3' }, 'invalid_value'],
    ['quality', { quality: 'hd' }, 'invalid_value'],
    ['prompt', { prompt: undefined }, 'missing_required_parameter'],
    ['partial_images', { stream: true, partial_images: 4 }, 'integer_above_max_value'],
  ])('refuses a bad %s with a BadRequestError', async (param, change, code) => {
    const error = await failure({}, { ...ok, ...change })
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect(error).toMatchObject({ status: 400, param, code })
  })

  it('refuses a content-policy trigger with moderation_blocked', async () => {
    const error = await failure({}, { ...ok, prompt: 'draw unsafe-content' })
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect(error.error).toMatchObject({
      type: 'image_generation_user_error',
      code: 'moderation_blocked',
      moderation_details: { moderation_stage: 'input', categories: ['unsafe-content'] },
    })
    // OpenAI's own sentence names its help site and this request's real id.
    expect(error.requestID).toMatch(/^req_[0-9a-f]{32}$/)
    expect((error.error as { message: string }).message).toBe(
      'Your request was rejected by the safety system. If you believe this is an error, ' +
        `contact us at help.openai.com and include the request ID ${error.requestID}. ` +
        'safety_violations=[unsafe-content].',
    )
  })

  it('answers a disabled key with AuthenticationError invalid_api_key', async () => {
    await setKey('sk-revoked', { disabled: true })
    const error = await failure({ apiKey: 'sk-revoked' })
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError)
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key', param: null })
    expect(error.message).toMatch(/^401 Incorrect API key provided: /)
  })

  it('answers an address outside the allowlist with PermissionDeniedError', async () => {
    await setKey('sk-far-away', { ip_allowlist: ['10.0.0.0/8'] })
    const error = await failure({ apiKey: 'sk-far-away' })
    expect(error).toBeInstanceOf(OpenAI.PermissionDeniedError)
    expect(error.error).toEqual({
      message: 'Country, region, or territory not supported',
      type: 'request_forbidden',
      param: null,
      code: 'unsupported_country_region_territory',
    })
  })

  it('surfaces rate_limit_exceeded as RateLimitError with its request id', async () => {
    const error = await failure({
      maxRetries: 0,
      headers: { 'x-emulator-error': 'rate_limit_exceeded' },
    })
    expect(error).toBeInstanceOf(OpenAI.RateLimitError)
    expect(error).toMatchObject({ status: 429, code: 'rate_limit_exceeded', type: 'requests' })
    expect(error.requestID).toMatch(/^req_[0-9a-f]{32}$/)
    expect(error.requestID).toBe(error.headers?.get('x-request-id'))
    expect(error.headers?.get('retry-after-ms')).toBe('10')
  })

  it('retries a 429 as retry-after says, then gives up with RateLimitError', async () => {
    let requests = 0
    const error = await failure({
      maxRetries: 2,
      headers: { 'x-emulator-error': 'insufficient_quota' },
      onRequest: () => requests++,
    })
    expect(error).toBeInstanceOf(OpenAI.RateLimitError)
    expect(error).toMatchObject({ code: 'insufficient_quota', type: 'insufficient_quota' })
    expect(requests).toBe(3)
  })

  it('surfaces server_error as InternalServerError with code null', async () => {
    const error = await failure({ headers: { 'x-emulator-error': 'server_error' } })
    expect(error).toBeInstanceOf(OpenAI.InternalServerError)
    expect(error).toMatchObject({ status: 500, code: null, type: 'server_error' })
  })
})
