/** The official openai SDK, pointed at the emulator, behaves as against the real API. */
import { describe, expect, it } from 'vitest'
import OpenAI, { toFile } from 'openai'
import { useEmulator } from '../../support/emulator.js'
import { decode, solidImage } from '../../support/images.js'

const server = useEmulator({ retryAfterSeconds: 0.01 })

function client(
  options: { maxRetries?: number; onRequest?: () => void; headers?: Record<string, string> } = {},
): OpenAI {
  return new OpenAI({
    apiKey: 'sk-sdk-test',
    baseURL: `${server.url}/gptproto/v1`,
    maxRetries: options.maxRetries ?? 0,
    defaultHeaders: options.headers,
    fetch: (url, init) => {
      options.onRequest?.()
      return fetch(url, init)
    },
  })
}

describe('openai SDK against gptproto', () => {
  it('images.generate returns a decodable image and the request id', async () => {
    const { data: result, request_id } = await client()
      .images.generate({
        model: 'gpt-image-2',
        prompt: 'a lighthouse at dusk',
        size: '1536x1024',
        quality: 'medium',
      })
      .withResponse()
    expect(request_id).toMatch(/^req_[0-9a-f]{32}$/)
    expect(result.size).toBe('1536x1024')
    expect(result.quality).toBe('medium')
    expect(await decode(Buffer.from(result.data![0]!.b64_json!, 'base64'))).toMatchObject({
      format: 'png',
      width: 1536,
      height: 1024,
    })
  })

  it('images.generate with stream yields partial images then the completed image', async () => {
    const stream = await client().images.generate({
      model: 'gpt-image-2',
      prompt: 'a streaming fox',
      size: '1024x1024',
      stream: true,
      partial_images: 2,
    })
    const events = []
    for await (const event of stream) events.push(event)
    expect(events.map((e) => e.type)).toEqual([
      'image_generation.partial_image',
      'image_generation.partial_image',
      'image_generation.completed',
    ])
    expect(
      events
        .slice(0, 2)
        .map((e) => e.type === 'image_generation.partial_image' && e.partial_image_index),
    ).toEqual([0, 1])
    const completed = events[2]!
    expect(completed.type === 'image_generation.completed' && completed.usage.output_tokens).toBe(
      196 + 200,
    )
    expect(await decode(Buffer.from(completed.b64_json, 'base64'))).toMatchObject({
      width: 1024,
      height: 1024,
    })
  })

  it('images.edit sends files and gets an image at the size chosen from the input', async () => {
    const photo = await toFile(await solidImage(1200, 800), 'photo.png', { type: 'image/png' })
    const extra = await toFile(await solidImage(300, 300, 'jpeg'), 'extra.jpg', {
      type: 'image/jpeg',
    })
    const result = await client().images.edit({
      model: 'gpt-image-2',
      image: [photo, extra],
      prompt: 'add a red hat',
    })
    expect(result.size).toBe('1536x1024')
    expect(await decode(Buffer.from(result.data![0]!.b64_json!, 'base64'))).toMatchObject({
      width: 1536,
      height: 1024,
    })
  })

  it('images.edit with stream yields image_edit events', async () => {
    const photo = await toFile(await solidImage(512, 512), 'photo.png', { type: 'image/png' })
    const stream = await client().images.edit({
      model: 'gpt-image-2',
      image: photo,
      prompt: 'sketch',
      stream: true,
      partial_images: 1,
    })
    const types = []
    for await (const event of stream) types.push(event.type)
    expect(types).toEqual(['image_edit.partial_image', 'image_edit.completed'])
  })

  it('surfaces a bad size as BadRequestError with code and param', async () => {
    const error = await client()
      .images.generate({ model: 'gpt-image-2', prompt: 'x', size: '1000x1000' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect(error).toMatchObject({ status: 400, code: 'invalid_value', param: 'size' })
  })

  it('surfaces a content refusal as BadRequestError with code moderation_blocked', async () => {
    const error = await client()
      .images.generate({ model: 'gpt-image-2', prompt: 'unsafe-content' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect(error).toMatchObject({ code: 'moderation_blocked' })
  })

  it('surfaces a bad key as AuthenticationError', async () => {
    const sdk = new OpenAI({
      apiKey: 'sk-x',
      baseURL: `${server.url}/gptproto/v1`,
      maxRetries: 0,
      defaultHeaders: { 'x-emulator-error': 'invalid_api_key' },
    })
    const error = await sdk.images
      .generate({ model: 'gpt-image-2', prompt: 'x' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError)
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' })
  })

  it('retries a 429 as told by retry-after, then surfaces RateLimitError', async () => {
    let requests = 0
    const sdk = client({
      maxRetries: 2,
      headers: { 'x-emulator-error': 'rate_limit_exceeded' },
      onRequest: () => requests++,
    })
    const error = await sdk.images
      .generate({ model: 'gpt-image-2', prompt: 'x' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.RateLimitError)
    expect(error).toMatchObject({ code: 'rate_limit_exceeded' })
    expect(requests).toBe(3)
  })
})
