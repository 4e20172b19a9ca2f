/** skills.video's contract: queued generations, polling, SSE and webhooks, on the chosen target. */
import { expect } from 'vitest'
import { Webhook } from 'standardwebhooks'
import { contract } from './support/contract.js'

const c = contract('skills-video')
const CREATE = '/api/v1/generation/openai/gpt-image-2'
const IMAGE_URL =
  process.env.CONTRACT_IMAGE_URL ??
  'https://upload.wikimedia.org/wikipedia/commons/4/47/PNG_transparency_demonstration_1.png'
const cheapest = { aspect_ratio: '1:1', resolution: '1K', quality: 'low' }

c.describe('skills-video', () => {
  c.case(
    'text to image, polled through IN_QUEUE/IN_PROGRESS to COMPLETED',
    { paid: true },
    async (call, { poll }) => {
      const created = await call({
        method: 'POST',
        path: CREATE,
        json: { prompt: 'contract: a cat', ...cheapest },
      })
      expect([200, 202]).toContain(created.status)
      expect(created.json).toMatchObject({
        id: expect.any(String),
        status: 'IN_QUEUE',
        input: expect.any(Object),
        usage: expect.any(Object),
      })
      const seen = await poll(
        () => call({ method: 'GET', path: `/api/v1/generation/${created.json.id}` }),
        (r) => ['COMPLETED', 'FAILED', 'CANCELED'].includes(r.json?.status),
      )
      const statuses = seen.map((r) => r.json.status)
      expect(statuses.at(-1)).toBe('COMPLETED')
      expect(statuses.filter((s) => !['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED'].includes(s))).toEqual(
        [],
      )
      const data = seen.at(-1)!.json.data
      expect(data.images[0]).toMatchObject({
        url: expect.any(String),
        width: expect.any(Number),
        height: expect.any(Number),
      })
      expect(data.image).toEqual(data.images[0])
    },
  )

  c.case('edits with image_urls', { paid: true }, async (call, { poll }) => {
    const created = await call({
      method: 'POST',
      path: CREATE,
      json: { prompt: 'contract: add snow', image_urls: [IMAGE_URL], ...cheapest },
    })
    expect([200, 202]).toContain(created.status)
    const seen = await poll(
      () => call({ method: 'GET', path: `/api/v1/generation/${created.json.id}` }),
      (r) => ['COMPLETED', 'FAILED'].includes(r.json?.status),
    )
    expect(seen.at(-1)!.json.status).toBe('COMPLETED')
  })

  c.case(
    'streams status frames until a terminal one (SSE variant)',
    { paid: true },
    async (call) => {
      const r = await call({
        method: 'POST',
        path: '/api/v1/generation/sse/openai/gpt-image-2',
        json: { prompt: 'contract: streamed', ...cheapest },
      })
      expect(r.status).toBe(200)
      expect(r.events.at(-1)?.status).toBe('COMPLETED')
    },
  )

  c.case(
    'signs webhooks the Standard Webhooks way',
    { callbacks: true, controlPlane: true },
    async (call, { receiver }) => {
      const hook = await receiver()
      const endpoint = await fetch(`${c.target.emulatorUrl}/__emulator/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: hook.callbackUrl, events: ['task.completed'] }),
      }).then((r) => r.json() as Promise<{ id: string; secret: string }>)
      try {
        const created = await call({
          method: 'POST',
          path: CREATE,
          json: { prompt: 'contract: webhook', ...cheapest },
        })
        const [delivered] = await hook.waitFor(1)
        const event = new Webhook(endpoint.secret).verify(
          delivered!.body,
          delivered!.headers as Record<string, string>,
        ) as { type: string; data: { id: string } }
        expect(event).toMatchObject({ type: 'task.completed', data: { id: created.json.id } })
      } finally {
        await fetch(`${c.target.emulatorUrl}/__emulator/webhooks/${endpoint.id}`, {
          method: 'DELETE',
        })
      }
    },
  )

  for (const [name, json] of [
    ['refuses a missing prompt', { aspect_ratio: '1:1' }],
    ['refuses an unknown aspect ratio', { prompt: 'x', aspect_ratio: '5:4' }],
    ['refuses n above 4', { prompt: 'x', n: 5 }],
    ['refuses an unknown output format', { prompt: 'x', output_format: 'gif' }],
  ] as const) {
    c.case(name, {}, async (call) => {
      const r = await call({ method: 'POST', path: CREATE, json })
      expect(r.status).toBe(400)
      expect(r.json).toMatchObject({ error: expect.any(String), message: expect.any(String) })
    })
  }

  c.case('refuses a missing key with 401', {}, async (call) => {
    const r = await call({ method: 'POST', path: CREATE, json: { prompt: 'x' }, auth: {} })
    expect(r.status).toBe(401)
  })

  c.case('answers an unknown generation with 404', {}, async (call) => {
    const r = await call({ method: 'GET', path: '/api/v1/generation/gen_000000000000000000000000' })
    expect(r.status).toBe(404)
  })

  c.case('lists running generations as an array', {}, async (call) => {
    const r = await call({ method: 'GET', path: '/api/v1/generations/running' })
    expect(r.status).toBe(200)
    expect(Array.isArray(r.json)).toBe(true)
  })
})
