/**
 * `gptproto.unknownParameters`: unknown top-level fields refused as OpenAI does (`reject`, the
 * default) or dropped (`ignore`), as the Vercel AI SDK's openai-compatible provider needs: it
 * always sends `response_format: 'b64_json'`. Known fields keep their rules either way.
 */
import { describe, expect, it } from 'vitest'
import { useEmulator, jsonRequest } from '../../support/emulator.js'
import { createSpecValidator } from '../../support/spec-validator.js'
import { solidImage } from '../../support/images.js'

const spec = createSpecValidator('gptproto', '/gptproto')
const PATH = '/gptproto/v1/images/generations'
// What @ai-sdk/openai-compatible sends for an image, plus a field no one knows.
const AI_SDK_BODY = {
  model: 'gpt-image-2',
  prompt: 'a cat',
  n: 1,
  size: '1024x1024',
  response_format: 'b64_json',
  provider_hint: { region: 'eu' },
}

let namespaces = 0

function client(server: { readonly url: string }) {
  const ns = () => ({ authorization: 'sk-test', 'x-emulator-namespace': `unknown-${++namespaces}` })
  async function generate(body: unknown, headers = ns()) {
    const response = await fetch(server.url + PATH, jsonRequest(body, headers))
    const text = await response.text()
    await spec.check('POST', PATH, response, text)
    return { status: response.status, json: JSON.parse(text) }
  }
  async function balance(headers: Record<string, string>) {
    const response = await fetch(`${server.url}/__emulator/keys/gptproto/sk-test`, {
      headers: { 'x-emulator-namespace': headers['x-emulator-namespace']! },
    })
    return ((await response.json()) as { credits: { balance: number } }).credits.balance
  }
  return { ns, generate, balance }
}

describe('gptproto.unknownParameters: reject (the default)', () => {
  const server = useEmulator()
  const { ns, generate, balance } = client(server)

  it("refuses response_format with OpenAI's 400 unknown_parameter, charging nothing", async () => {
    const headers = ns()
    const before = await balance(headers)
    const { status, json } = await generate(AI_SDK_BODY, headers)
    expect(status).toBe(400)
    expect(json.error).toMatchObject({
      message: "Unknown parameter: 'response_format'.",
      type: 'invalid_request_error',
      param: 'response_format',
      code: 'unknown_parameter',
    })
    expect(await balance(headers)).toBe(before)
  })
})

describe('gptproto.unknownParameters: ignore', () => {
  const server = useEmulator({ gptproto: { unknownParameters: 'ignore' } })
  const { ns, generate, balance } = client(server)

  it('drops response_format and other unknown fields and answers normally', async () => {
    const { status, json } = await generate(AI_SDK_BODY)
    expect(status).toBe(200)
    expect(json.size).toBe('1024x1024')
    expect(json.data).toHaveLength(1)
    expect(typeof json.data[0].b64_json).toBe('string')
    expect(json).not.toHaveProperty('response_format')
  })

  it('keeps every rule of the known fields: a bad value is still a 400, charging nothing', async () => {
    const headers = ns()
    const before = await balance(headers)
    const { status, json } = await generate({ ...AI_SDK_BODY, n: 11 }, headers)
    expect(status).toBe(400)
    expect(json.error).toMatchObject({ param: 'n', type: 'invalid_request_error' })
    expect(await balance(headers)).toBe(before)
  })

  it('drops unknown text fields of an edit too', async () => {
    const form = new FormData()
    form.append('model', 'gpt-image-2')
    form.append('prompt', 'a hat')
    form.append('response_format', 'b64_json')
    const png = await solidImage(64, 64)
    form.append('image[]', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'a.png')
    const path = '/gptproto/v1/images/edits'
    const response = await fetch(server.url + path, {
      method: 'POST',
      headers: ns(),
      body: form,
    })
    const text = await response.text()
    await spec.check('POST', path, response, text)
    expect(response.status).toBe(200)
  })
})
