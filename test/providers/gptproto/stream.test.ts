import { describe, expect, it } from 'vitest'
import { useEmulator, jsonRequest } from '../../support/emulator.js'
import { createSpecValidator, sseData } from '../../support/spec-validator.js'

const server = useEmulator()
const spec = createSpecValidator('gptproto', '/gptproto')
const PATH = '/gptproto/v1/images/generations'

async function stream(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(
    server.url + PATH,
    jsonRequest(
      { model: 'gpt-image-2', prompt: 'stream', size: '1024x1024', stream: true, ...body },
      { authorization: 'sk-test', accept: 'application/json', ...headers },
    ),
  )
  const text = await response.text()
  await spec.check('POST', PATH, response, text)
  return { response, text, events: sseData(text).map((d) => JSON.parse(d)) }
}

describe('gptproto streaming', () => {
  it('streams SSE when the body says stream, whatever the accept header says', async () => {
    const { response } = await stream({})
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
  })

  it('names each frame with an event line matching its type, and sends no [DONE]', async () => {
    const { text, events } = await stream({ partial_images: 1 })
    expect(text).toMatch(/^event: image_generation\.partial_image\ndata: /)
    expect(text).not.toContain('[DONE]')
    expect(events.map((e) => e.type)).toEqual([
      'image_generation.partial_image',
      'image_generation.completed',
    ])
  })

  it.each([0, 1, 2, 3])('sends %i partial images before the final one', async (partials) => {
    const { events } = await stream({ partial_images: partials })
    expect(events).toHaveLength(partials + 1)
    expect(events.slice(0, partials).map((e) => e.partial_image_index)).toEqual([
      ...Array(partials).keys(),
    ])
    expect(events.at(-1).usage.output_tokens).toBe(196 + 100 * partials)
  })

  it('makes each partial image different from the final one', async () => {
    const { events } = await stream({ partial_images: 2 })
    expect(new Set(events.map((e) => e.b64_json)).size).toBe(3)
  })

  it('sends one completed event per image when n > 1', async () => {
    const { events } = await stream({ n: 2, partial_images: 1 })
    expect(events.map((e) => e.type)).toEqual([
      'image_generation.partial_image',
      'image_generation.completed',
      'image_generation.partial_image',
      'image_generation.completed',
    ])
  })

  it('refuses a bad request as JSON before any stream starts', async () => {
    const response = await fetch(
      server.url + PATH,
      jsonRequest(
        { model: 'gpt-image-2', prompt: 'x', stream: true, partial_images: 4 },
        { authorization: 'sk-test' },
      ),
    )
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(((await response.json()) as any).error.code).toBe('integer_above_max_value')
  })
})
