/**
 * One seed (and start time) makes a run repeat exactly: ids, timestamps, images, prompts and chaos.
 */
import { describe, expect, it } from 'vitest'
import { startServer } from '../src/server.js'
import { jsonRequest } from './support/emulator.js'

async function script(seed: string) {
  const emulator = await startServer({
    port: 0,
    seed,
    startTime: '2026-01-01T00:00:00Z',
    timing: 'instant',
  })
  const ns = { 'x-emulator-namespace': 'determinism' }
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(emulator.url + path, jsonRequest(body, { ...ns, ...headers }))
  try {
    const image = await post(
      '/gptproto/v1/images/generations',
      { model: 'gpt-image-2', prompt: 'a lighthouse', size: '1024x1024' },
      { authorization: 'sk-d' },
    )
    const revised = await post(
      '/oceanbase/api/v1/images/generations',
      { model: 'gpt-image-2', prompt: 'an apple', size: '1024x1024', n: 1 },
      { authorization: 'Bearer k' },
    )
    const task = await post(
      '/aivideoapi/v1/images/generations',
      { model: 'gpt-image-2', input: { prompt: 'a task' } },
      { authorization: 'Bearer sk-d' },
    )
    const taskId = ((await task.json()) as any).data.taskId
    const poll = await fetch(`${emulator.url}/aivideoapi/v1/tasks/${taskId}`, {
      headers: { ...ns, authorization: 'Bearer sk-d' },
    })
    const generation = await post(
      '/skills-video/api/v1/generation/openai/gpt-image-2',
      { prompt: 'a generation' },
      { authorization: 'Bearer sk-d' },
    )
    const endpoint = await post('/__emulator/webhooks', { url: 'http://127.0.0.1:9/hook' })
    await post('/__emulator/faults', {
      match: { provider: 'gptproto' },
      error: 'internal_error',
      probability: 0.5,
    })
    const chaos = []
    for (let i = 0; i < 12; i++)
      chaos.push(
        (
          await post(
            '/gptproto/v1/images/generations',
            { model: 'gpt-image-2', prompt: `chaos ${i}` },
            { authorization: 'sk-d' },
          )
        ).status,
      )
    return {
      requestId: image.headers.get('x-request-id'),
      image: ((await image.json()) as any).data[0].b64_json,
      revised: ((await revised.json()) as any).data[0].revised_prompt,
      taskId,
      createdAt: ((await poll.json()) as any).created_at,
      generationId: ((await generation.json()) as any).id,
      endpoint: (({ id, secret }: any) => ({ id, secret }))(await endpoint.json()),
      chaos,
    }
  } finally {
    await emulator.close()
  }
}

describe('determinism', () => {
  it('repeats a whole run for the same seed, and differs for another', async () => {
    const first = await script('seed-one')
    const again = await script('seed-one')
    const other = await script('seed-two')
    expect(again).toEqual(first)
    expect(first.createdAt).toBe(Date.parse('2026-01-01T00:00:00Z') / 1000)
    expect(new Set(first.chaos)).toEqual(new Set([200, 500]))
    for (const key of [
      'requestId',
      'image',
      'taskId',
      'generationId',
      'endpoint',
      'chaos',
    ] as const) {
      expect(other[key], key).not.toEqual(first[key])
    }
  })
})
