/** `POST /v1/images/generations` through the openai SDK: b64_json images at each model's sizes. */
import { describe, expect, it } from 'vitest'
import OpenAI from 'openai'
import { useEmulator } from '../../support/emulator.js'
import { createSpecValidator } from '../../support/spec-validator.js'
import { decode } from '../../support/images.js'
import { imageBytes, openaiClient } from './sdk-client.js'

const server = useEmulator()
const spec = createSpecValidator('openai', '/openai')
const client = () => openaiClient(server, spec)

describe('openai images.generate', () => {
  it('answers the documented shape with a bare-base64 PNG by default', async () => {
    const { data: result, request_id } = await client()
      .images.generate({ model: 'gpt-image-2', prompt: 'a cat', size: '1024x1024', quality: 'low' })
      .withResponse()
    expect(request_id).toMatch(/^req_[0-9a-f]{32}$/)
    expect(Object.keys(result).sort()).toEqual([
      'background',
      'created',
      'data',
      'output_format',
      'quality',
      'size',
      'usage',
    ])
    expect(result).toMatchObject({
      background: 'opaque',
      output_format: 'png',
      quality: 'low',
      size: '1024x1024',
    })
    // The spec's example: "a cat" at low quality.
    expect(result.usage).toEqual({
      input_tokens: 8,
      input_tokens_details: { image_tokens: 0, text_tokens: 8 },
      output_tokens: 196,
      output_tokens_details: { image_tokens: 196, text_tokens: 0 },
      total_tokens: 204,
    })
    expect(Math.abs(result.created - Date.now() / 1000)).toBeLessThan(5)
    const b64 = result.data![0]!.b64_json!
    expect(b64).not.toMatch(/^data:/)
    expect(await decode(imageBytes(b64))).toMatchObject({
      format: 'png',
      width: 1024,
      height: 1024,
    })
  })

  it('resolves size auto to 1024x1024 and quality auto to high', async () => {
    const result = await client().images.generate({ model: 'gpt-image-2', prompt: 'defaults' })
    expect(result).toMatchObject({ size: '1024x1024', quality: 'high', output_format: 'png' })
    expect(result.usage!.output_tokens).toBe(3136)
  })

  it.each(['2048x1152', '1024x1536', '2304x768', '3840x2160'])(
    'gives gpt-image-2 any size within its rules: %s',
    async (size) => {
      const result = await client().images.generate({
        model: 'gpt-image-2',
        prompt: 'flexible',
        size,
        quality: 'low',
      })
      const [width, height] = size.split('x').map(Number)
      expect(result.size).toBe(size)
      expect(await decode(imageBytes(result.data![0]!.b64_json))).toMatchObject({ width, height })
    },
  )

  describe.each(['gpt-image-1', 'gpt-image-1-mini', 'gpt-image-1.5'] as const)(
    '%s keeps its fixed sizes',
    (model) => {
      it.each(['1024x1024', '1536x1024', '1024x1536'] as const)('renders %s', async (size) => {
        const result = await client().images.generate({ model, prompt: 'fixed', size })
        const [width, height] = size.split('x').map(Number)
        expect(result.size).toBe(size)
        expect(await decode(imageBytes(result.data![0]!.b64_json))).toMatchObject({
          width,
          height,
        })
      })

      it('refuses 2048x2048, which gpt-image-2 accepts', async () => {
        const error = await client()
          .images.generate({ model, prompt: 'fixed', size: '2048x2048' })
          .catch((e: unknown) => e)
        expect(error).toBeInstanceOf(OpenAI.BadRequestError)
        expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toEqual({
          message:
            "Invalid value: '2048x2048'. " +
            "Supported values are: '1024x1024', '1024x1536', '1536x1024', and 'auto'.",
          type: 'invalid_request_error',
          param: 'size',
          code: 'invalid_value',
        })
      })
    },
  )

  it('returns n different images', async () => {
    const result = await client().images.generate({
      model: 'gpt-image-2',
      prompt: 'three of them',
      size: '1024x1024',
      quality: 'low',
      n: 3,
    })
    expect(result.data).toHaveLength(3)
    expect(new Set(result.data!.map((d) => d.b64_json)).size).toBe(3)
    expect(result.usage!.output_tokens).toBe(3 * 196)
  })

  it.each(['jpeg', 'webp'] as const)('renders output_format %s', async (format) => {
    const result = await client().images.generate({
      model: 'gpt-image-1.5',
      prompt: 'formats',
      size: '1024x1536',
      output_format: format,
      output_compression: 50,
    })
    expect(result.output_format).toBe(format)
    expect(await decode(imageBytes(result.data![0]!.b64_json))).toMatchObject({
      format,
      width: 1024,
      height: 1536,
    })
  })

  it('renders a transparent background for gpt-image-1 as a PNG with alpha', async () => {
    const result = await client().images.generate({
      model: 'gpt-image-1',
      prompt: 'sticker',
      size: '1024x1024',
      background: 'transparent',
    })
    expect(result.background).toBe('transparent')
    expect(await decode(imageBytes(result.data![0]!.b64_json))).toMatchObject({
      format: 'png',
      hasAlpha: true,
    })
  })
})
