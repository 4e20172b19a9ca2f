/** Every fault type through real HTTP: one-shot headers and control-plane rules. */
import { afterEach, describe, expect, it } from 'vitest'
import OpenAI from 'openai'
import { useEmulator, jsonRequest } from '../support/emulator.js'
import { pollUntil } from '../support/poll.js'
import { startReceiver, type Receiver } from '../support/receiver.js'

const server = useEmulator({
  timing: 'instant',
  callbacks: { maxAttempts: 4, backoffMs: 20, timeoutMs: 500 },
  retryAfterSeconds: 0.01,
})

let counter = 0
const namespace = () => `faults-${++counter}`
const GENERATE = '/gptproto/v1/images/generations'
const body = { model: 'gpt-image-2', prompt: 'a fault', size: '1024x1024' }

function generate(headers: Record<string, string> = {}) {
  return fetch(server.url + GENERATE, jsonRequest(body, { authorization: 'sk-faults', ...headers }))
}

async function addRule(ns: string, rule: unknown) {
  const response = await fetch(
    `${server.url}/__emulator/faults`,
    jsonRequest(rule, { 'x-emulator-namespace': ns }),
  )
  expect(response.status).toBe(201)
  return response.json() as Promise<any>
}

async function createAivideoapiTask(
  ns: string,
  headers: Record<string, string> = {},
  extra: Record<string, unknown> = {},
) {
  const h = { authorization: 'Bearer sk-faults', 'x-emulator-namespace': ns, ...headers }
  const response = await fetch(
    `${server.url}/aivideoapi/v1/images/generations`,
    jsonRequest({ model: 'gpt-image-2', input: { prompt: 'task' }, ...extra }, h),
  )
  const id = ((await response.json()) as any).data.taskId as string
  const poll = () =>
    fetch(`${server.url}/aivideoapi/v1/tasks/${id}`, { headers: h }).then(
      (r) => r.json() as Promise<any>,
    )
  return {
    id,
    h,
    final: async () =>
      (await pollUntil(poll, (t) => t.status === 'completed' || t.status === 'failed')).at(-1),
  }
}

let receiver: Receiver | undefined
afterEach(async () => {
  await receiver?.close()
  receiver = undefined
})

