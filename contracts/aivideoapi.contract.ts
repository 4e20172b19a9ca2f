/** aivideoapi.ai's contract: what an application relies on, checked against the chosen target. */
import { expect } from 'vitest'
import { contract } from './support/contract.js'

const c = contract('aivideoapi')
const CREATE = '/v1/images/generations'
const IMAGE_URL =
  process.env.CONTRACT_IMAGE_URL ??
  'https://upload.wikimedia.org/wikipedia/commons/4/47/PNG_transparency_demonstration_1.png'
const cheapest = { aspect_ratio: '1:1', resolution: '1k' }

c.describe('aivideoapi', () => {
  c.case(
    'text to image, polled through pending/processing to completed',
    { paid: true },
    async (call, { poll }) => {
      const created = await call({
        method: 'POST',
        path: CREATE,
        json: { model: 'gpt-image-2', input: { prompt: 'contract: a red apple', ...cheapest } },
      })
      expect(created.status).toBe(200)
      expect(created.json).toMatchObject({
        code: 200,
        msg: 'success',
        data: { taskId: expect.any(String) },
      })
      const seen = await poll(
        () => call({ method: 'GET', path: `/v1/tasks/${created.json.data.taskId}` }),
        (r) => ['completed', 'failed'].includes(r.json?.status),
      )
      const statuses = seen.map((r) => r.json.status)
      expect(statuses.at(-1)).toBe('completed')
      expect(statuses.filter((s) => !['pending', 'processing', 'completed'].includes(s))).toEqual(
        [],
      )
      const done = seen.at(-1)!.json
      expect(done.output.metadata.model).toBe('gpt-image-2-text-to-image')
      const image = await fetch(done.output.urls[0])
      expect(image.status).toBe(200)
    },
  )

  c.case('image to image with image_urls', { paid: true }, async (call, { poll }) => {
    const created = await call({
      method: 'POST',
      path: CREATE,
      json: {
        model: 'gpt-image-2',
        input: { prompt: 'contract: make it blue', image_urls: [IMAGE_URL], ...cheapest },
      },
    })
    expect(created.status).toBe(200)
    const seen = await poll(
      () => call({ method: 'GET', path: `/v1/tasks/${created.json.data.taskId}` }),
      (r) => ['completed', 'failed'].includes(r.json?.status),
    )
    expect(seen.at(-1)!.json.output.metadata.model).toBe('gpt-image-2-image-to-image')
  })

  c.case(
    'sends the final task to callback_url',
    { paid: true, callbacks: true },
    async (call, { receiver, poll }) => {
      const hook = await receiver()
      const created = await call({
        method: 'POST',
        path: CREATE,
        json: {
          model: 'gpt-image-2',
          callback_url: hook.callbackUrl,
          input: { prompt: 'contract: callback', ...cheapest },
        },
      })
      const [delivered] = await hook.waitFor(1, c.target.kind === 'live' ? 540_000 : 10_000)
      const body = JSON.parse(delivered!.body)
      expect(body).toMatchObject({ id: created.json.data.taskId, status: 'completed' })
      expect(delivered!.headers['x-event']).toBe('task.completed')
      const final = await poll(
        () => call({ method: 'GET', path: `/v1/tasks/${created.json.data.taskId}` }),
        (r) => r.json?.status === 'completed',
      )
      expect(final.at(-1)!.json.id).toBe(body.id)
    },
  )

  for (const [name, json, message] of [
    ['refuses a body without model', { input: { prompt: 'x' } }, "'model' is required."],
    ['refuses a body without input', { model: 'gpt-image-2' }, "'input' is required."],
    [
      'refuses input with neither prompt nor image_urls',
      { model: 'gpt-image-2', input: {} },
      undefined,
    ],
    [
      'refuses a prompt over 20,000 characters',
      { model: 'gpt-image-2', input: { prompt: 'x'.repeat(20_001) } },
      undefined,
    ],
    [
      'refuses more than 16 image_urls',
      { model: 'gpt-image-2', input: { image_urls: Array(17).fill(IMAGE_URL) } },
      undefined,
    ],
    [
      'refuses an unknown resolution',
      { model: 'gpt-image-2', input: { prompt: 'x', resolution: '8k' } },
      undefined,
    ],
    [
      'refuses an aspect ratio outside the table',
      { model: 'gpt-image-2', input: { prompt: 'x', aspect_ratio: '7:5' } },
      undefined,
    ],
  ] as const) {
    c.case(name, {}, async (call) => {
      const r = await call({ method: 'POST', path: CREATE, json })
      expect(r.status).toBe(400)
      expect(r.json.error).toMatchObject({
        code: 'invalid_request',
        type: 'invalid_request_error',
        ...(message && { message }),
      })
    })
  }

  c.case('answers an unknown model with 404 model_not_found', {}, async (call) => {
    const r = await call({
      method: 'POST',
      path: CREATE,
      json: { model: 'gpt-image-0', input: { prompt: 'x' } },
    })
    expect(r.status).toBe(404)
    expect(r.json.error.code).toBe('model_not_found')
  })

  c.case(
    'refuses a missing key and a key without sk- with 401 invalid_api_key',
    {},
    async (call) => {
      for (const auth of [{}, { authorization: 'Bearer not-an-sk-key' }] as Record<
        string,
        string
      >[]) {
        const r = await call({
          method: 'POST',
          path: CREATE,
          json: { model: 'gpt-image-2', input: { prompt: 'x' } },
          auth,
        })
        expect(r.status).toBe(401)
        expect(r.json.error).toMatchObject({
          code: 'invalid_api_key',
          type: 'authentication_error',
        })
      }
    },
  )

  c.case('answers an unknown task with 404 task_not_found', {}, async (call) => {
    const r = await call({ method: 'GET', path: '/v1/tasks/00000000-0000-4000-8000-000000000000' })
    expect(r.status).toBe(404)
    expect(r.json.error.code).toBe('task_not_found')
  })

  c.case('reports the credit balance', {}, async (call) => {
    const r = await call({ method: 'GET', path: '/v1/credits' })
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({
      code: 200,
      msg: 'success',
      data: { balance: expect.any(Number) },
    })
  })
})
