/** OpenAI's own Images API contract: GPT image models, checked against the chosen target. */
import { expect } from 'vitest'
import sharp from 'sharp'
import { contract } from './support/contract.js'
import { refusalCases } from './support/refusals.js'

const c = contract('openai')
const GENERATE = '/v1/images/generations'
const cheapest = { model: 'gpt-image-2', size: '1024x1024', quality: 'low' }

async function png(size: number, alpha = false): Promise<Blob> {
  const bytes = await sharp({
    create: {
      width: size,
      height: size,
      channels: alpha ? 4 : 3,
      background: alpha ? { r: 0, g: 0, b: 0, alpha: 0 } : '#3a7',
    },
  })
    .png()
    .toBuffer()
  return new Blob([new Uint8Array(bytes)], { type: 'image/png' })
}

c.describe('openai', () => {
  c.case(
    'text to image returns a bare-base64 image at the requested size',
    { paid: true },
    async (call) => {
      const r = await call({
        method: 'POST',
        path: GENERATE,
        json: { ...cheapest, prompt: 'contract: a cat' },
      })
      expect(r.status).toBe(200)
      expect(r.json).toMatchObject({
        created: expect.any(Number),
        data: [{ b64_json: expect.stringMatching(/^[A-Za-z0-9+/]/) }],
        output_format: 'png',
        size: '1024x1024',
      })
      expect(await sharp(Buffer.from(r.json.data[0].b64_json, 'base64')).metadata()).toMatchObject({
        format: 'png',
        width: 1024,
        height: 1024,
      })
    },
  )

  c.case('streams partial images, then the completed image', { paid: true }, async (call) => {
    const r = await call({
      method: 'POST',
      path: GENERATE,
      json: { ...cheapest, prompt: 'contract: a stream', stream: true, partial_images: 1 },
    })
    expect(r.status).toBe(200)
    expect(r.events.map((e) => e.type)).toEqual([
      'image_generation.partial_image',
      'image_generation.completed',
    ])
    expect(r.events[0].partial_image_index).toBe(0)
    expect(r.events[1].usage.total_tokens).toEqual(expect.any(Number))
  })

  c.case(
    'edits an uploaded image with a mask (multipart image[])',
    { paid: true },
    async (call) => {
      const form = new FormData()
      form.append('image[]', await png(256), 'input.png')
      form.append('mask', await png(256, true), 'mask.png')
      for (const [name, value] of Object.entries({
        ...cheapest,
        prompt: 'contract: add a hat',
      }))
        form.append(name, value)
      const r = await call({ method: 'POST', path: '/v1/images/edits', form })
      expect(r.status).toBe(200)
      expect(r.json.data[0].b64_json).toEqual(expect.any(String))
    },
  )

  c.case('refuses response_format, which GPT image models do not take', {}, async (call) => {
    const r = await call({
      method: 'POST',
      path: GENERATE,
      json: { ...cheapest, prompt: 'x', response_format: 'b64_json' },
    })
    expect(r.status).toBe(400)
    expect(r.json.error).toEqual({
      message: "Unknown parameter: 'response_format'.",
      type: 'invalid_request_error',
      param: 'response_format',
      code: 'unknown_parameter',
    })
  })

  const bad = (fields: Record<string, unknown>) => ({ ...cheapest, prompt: 'x', ...fields })
  refusalCases(c, GENERATE, [
    [
      'refuses a gpt-image-2 size not divisible by 16',
      bad({ size: '1666x2514' }),
      'size',
      "Invalid size '1666x2514'. Width and height must both be divisible by 16.",
    ],
    ['refuses a gpt-image-2 edge over 3840', bad({ size: '4096x1024' }), 'size'],
    ['refuses a gpt-image-2 aspect ratio over 3:1', bad({ size: '3072x960' }), 'size'],
    [
      'keeps the fixed sizes of gpt-image-1.5',
      bad({ model: 'gpt-image-1.5', size: '2048x2048' }),
      'size',
      "Invalid value: '2048x2048'. " +
        "Supported values are: '1024x1024', '1024x1536', '1536x1024', and 'auto'.",
    ],
    ['refuses a missing prompt', { model: 'gpt-image-2' }, 'prompt'],
    ['refuses n above 10', bad({ n: 11 }), 'n'],
    ['refuses output_format auto', bad({ output_format: 'auto' }), 'output_format'],
    ['refuses a dall-e quality', bad({ quality: 'hd' }), 'quality'],
    ['refuses partial_images above 3', bad({ stream: true, partial_images: 4 }), 'partial_images'],
  ])

  c.case('refuses malformed JSON with 400', {}, async (call) => {
    const r = await call({ method: 'POST', path: GENERATE, json: '{"model": ' })
    expect(r.status).toBe(400)
    expect(r.json.error.message).toMatch(/^We could not parse the JSON body of your request\./)
  })

  c.case('refuses a missing key with 401 and code null', {}, async (call) => {
    const r = await call({
      method: 'POST',
      path: GENERATE,
      json: { ...cheapest, prompt: 'x' },
      auth: {},
    })
    expect(r.status).toBe(401)
    expect(r.json.error).toMatchObject({ code: null, param: null })
    expect(r.json.error.message).toMatch(/^You didn't provide an API key\./)
  })
})
