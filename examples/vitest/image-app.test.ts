import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import OpenAI from 'openai'
import { startEmulator, type Emulator } from 'gpt-image-emulator'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ timing: 'instant', retryAfterSeconds: 0.05 })
})
afterAll(() => emulator.close())
beforeEach(() => emulator.control.reset())

it('retries a rate-limited generation and gets the image', async () => {
  await emulator.control.faults.add({
    match: { provider: 'gptproto' },
    error: 'rate_limit_exceeded',
    times: 1,
  })
  const openai = new OpenAI({
    apiKey: 'sk-test',
    baseURL: `${emulator.baseUrls.gptproto}/v1`,
    maxRetries: 1,
  })

  const image = await openai.images.generate({
    model: 'gpt-image-2',
    prompt: 'a cat',
    size: '1536x1024',
  })

  expect(image.size).toBe('1536x1024')
  const calls = await emulator.control.journal({ provider: 'gptproto' })
  expect(calls.map((call) => call.status)).toEqual([429, 200])
})

it('reports a failed task, as a provider would', async () => {
  const headers = { authorization: 'Bearer sk-test', 'content-type': 'application/json' }
  const created = await fetch(`${emulator.baseUrls.aivideoapi}/v1/images/generations`, {
    method: 'POST',
    // Seconds in the queue, as upstream: time enough to fail it (`instant` would finish it now).
    headers: { ...headers, 'x-emulator-timing': 'realistic' },
    body: JSON.stringify({ model: 'gpt-image-2', input: { prompt: 'a storm' } }),
  }).then((r) => r.json() as Promise<{ data: { taskId: string } }>)

  await emulator.control.tasks.fail(created.data.taskId, { message: 'upstream timeout' })

  const task = await fetch(`${emulator.baseUrls.aivideoapi}/v1/tasks/${created.data.taskId}`, {
    headers,
  }).then((r) => r.json())
  expect(task).toMatchObject({
    status: 'failed',
    error: { code: 'upstream_error', message: 'upstream timeout' },
  })
})