describe('one-shot fault headers', () => {
  it('X-Emulator-Latency delays the answer by at least the given time', async () => {
    const started = performance.now()
    expect((await generate({ 'x-emulator-latency': '150' })).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(145)
  })

  it('reset drops the connection before any response', async () => {
    await expect(generate({ 'x-emulator-fault': 'reset' })).rejects.toThrow(/fetch failed/)
  })

  it('empty closes the connection without a response', async () => {
    const error = await generate({ 'x-emulator-fault': 'empty' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(String((error as Error & { cause?: unknown }).cause)).toMatch(
      /closed|socket|terminated/i,
    )
  })

  it('truncate sends the status and half the body, then drops the connection', async () => {
    const response = await generate({ 'x-emulator-fault': 'truncate' })
    expect(response.status).toBe(200)
    await expect(response.text()).rejects.toThrow(/terminated/)
  })

  it('malformed keeps the status but sends a body that is not JSON', async () => {
    const response = await generate({ 'x-emulator-fault': 'malformed' })
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text.startsWith('{"created":')).toBe(true)
    expect(() => JSON.parse(text)).toThrow()
  })

  it('stream-cut breaks an SSE answer after N events; the openai SDK sees the break', async () => {
    const client = new OpenAI({
      apiKey: 'sk-faults',
      baseURL: `${server.url}/gptproto/v1`,
      maxRetries: 0,
      defaultHeaders: { 'x-emulator-fault': 'stream-cut:1' },
    })
    const stream = await client.images.generate({
      ...body,
      stream: true,
      partial_images: 3,
    } as never)
    const seen: string[] = []
    const error = await (async () => {
      for await (const event of stream as unknown as AsyncIterable<{ type: string }>)
        seen.push(event.type)
    })().catch((e: unknown) => e)
    expect(seen).toEqual(['image_generation.partial_image'])
    expect(error).toBeInstanceOf(Error)
  })

  it('refuses an unknown fault token, naming the header and the allowed tokens', async () => {
    const response = await generate({ 'x-emulator-fault': 'explode' })
    expect(response.status).toBe(400)
    const refusal = ((await response.json()) as any).emulator_error
    expect(refusal).toMatchObject({
      field: 'X-Emulator-Fault',
      allowed: expect.arrayContaining(['reset', 'stream-cut:<events>']),
    })
  })

  it('refuses a malformed latency', async () => {
    const response = await generate({ 'x-emulator-latency': 'soon' })
    expect(((await response.json()) as any).emulator_error.field).toBe('X-Emulator-Latency')
  })
})

describe('task and callback faults', () => {
  it('task-fail:running fails the task with the provider code and refunds it', async () => {
    const ns = namespace()
    const task = await createAivideoapiTask(ns, { 'x-emulator-fault': 'task-fail:running' })
    expect(await task.final()).toMatchObject({
      status: 'failed',
      error: { code: 'upstream_error' },
    })
    const credits = await fetch(`${server.url}/aivideoapi/v1/credits`, { headers: task.h }).then(
      (r) => r.json() as Promise<any>,
    )
    expect(credits.data.balance).toBe(1000)
  })

  it('task-fail:queued:<code> fails the task in the queue with the chosen code', async () => {
    const task = await createAivideoapiTask(namespace(), {
      'x-emulator-fault': 'task-fail:queued:internal_error',
    })
    const final = await task.final()
    expect(final.error.code).toBe('internal_error')
  })

  it('callback-fail:2 fails the first two attempts, then delivers once', async () => {
    receiver = await startReceiver()
    const ns = namespace()
    const task = await createAivideoapiTask(
      ns,
      { 'x-emulator-fault': 'callback-fail:2' },
      { callback_url: receiver.url },
    )
    await receiver.waitFor(1)
    const log = await fetch(`${server.url}/__emulator/deliveries?task_id=${task.id}`, {
      headers: { 'x-emulator-namespace': ns },
    }).then((r) => r.json() as Promise<any>)
    expect(log.deliveries[0].attempts.map((a: any) => a.outcome)).toEqual([
      'retrying',
      'retrying',
      'delivered',
    ])
    expect(log.deliveries[0].attempts[0].error).toMatch(/injected/)
    expect(receiver.received).toHaveLength(1)
  })

  it('callback-duplicate delivers the same callback twice', async () => {
    receiver = await startReceiver()
    await createAivideoapiTask(
      namespace(),
      { 'x-emulator-fault': 'callback-duplicate' },
      { callback_url: receiver.url },
    )
    const [first, second] = await receiver.waitFor(2)
    expect(second!.body).toBe(first!.body)
    expect(second!.headers['x-task-id']).toBe(first!.headers['x-task-id'])
  })
})

describe('callback order', () => {
  it("callback-out-of-order holds a task's webhooks and sends the last event first", async () => {
    receiver = await startReceiver()
    const ns = namespace()
    await fetch(
      `${server.url}/__emulator/webhooks`,
      jsonRequest({ url: receiver.url }, { 'x-emulator-namespace': ns }),
    )
    const headers = {
      authorization: 'Bearer sk-faults',
      'x-emulator-namespace': ns,
      'x-emulator-fault': 'callback-out-of-order',
      'x-emulator-timing': 'fast',
    }
    const created = await fetch(
      `${server.url}/skills-video/api/v1/generation/openai/gpt-image-2`,
      jsonRequest({ prompt: 'out of order' }, headers),
    )
    expect(created.status).toBe(200)
    const received = await receiver.waitFor(3)
    expect(received.map((r) => JSON.parse(r.body).type)).toEqual([
      'task.completed',
      'task.started',
      'task.created',
    ])
  })
})

describe('fault rules', () => {
  it('fire only for matching requests of their namespace, and only the first N times', async () => {
    const ns = namespace()
    await addRule(ns, {
      match: { provider: 'gptproto', path: '/v1/images/generations' },
      error: 'internal_error',
      times: 2,
    })
    const statuses = []
    for (let i = 0; i < 3; i++)
      statuses.push((await generate({ 'x-emulator-namespace': ns })).status)
    expect(statuses).toEqual([500, 500, 200])
    expect((await generate({ 'x-emulator-namespace': namespace() })).status).toBe(200)
    const listed = await fetch(`${server.url}/__emulator/faults`, {
      headers: { 'x-emulator-namespace': ns },
    }).then((r) => r.json() as Promise<any>)
    expect(listed.faults[0]).toMatchObject({ matched: 2, fired: 2 })
  })

  it('match on key and prompt', async () => {
    const ns = namespace()
    await addRule(ns, {
      match: { provider: 'gptproto', key: 'sk-victim', prompt_contains: 'CAT' },
      error: 'insufficient_balance',
    })
    const send = (key: string, prompt: string) =>
      fetch(
        server.url + GENERATE,
        jsonRequest({ ...body, prompt }, { authorization: key, 'x-emulator-namespace': ns }),
      )
    expect((await send('sk-victim', 'a black cat')).status).toBe(403)
    expect((await send('sk-victim', 'a dog')).status).toBe(200)
    expect((await send('sk-other', 'a black cat')).status).toBe(200)
  })

  it("match on a multipart body's prompt, which the handler and journal still read", async () => {
    const ns = namespace()
    await addRule(ns, {
      match: { provider: 'skills-video', prompt_contains: 'storm' },
      error: 'image_generation_timeout',
    })
    const send = (prompt: string) => {
      const form = new FormData()
      form.append('prompt', prompt)
      form.append('image_urls', 'https://example.com/a.png')
      return fetch(`${server.url}/skills-video/api/v1/generation/openai/gpt-image-2`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk-faults', 'x-emulator-namespace': ns },
        body: form,
      })
    }
    expect((await send('a storm at sea')).status).toBe(504)
    expect((await send('a calm sea')).status).toBe(200)
    const journal = await fetch(`${server.url}/__emulator/journal?provider=skills-video`, {
      headers: { 'x-emulator-namespace': ns },
    }).then((r) => r.json() as Promise<any>)
    expect(journal.entries.map((e: any) => e.body.prompt)).toEqual(['a storm at sea', 'a calm sea'])
  })

  it('lets the openai SDK meet a 429 with retry-after, retry, and succeed', async () => {
    const ns = namespace()
    await addRule(ns, { match: { provider: 'gptproto' }, error: 'rate_limit_exceeded', times: 1 })
    let requests = 0
    const client = new OpenAI({
      apiKey: 'sk-faults',
      baseURL: `${server.url}/gptproto/v1`,
      maxRetries: 2,
      defaultHeaders: { 'x-emulator-namespace': ns },
      fetch: (url, init) => (requests++, fetch(url, init)),
    })
    const result = await client.images.generate(body)
    expect(result.data).toHaveLength(1)
    expect(requests).toBe(2)
  })

  it('gives the same sequence of outcomes for the same seed, run after run', async () => {
    const run = async () => {
      const ns = 'chaos'
      await fetch(`${server.url}/__emulator/reset`, jsonRequest({ namespace: ns }))
      await addRule(ns, {
        match: { provider: 'gptproto' },
        error: 'internal_error',
        probability: 0.5,
      })
      const outcomes = []
      for (let i = 0; i < 16; i++)
        outcomes.push((await generate({ 'x-emulator-namespace': ns })).status)
      return outcomes
    }
    const first = await run()
    expect(new Set(first)).toEqual(new Set([200, 500]))
    expect(await run()).toEqual(first)
  })

  it('combine latency and a dropped connection', async () => {
    const ns = namespace()
    await addRule(ns, { match: { provider: 'gptproto' }, latency_ms: [50, 60], fault: 'reset' })
    const started = performance.now()
    await expect(generate({ 'x-emulator-namespace': ns })).rejects.toThrow()
    expect(performance.now() - started).toBeGreaterThanOrEqual(45)
  })
})
