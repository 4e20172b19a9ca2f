/** CRUN's contract: tasks on three channels, outcomes in the body code, on the chosen target. */
import { expect } from 'vitest'
import { contract } from './support/contract.js'
import { solidImage } from '../test/support/images.js'

const c = contract('crun')
const CREATE = '/api/v1/client/job/CreateTask'
const INFO = '/api/v1/client/job/TaskInfo'
const IMAGE_URL =
  process.env.CONTRACT_IMAGE_URL ??
  'https://upload.wikimedia.org/wikipedia/commons/4/47/PNG_transparency_demonstration_1.png'
const cheapest = {
  model: 'openai/gpt-image-2',
  input: { prompt: 'contract: a lighthouse', aspect_ratio: '1:1' },
}

c.describe('crun', () => {
  c.case(
    'text to image, polled through running to success',
    { paid: true },
    async (call, { poll }) => {
      const created = await call({ method: 'POST', path: CREATE, json: cheapest })
      expect(created.status).toBe(200)
      expect(created.json).toMatchObject({
        code: 200,
        message: 'success',
        data: { task_id: expect.any(String) },
      })
      const seen = await poll(
        () => call({ method: 'GET', path: INFO, query: { task_id: created.json.data.task_id } }),
        (r) => ['success', 'failed'].includes(r.json?.data?.status),
      )
      const statuses = seen.map((r) => r.json.data.status)
      expect(statuses.at(-1)).toBe('success')
      expect(statuses.filter((s) => !['pending', 'running', 'success'].includes(s))).toEqual([])
      const done = seen.at(-1)!.json.data
      expect(done.result.media_urls).toHaveLength(1)
      expect((await fetch(done.result.media_urls[0])).status).toBe(200)
    },
  )

  c.case('edits with img_urls on the stable channel', { paid: true }, async (call, { poll }) => {
    const created = await call({
      method: 'POST',
      path: CREATE,
      json: {
        model: 'openai/gpt-image-2-stable',
        input: { prompt: 'contract: make it night', img_urls: [IMAGE_URL], quality: 'low' },
      },
    })
    expect(created.json.code).toBe(200)
    const seen = await poll(
      () => call({ method: 'GET', path: INFO, query: { task_id: created.json.data.task_id } }),
      (r) => ['success', 'failed'].includes(r.json?.data?.status),
    )
    expect(seen.at(-1)!.json.data.status).toBe('success')
  })

  c.case(
    'posts the task data to callback_url when it ends',
    { paid: true, callbacks: true },
    async (call, { receiver }) => {
      const hook = await receiver()
      const created = await call({
        method: 'POST',
        path: CREATE,
        json: { ...cheapest, callback_url: hook.callbackUrl },
      })
      const [delivered] = await hook.waitFor(1, c.target.kind === 'live' ? 540_000 : 10_000)
      const body = JSON.parse(delivered!.body)
      const data = body.data ?? body
      expect(data).toMatchObject({ task_id: created.json.data.task_id, status: 'success' })
    },
  )

  for (const [name, json] of [
    [
      'refuses an unknown model in the body code',
      { model: 'openai/gpt-image-9', input: { prompt: 'x' } },
    ],
    ['refuses a missing prompt in the body code', { model: 'openai/gpt-image-2', input: {} }],
    [
      'refuses a data: URI in img_urls',
      {
        model: 'openai/gpt-image-2',
        input: { prompt: 'x', img_urls: ['data:image/png;base64,AAAA'] },
      },
    ],
    [
      'refuses more than 14 img_urls on premium',
      {
        model: 'openai/gpt-image-2-premium',
        input: { prompt: 'x', img_urls: Array(15).fill(IMAGE_URL) },
      },
    ],
    [
      'refuses an unknown resolution on premium',
      { model: 'openai/gpt-image-2-premium', input: { prompt: 'x', resolution: '8K' } },
    ],
  ] as const) {
    c.case(name, {}, async (call) => {
      const r = await call({ method: 'POST', path: CREATE, json })
      expect(r.json).toMatchObject({ code: 422, data: null })
    })
  }

  c.case('refuses a missing key in the body code', {}, async (call) => {
    const r = await call({ method: 'POST', path: CREATE, json: cheapest, auth: {} })
    expect(r.json).toMatchObject({ code: 401, data: null })
  })

  c.case('answers an unknown task with 404', {}, async (call) => {
    const r = await call({
      method: 'GET',
      path: INFO,
      query: { task_id: '00000000-0000-4000-8000-000000000000' },
    })
    expect(r.status).toBe(404)
    expect(r.json).toMatchObject({ code: 404, data: null })
  })

  c.case('estimates a task without charging it', {}, async (call) => {
    const balance = async () =>
      (await call({ method: 'GET', path: '/api/v1/client/account/balance' })).json.data.balance
    const before = await balance()
    const r = await call({
      method: 'POST',
      path: '/api/v1/client/job/EstimateTask',
      json: cheapest,
    })
    expect(r.json).toMatchObject({
      code: 200,
      data: {
        estimated_credits: expect.any(Number),
        balance: expect.any(Number),
        affordable: expect.any(Boolean),
      },
    })
    expect(await balance()).toBe(before)
  })

  c.case('lists and describes the gpt-image-2 models', {}, async (call) => {
    const models = '/api/v1/client/job/Models'
    const list = await call({ method: 'GET', path: models, query: { modality: 'image' } })
    const names = list.json.data.models.map((m: { model: string }) => m.model)
    expect(names).toEqual(expect.arrayContaining(['openai/gpt-image-2-premium']))
    const described = await call({
      method: 'GET',
      path: `${models}/${encodeURIComponent('openai/gpt-image-2-premium')}`,
    })
    expect(described.json.data.required_input_fields).toContain('prompt')
    expect(described.json.data.input_schema).toMatchObject({ type: 'object' })
  })

  c.case('uploads an image and serves it at file_url', {}, async (call) => {
    const r = await call({
      method: 'GET',
      path: '/api/v1/client/files/upload-url',
      query: { content_type: 'image/png', ext: '.png' },
    })
    expect(r.json.code).toBe(200)
    // The PUT and the file go to the object store, not the API: nothing a cassette replays.
    if (c.target.kind === 'replay') return
    const png = await solidImage(64, 64)
    const put = await fetch(r.json.data.presigned_url, {
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      body: new Uint8Array(png),
    })
    expect(put.ok).toBe(true)
    expect((await fetch(r.json.data.file_url)).status).toBe(200)
  })

  c.case('reports the balance', {}, async (call) => {
    const r = await call({ method: 'GET', path: '/api/v1/client/account/balance' })
    expect(r.json).toMatchObject({
      code: 200,
      message: 'success',
      data: { balance: expect.any(Number) },
    })
  })
})
