/**
 * OceanBase Cloud AI API's contract: synchronous gpt-image-2, checked against the chosen target.
 */
import { expect } from 'vitest'
import { contract } from './support/contract.js'

const c = contract('oceanbase')
const GENERATE = '/api/v1/images/generations'
const seedRequest = {
  model: 'gpt-image-2',
  prompt: 'contract: a simple red apple on a white table, photorealistic',
  size: '1024x1024',
  n: 1,
}

c.describe('oceanbase', () => {
  c.case(
    "answers the docs' request with created, data[] and usage",
    { paid: true },
    async (call) => {
      const r = await call({ method: 'POST', path: GENERATE, json: seedRequest })
      expect(r.status).toBe(200)
      expect(r.json).toMatchObject({
        created: expect.any(Number),
        data: [expect.any(Object)],
        usage: expect.any(Object),
      })
      const [image] = r.json.data
      expect(image.url ?? image.b64_json).toEqual(expect.any(String))
    },
  )

  for (const field of ['model', 'prompt', 'size', 'n'] as const) {
    c.case(`requires ${field}`, {}, async (call) => {
      const { [field]: _omitted, ...json }: Record<string, unknown> = seedRequest
      const r = await call({ method: 'POST', path: GENERATE, json })
      expect(r.status).toBe(400)
      expect(r.json.error).toMatchObject({
        message: expect.any(String),
        type: expect.any(String),
        code: expect.any(String),
      })
    })
  }

  c.case('refuses a size breaking the gpt-image-2 rules', {}, async (call) => {
    const r = await call({
      method: 'POST',
      path: GENERATE,
      json: { ...seedRequest, size: '1000x1000' },
    })
    expect(r.status).toBe(400)
  })

  c.case('refuses a missing key with 401', {}, async (call) => {
    const r = await call({ method: 'POST', path: GENERATE, json: seedRequest, auth: {} })
    expect(r.status).toBe(401)
    expect(r.json.error.code).toBe('unauthorized')
  })
})
