/** `POST /v1/images/edits` through the openai SDK: multipart `image[]` files and a `mask`. */
import { describe, expect, it } from 'vitest'
import OpenAI, { toFile } from 'openai'
import { useEmulator } from '../../support/emulator.js'
import { createSpecValidator } from '../../support/spec-validator.js'
import { decode, solidImage } from '../../support/images.js'
import { imageBytes, openaiClient } from './sdk-client.js'

const server = useEmulator()
const spec = createSpecValidator('openai', '/openai')

const png = async (width: number, height: number, name = 'photo.png', alpha = false) =>
  toFile(await solidImage(width, height, 'png', alpha), name, { type: 'image/png' })

describe('openai images.edit', () => {
  it('sends image[] parts and a mask, and answers at the size asked for', async () => {
    const sent: string[] = []
    const client = openaiClient(server, spec, {
      onRequest: (init) => {
        if (init?.body instanceof FormData) sent.push(...init.body.keys())
      },
    })
    const result = await client.images.edit({
      model: 'gpt-image-2',
      image: [await png(1024, 1024), await png(300, 300, 'extra.png')],
      mask: await png(1024, 1024, 'mask.png', true),
      prompt: 'add a red hat where the mask is clear',
      size: '1024x1536',
      quality: 'low',
    })
    expect(sent.filter((name) => name === 'image[]')).toHaveLength(2)
    expect(sent).toContain('mask')
    expect(result).toMatchObject({ size: '1024x1536', quality: 'low', output_format: 'png' })
    expect(result.usage!.input_tokens_details.image_tokens).toBeGreaterThan(0)
    expect(await decode(imageBytes(result.data![0]!.b64_json))).toMatchObject({
      format: 'png',
      width: 1024,
      height: 1536,
    })
  })

  it("resolves size auto from the first image's shape", async () => {
    const result = await openaiClient(server, spec).images.edit({
      model: 'gpt-image-1.5',
      image: await png(1200, 800),
      prompt: 'widen it',
    })
    expect(result.size).toBe('1536x1024')
  })

  it('refuses a mask of another size than the first image', async () => {
    const error = await openaiClient(server, spec)
      .images.edit({
        model: 'gpt-image-2',
        image: await png(64, 64),
        mask: await png(32, 32, 'mask.png', true),
        prompt: 'x',
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect(error).toMatchObject({ param: 'mask', code: 'invalid_value' })
  })

  it("refuses response_format on edits too, as OpenAI's GPT image models do", async () => {
    const error = await openaiClient(server, spec)
      .images.edit({
        model: 'gpt-image-2',
        image: await png(64, 64),
        prompt: 'x',
        response_format: 'b64_json',
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect(error).toMatchObject({ param: 'response_format', code: 'unknown_parameter' })
  })
})
