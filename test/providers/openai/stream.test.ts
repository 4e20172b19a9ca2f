/** `stream: true` through the openai SDK: partial images in order, then the completed image. */
import { describe, expect, it } from 'vitest'
import { toFile } from 'openai'
import { useEmulator } from '../../support/emulator.js'
import { createSpecValidator } from '../../support/spec-validator.js'
import { decode, solidImage } from '../../support/images.js'
import { imageBytes, openaiClient } from './sdk-client.js'

const server = useEmulator()
const spec = createSpecValidator('openai', '/openai')
const client = () => openaiClient(server, spec)

describe('openai streaming', () => {
  it.each([0, 1, 2, 3])(
    'images.generate streams %i partial images, then the completed one',
    async (partials) => {
      const stream = await client().images.generate({
        model: 'gpt-image-2',
        prompt: 'a streaming fox',
        size: '1024x1024',
        quality: 'low',
        stream: true,
        partial_images: partials,
      })
      const events = []
      for await (const event of stream) events.push(event)

      expect(events.map((e) => e.type)).toEqual([
        ...Array<string>(partials).fill('image_generation.partial_image'),
        'image_generation.completed',
      ])
      expect(
        events.flatMap((e) =>
          e.type === 'image_generation.partial_image' ? [e.partial_image_index] : [],
        ),
      ).toEqual([...Array(partials).keys()])
      expect(new Set(events.map((e) => e.b64_json)).size).toBe(partials + 1)

      const completed = events.at(-1)!
      if (completed.type !== 'image_generation.completed') throw new Error('no completed event')
      expect(completed).toMatchObject({
        background: 'opaque',
        output_format: 'png',
        quality: 'low',
        size: '1024x1024',
      })
      // Each partial image adds 100 image output tokens.
      const { usage } = completed
      expect(usage.output_tokens).toBe(196 + 100 * partials)
      expect(usage.total_tokens).toBe(usage.input_tokens + usage.output_tokens)
      expect(await decode(imageBytes(completed.b64_json))).toMatchObject({
        format: 'png',
        width: 1024,
        height: 1024,
      })
    },
  )

  it('sends one completed event per image when n > 1', async () => {
    const stream = await client().images.generate({
      model: 'gpt-image-2',
      prompt: 'two streams',
      size: '1024x1024',
      stream: true,
      partial_images: 1,
      n: 2,
    })
    const types = []
    for await (const event of stream) types.push(event.type)
    expect(types).toEqual([
      'image_generation.partial_image',
      'image_generation.completed',
      'image_generation.partial_image',
      'image_generation.completed',
    ])
  })

  it('images.edit streams image_edit events', async () => {
    const photo = await toFile(await solidImage(512, 512), 'photo.png', { type: 'image/png' })
    const stream = await client().images.edit({
      model: 'gpt-image-2',
      image: photo,
      prompt: 'sketch it',
      stream: true,
      partial_images: 2,
    })
    const events = []
    for await (const event of stream) events.push(event)
    expect(events.map((e) => e.type)).toEqual([
      'image_edit.partial_image',
      'image_edit.partial_image',
      'image_edit.completed',
    ])
    const completed = events.at(-1)!
    expect(
      completed.type === 'image_edit.completed' &&
        completed.usage.input_tokens_details.image_tokens,
    ).toBeGreaterThan(0)
  })
})
