/** GPTProto's contract: OpenAI-compatible images, checked against the chosen target. */
import { expect } from 'vitest'
import sharp from 'sharp'
import { contract } from './support/contract.js'
import { refusalCases } from './support/refusals.js'

const c = contract('gptproto')
const GENERATE = '/v1/images/generations'
const cheapest = { model: 'gpt-image-2', size: '1024x1024', quality: 'low' }

async function pngForm(fields: Record<string, string>): Promise<FormData> {
  const image = await sharp({
    create: { width: 256, height: 256, channels: 3, background: '#3a7' },
  })
    .png()
    .toBuffer()
  const form = new FormData()
  form.append('image[]', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'input.png')
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  return form
}

c.describe('gptproto', () => {
  c.case(
    'text to image returns a decodable image at the requested size',
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
        data: [{ b64_json: expect.any(String) }],
      })
      const b64 = r.json.data[0].b64_json.replace(/^data:[^,]+,/, '')
      expect(await sharp(Buffer.from(b64, 'base64')).metadata()).toMatchObject({
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
    const types = r.events.map((e) => e.type)
    expect(types.at(-1)).toBe('image_generation.completed')
    expect(
      types.filter(
        (t) => t !== 'image_generation.partial_image' && t !== 'image_generation.completed',
      ),
    ).toEqual([])
  })

  c.case('edits an uploaded image (multipart image[])', { paid: true }, async (call) => {
    const r = await call({
      method: 'POST',
      path: '/v1/images/edits',
      form: await pngForm({
        model: 'gpt-image-2',
        prompt: 'contract: add a hat',
        size: '1024x1024',
        quality: 'low',
      }),
    })
    expect(r.status).toBe(200)
    expect(r.json.data[0].b64_json).toEqual(expect.any(String))
  })

  const bad = (fields: Record<string, unknown>) => ({ ...cheapest, prompt: 'x', ...fields })
  refusalCases(c, GENERATE, [
    [
      'refuses a size not divisible by 16',
      bad({ size: '1666x2514' }),
      'size',
      "Invalid size '1666x2514'. Width and height must both be divisible by 16.",
    ],
    [
      'refuses a size that is not WIDTHxHEIGHT',
      bad({ size: '9:16' }),
      'size',
      "Invalid size '9:16'. Expected WIDTHxHEIGHT, for example '1824x1024'.",
    ],
    ['refuses an edge over 3840', bad({ size: '4096x1024' }), 'size'],
    ['refuses an aspect ratio over 3:1', bad({ size: '3072x960' }), 'size'],
    ['refuses fewer than 655,360 pixels', bad({ size: '512x512' }), 'size'],
    ['refuses a missing prompt', { model: 'gpt-image-2' }, 'prompt'],
    ['refuses n above 10', bad({ n: 11 }), 'n'],
    ['refuses an unknown quality', bad({ quality: 'ultra' }), 'quality'],
    ['refuses partial_images above 3', bad({ stream: true, partial_images: 4 }), 'partial_images'],
  ])

  c.case('refuses malformed JSON with 400', {}, async (call) => {
    const r = await call({ method: 'POST', path: GENERATE, json: '{"model": ' })
    expect(r.status).toBe(400)
  })

  c.case('refuses a missing key with 401', {}, async (call) => {
    const r = await call({
      method: 'POST',
      path: GENERATE,
      json: { ...cheapest, prompt: 'x' },
      auth: {},
    })
    expect(r.status).toBe(401)
    expect(r.json.error.code).toBe('invalid_api_key')
  })
})
