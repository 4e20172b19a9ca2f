/** Key settings from the control plane, as each provider renders them, and namespace isolation. */
import { describe, expect, it } from 'vitest'
import { useEmulator, jsonRequest } from '../support/emulator.js'

const server = useEmulator({ timing: 'instant', moderation: { triggerTerms: ['forbidden-fruit'] } })

let counter = 0
const namespace = () => `keys-${++counter}`

async function setKey(ns: string, provider: string, key: string, settings: unknown) {
  const response = await fetch(
    `${server.url}/__emulator/keys/${provider}/${encodeURIComponent(key)}`,
    { ...jsonRequest(settings, { 'x-emulator-namespace': ns }), method: 'PUT' },
  )
  expect(response.status).toBe(200)
}

const aivideoapi = (
  ns: string,
  key = 'sk-policy',
  input: Record<string, unknown> = { prompt: 'x' },
) =>
  fetch(
    `${server.url}/aivideoapi/v1/images/generations`,
    jsonRequest(
      { model: 'gpt-image-2', input },
      { authorization: `Bearer ${key}`, 'x-emulator-namespace': ns },
    ),
  )
const gptproto = (ns: string, key = 'sk-policy', prompt = 'x') =>
  fetch(
    `${server.url}/gptproto/v1/images/generations`,
    jsonRequest(
      { model: 'gpt-image-2', prompt },
      { authorization: key, 'x-emulator-namespace': ns },
    ),
  )

describe('key settings', () => {
  it("answers a disabled key with each provider's 401", async () => {
    const ns = namespace()
    await setKey(ns, 'aivideoapi', 'sk-policy', { disabled: true })
    await setKey(ns, 'gptproto', 'sk-policy', { disabled: true })
    const a = await aivideoapi(ns)
    expect([a.status, ((await a.json()) as any).error.code]).toEqual([401, 'invalid_api_key'])
    const g = await gptproto(ns)
    expect([g.status, ((await g.json()) as any).error.code]).toEqual([401, 'invalid_api_key'])
    expect((await aivideoapi(ns, 'sk-other')).status).toBe(200)
  })

  it("answers an address outside the allowlist with aivideoapi's 403 ip_not_allowed", async () => {
    const ns = namespace()
    await setKey(ns, 'aivideoapi', 'sk-policy', { ip_allowlist: ['10.0.0.0/8'] })
    const refused = await aivideoapi(ns)
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as any).error).toMatchObject({
      code: 'ip_not_allowed',
      type: 'permission_error',
    })
    await setKey(ns, 'aivideoapi', 'sk-policy', { ip_allowlist: ['10.0.0.0/8', '127.0.0.1'] })
    expect((await aivideoapi(ns)).status).toBe(200)
  })

  it("answers spending over the hourly limit: aivideoapi's 429 spend_limit_exceeded", async () => {
    const ns = namespace()
    await setKey(ns, 'aivideoapi', 'sk-policy', { spend_limits: { hourly: 10 } })
    expect((await aivideoapi(ns)).status).toBe(200)
    expect((await aivideoapi(ns)).status).toBe(200)
    const refused = await aivideoapi(ns)
    expect(refused.status).toBe(429)
    expect(((await refused.json()) as any).error).toMatchObject({
      code: 'spend_limit_exceeded',
      type: 'billing_error',
    })
  })

  it('answers 402 once the credits set on the control plane run out', async () => {
    const ns = namespace()
    await setKey(ns, 'aivideoapi', 'sk-policy', { credits: 5 })
    expect((await aivideoapi(ns)).status).toBe(200)
    expect((await aivideoapi(ns)).status).toBe(402)
  })

  it('rate-limits by token bucket: x-ratelimit headers, then 429 with retry-after', async () => {
    const ns = namespace()
    await setKey(ns, 'gptproto', 'sk-policy', {
      rate_limit: { capacity: 2, refill_per_second: 0.5 },
    })
    const first = await gptproto(ns)
    expect(first.status).toBe(200)
    expect(first.headers.get('x-ratelimit-limit-requests')).toBe('2')
    expect(first.headers.get('x-ratelimit-remaining-requests')).toBe('1')
    expect((await gptproto(ns)).status).toBe(200)
    const limited = await gptproto(ns)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(limited.headers.get('x-ratelimit-remaining-requests')).toBe('0')
    expect(((await limited.json()) as any).error.code).toBe('rate_limit_exceeded')
    expect((await gptproto(ns, 'sk-another-key')).status).toBe(200)
  })
})

describe('moderation', () => {
  it('refuses prompts with the configured trigger terms', async () => {
    const refused = await gptproto(namespace(), 'sk-mod', 'pick the FORBIDDEN-FRUIT')
    expect(((await refused.json()) as any).error.code).toBe('moderation_blocked')
    expect(
      (await gptproto(namespace(), 'sk-mod', 'unsafe-content is not a term here')).status,
    ).toBe(200)
  })
})

describe('namespaces', () => {
  it('isolate tasks, credits, journal and faults of tests running side by side', async () => {
    const [a, b] = [namespace(), namespace()]
    await fetch(
      `${server.url}/__emulator/faults`,
      jsonRequest(
        {
          match: { provider: 'aivideoapi', path: '/v1/images/generations' },
          error: 'internal_error',
        },
        { 'x-emulator-namespace': a },
      ),
    )
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        aivideoapi(i % 2 ? a : b).then((r) => [i % 2 ? 'a' : 'b', r.status] as const),
      ),
    )
    expect(results.filter(([ns]) => ns === 'a').map(([, s]) => s)).toEqual([
      500, 500, 500, 500, 500,
    ])
    expect(results.filter(([ns]) => ns === 'b').map(([, s]) => s)).toEqual([
      200, 200, 200, 200, 200,
    ])
    const read = (ns: string, path: string) =>
      fetch(server.url + path, {
        headers: { 'x-emulator-namespace': ns, authorization: 'Bearer sk-policy' },
      }).then((r) => r.json() as Promise<any>)
    expect((await read(a, '/__emulator/tasks')).tasks).toHaveLength(0)
    expect((await read(b, '/__emulator/tasks')).tasks).toHaveLength(5)
    expect((await read(a, '/aivideoapi/v1/credits')).data.balance).toBe(1000)
    expect((await read(b, '/aivideoapi/v1/credits')).data.balance).toBeCloseTo(1000 - 5 * 4.7)
    expect(
      (await read(a, '/__emulator/journal?path=/v1/images')).entries.map(
        (e: { status: number }) => e.status,
      ),
    ).toEqual([500, 500, 500, 500, 500])
    expect((await read(b, '/__emulator/journal?path=/v1/images')).entries).toHaveLength(5)
  })
})
