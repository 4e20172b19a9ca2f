/**
 * GPTProto's balance: every accepted image costs `gptproto.pricePerImage`; a short balance is the
 * documented 403 insufficient_balance; a refused request charges nothing.
 */
import { describe, expect, it } from 'vitest'
import { useEmulator, jsonRequest } from '../../support/emulator.js'
import { createSpecValidator } from '../../support/spec-validator.js'

const spec = createSpecValidator('gptproto', '/gptproto')
const PATH = '/gptproto/v1/images/generations'
const KEY = 'sk-balance'
const server = useEmulator({ gptproto: { pricePerImage: 2.5 } })

let namespaces = 0
const namespace = () => `gptproto-balance-${++namespaces}`

async function setCredits(ns: string, credits: number) {
  const response = await fetch(`${server.url}/__emulator/keys/gptproto/${KEY}`, {
    method: 'PUT',
    headers: { 'x-emulator-namespace': ns, 'content-type': 'application/json' },
    body: JSON.stringify({ credits }),
  })
  expect(response.status).toBe(200)
}

async function balance(ns: string) {
  const response = await fetch(`${server.url}/__emulator/keys/gptproto/${KEY}`, {
    headers: { 'x-emulator-namespace': ns },
  })
  return ((await response.json()) as { credits: { balance: number } }).credits.balance
}

async function generate(ns: string, body: Record<string, unknown> = {}) {
  const response = await fetch(
    server.url + PATH,
    jsonRequest(
      { model: 'gpt-image-2', prompt: 'a cat', size: '1024x1024', ...body },
      { authorization: KEY, 'x-emulator-namespace': ns },
    ),
  )
  const text = await response.text()
  await spec.check('POST', PATH, response, text)
  return { status: response.status, json: JSON.parse(text) }
}

describe('gptproto balance', () => {
  it('gives a key with credits for exactly 3 images 3 successes, then the 403', async () => {
    const ns = namespace()
    await setCredits(ns, 7.5)
    for (let i = 0; i < 3; i++) expect((await generate(ns)).status).toBe(200)
    expect(await balance(ns)).toBe(0)
    const { status, json } = await generate(ns)
    expect(status).toBe(403)
    expect(json).toEqual({
      error: {
        message: 'Insufficient balance for the requested operation. Please recharge your account.',
        type: 'permission_error',
        param: null,
        code: 'insufficient_balance',
      },
    })
  })

  it('charges n times the price for n images, and refuses n the balance does not cover', async () => {
    const ns = namespace()
    await setCredits(ns, 10)
    const { status, json } = await generate(ns, { n: 3 })
    expect(status).toBe(200)
    expect(json.data).toHaveLength(3)
    expect(await balance(ns)).toBe(2.5)
    expect((await generate(ns, { n: 2 })).status).toBe(403)
    expect(await balance(ns)).toBe(2.5)
  })

  it('charges nothing for a refused request', async () => {
    const ns = namespace()
    await setCredits(ns, 5)
    expect((await generate(ns, { size: '1000x1000' })).status).toBe(400)
    expect((await generate(ns, { prompt: 'unsafe-content' })).status).toBe(400)
    expect((await generate(ns, { colour: 'red' })).status).toBe(400)
    expect(await balance(ns)).toBe(5)
  })

  it('charges a streamed request as well', async () => {
    const ns = namespace()
    await setCredits(ns, 5)
    const response = await fetch(
      server.url + PATH,
      jsonRequest(
        { model: 'gpt-image-2', prompt: 'a cat', size: '1024x1024', stream: true },
        { authorization: KEY, 'x-emulator-namespace': ns },
      ),
    )
    expect(response.status).toBe(200)
    await response.text()
    expect(await balance(ns)).toBe(2.5)
  })
})
