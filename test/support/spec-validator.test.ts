/** The spec validator itself: it must fail when a response strays from the spec. */
import { describe, expect, it } from 'vitest'
import { createSpecValidator } from './spec-validator.js'

const PATH = '/v1/images/generations'
const ok = {
  created: 1,
  background: 'opaque',
  data: [{ b64_json: 'AAAA' }],
  output_format: 'png',
  quality: 'low',
  size: '1024x1024',
  usage: {
    input_tokens: 1,
    input_tokens_details: { image_tokens: 0, text_tokens: 1 },
    output_tokens: 1,
    output_tokens_details: { image_tokens: 1, text_tokens: 0 },
    total_tokens: 2,
  },
}
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json',
      'x-request-id': `req_${'0'.repeat(32)}`,
      ...headers,
    },
  })

describe('createSpecValidator', () => {
  const spec = createSpecValidator('gptproto')

  it('accepts a response that matches', async () => {
    await expect(spec.check('POST', PATH, json(ok))).resolves.toBeUndefined()
  })

  it('rejects a body with a wrong field type', async () => {
    await expect(spec.check('POST', PATH, json({ ...ok, created: 'yesterday' }))).rejects.toThrow(
      /does not match the spec/,
    )
  })

  it('rejects a body with a field the spec does not declare', async () => {
    await expect(spec.check('POST', PATH, json({ ...ok, extra: true }))).rejects.toThrow(
      /does not match the spec/,
    )
  })

  it('rejects a status the operation does not document', async () => {
    await expect(spec.check('POST', PATH, json(ok, 418))).rejects.toThrow(
      /does not document status 418/,
    )
  })

  it('rejects a response missing a documented header', async () => {
    const error = {
      error: {
        message: 'slow down',
        type: 'rate_limit_error',
        param: null,
        code: 'rate_limit_exceeded',
      },
    }
    await expect(spec.check('POST', PATH, json(error, 429))).rejects.toThrow(
      /header 'retry-after' is missing/,
    )
  })

  it('rejects a content type the response does not document', async () => {
    const response = new Response('hello', {
      status: 200,
      headers: { 'content-type': 'text/plain', 'x-request-id': `req_${'0'.repeat(32)}` },
    })
    await expect(spec.check('POST', PATH, response)).rejects.toThrow(
      /content type 'text\/plain' is not documented/,
    )
  })

  it('rejects a path the spec does not have', async () => {
    await expect(spec.check('GET', '/v1/models', json(ok))).rejects.toThrow(/no operation/)
  })
})
