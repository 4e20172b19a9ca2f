import { afterEach, describe, expect, it } from 'vitest'
import { useEmulator, jsonRequest } from '../../support/emulator.js'
import { createSpecValidator } from '../../support/spec-validator.js'
import { decode } from '../../support/images.js'
import { pollUntil } from '../../support/poll.js'
import { startReceiver, type Receiver } from '../../support/receiver.js'
import { startServer } from '../../../src/server.js'

const server = useEmulator({
  timing: 'instant',
  callbacks: { maxAttempts: 3, backoffMs: 50, timeoutMs: 300 },
})
const spec = createSpecValidator('aivideoapi', '/aivideoapi')
const KEY = 'sk-aivideoapi-test'

let namespaceCounter = 0
/** Each test gets its own namespace, so credits and tasks never leak between tests. */
function headers(extra: Record<string, string> = {}): Record<string, string> {
  return {
    authorization: `Bearer ${KEY}`,
    'x-emulator-namespace': `t${++namespaceCounter}`,
    ...extra,
  }
}

async function call(
  method: 'GET' | 'POST',
  path: string,
  h: Record<string, string>,
  body?: unknown,
) {
  const response = await fetch(
    server.url + '/aivideoapi' + path,
    body === undefined ? { method, headers: h } : jsonRequest(body, h),
  )
  const text = await response.text()
  await spec.check(method, '/aivideoapi' + path, response, text)
  return { status: response.status, json: JSON.parse(text) }
}

const create = (
  h: Record<string, string>,
  input: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) => call('POST', '/v1/images/generations', h, { model: 'gpt-image-2', input, ...extra })
const getTask = (h: Record<string, string>, id: string) => call('GET', `/v1/tasks/${id}`, h)
const untilDone = (h: Record<string, string>, id: string) =>
  pollUntil(
    () => getTask(h, id).then((r) => r.json),
    (t) => t.status === 'completed' || t.status === 'failed',
    { intervalMs: 15 },
  )

let receiver: Receiver | undefined
afterEach(async () => {
  await receiver?.close()
  receiver = undefined
})

describe('aivideoapi task lifecycle', () => {
  it('goes pending -> processing -> completed, each polled, and serves the image', async () => {
    // Each state lasts 600 ms: seen by a 20 ms poll even when the machine is busy.
    const h = headers({ 'x-emulator-timing': 'queue=600;run=600' })
    const created = await create(h, {
      prompt: 'A cinematic night city poster',
      aspect_ratio: '16:9',
    })
    expect(created.json).toEqual({
      code: 200,
      msg: 'success',
      data: { taskId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    })
    const seen = await untilDone(h, created.json.data.taskId)
    expect(seen.map((t) => t.status)).toEqual(['pending', 'processing', 'completed'])
    expect(seen[0]).toEqual({
      id: created.json.data.taskId,
      status: 'pending',
      model: 'gpt-image-2',
      created_at: expect.any(Number),
      progress: null,
    })
    const done = seen.at(-1)
    expect(done.output.metadata).toEqual({
      model: 'gpt-image-2-text-to-image',
      costTime: expect.any(Number),
    })
    expect(done.completed_at).toBeGreaterThanOrEqual(done.created_at)
    const image = await fetch(done.output.urls[0])
    expect(image.headers.get('content-type')).toBe('image/png')
    expect(await decode(Buffer.from(await image.arrayBuffer()))).toMatchObject({
      format: 'png',
      width: 1536,
      height: 864,
    })
  })

  it.each([
    [{ aspect_ratio: 'auto' }, 1024, 1024],
    [{ aspect_ratio: '3:1' }, 1881, 836],
    [{ aspect_ratio: '9:21', resolution: '2k' }, 1152, 2688],
    [{ aspect_ratio: '16:9', resolution: '4k' }, 3840, 2160],
    [{ aspect_ratio: '887x1774' }, 887, 1774],
    [{}, 1024, 1024],
  ])('renders %j at %ix%i', async (sizing, width, height) => {
    const h = headers()
    const { json } = await create(h, { prompt: 'sizes', ...sizing })
    const done = (await untilDone(h, json.data.taskId)).at(-1)
    const bytes = Buffer.from(await (await fetch(done.output.urls[0])).arrayBuffer())
    expect(await decode(bytes)).toMatchObject({ width, height })
  })

  it('marks edits as image-to-image', async () => {
    const h = headers()
    const { json } = await create(h, {
      prompt: 'warm interior',
      image_urls: ['https://example.com/room.jpg'],
      aspect_ratio: '3:2',
    })
    const done = (await untilDone(h, json.data.taskId)).at(-1)
    expect(done.output.metadata.model).toBe('gpt-image-2-image-to-image')
  })

  it('accepts an image-only task', async () => {
    const h = headers()
    const { status } = await create(h, { image_urls: ['https://example.com/a.png'] })
    expect(status).toBe(200)
  })
})

describe('aivideoapi credits', () => {
  it('charges 4.7, 9.4 and 14.1 credits for 1k, 2k and 4k, shown on /v1/credits', async () => {
    const h = headers()
    for (const resolution of ['1k', '2k', '4k']) await create(h, { prompt: 'priced', resolution })
    const { json } = await call('GET', '/v1/credits', h)
    expect(json).toEqual({
      code: 200,
      msg: 'success',
      data: { balance: 971.8, total_purchased: 1000, total_consumed: 28.2 },
    })
  })

  it('refunds a failed task', async () => {
    const h = headers()
    const { json } = await create(h, { prompt: 'this is unsafe-content', nsfw_checker: true })
    const failed = (await untilDone(h, json.data.taskId)).at(-1)
    expect(failed).toMatchObject({
      status: 'failed',
      error: { code: 'upstream_error', message: expect.stringContaining('sensitive information') },
    })
    expect((await call('GET', '/v1/credits', h)).json.data).toEqual({
      balance: 1000,
      total_purchased: 1000,
      total_consumed: 0,
    })
  })

  it('skips the check when nsfw_checker is off', async () => {
    const h = headers()
    const { json } = await create(h, { prompt: 'this is unsafe-content', nsfw_checker: false })
    expect((await untilDone(h, json.data.taskId)).at(-1).status).toBe('completed')
  })

  it('answers 402 insufficient_credits on a short balance, and keeps the balance', async () => {
    const h = headers()
    for (let i = 0; i < 70; i++) await create(h, { prompt: 'spend', resolution: '4k' })
    const refused = await create(h, { prompt: 'one too many', resolution: '4k' })
    expect(refused.status).toBe(402)
    expect(refused.json).toEqual({
      error: {
        code: 'insufficient_credits',
        message: 'Your credit balance is too low. Please top up.',
        type: 'billing_error',
      },
    })
    expect((await call('GET', '/v1/credits', h)).json.data.balance).toBe(13)
  })
})

describe('aivideoapi errors', () => {
  it.each([
    ['no model', { input: { prompt: 'x' } }, "'model' is required."],
    ['no input', { model: 'gpt-image-2' }, "'input' is required."],
    [
      'neither prompt nor image_urls',
      { model: 'gpt-image-2', input: {} },
      "At least one of 'input.prompt' or 'input.image_urls' must be provided.",
    ],
    [
      'a 20,001-character prompt',
      { model: 'gpt-image-2', input: { prompt: 'x'.repeat(20_001) } },
      "'input.prompt' must be at most 20000 characters.",
    ],
    [
      '17 image_urls',
      { model: 'gpt-image-2', input: { image_urls: Array(17).fill('https://e.com/a.png') } },
      "'input.image_urls' must have at most 16 items.",
    ],
    [
      'an ftp image url',
      { model: 'gpt-image-2', input: { image_urls: ['ftp://e.com/a.png'] } },
      "'input.image_urls.0' must be a valid url.",
    ],
    [
      'resolution 8k',
      { model: 'gpt-image-2', input: { prompt: 'x', resolution: '8k' } },
      "'input.resolution' must be one of: 1k, 2k, 4k.",
    ],
    [
      'nsfw_checker as a string',
      { model: 'gpt-image-2', input: { prompt: 'x', nsfw_checker: 'yes' } },
      "'input.nsfw_checker' must be a boolean.",
    ],
    [
      'a callback_url that is no URL',
      { model: 'gpt-image-2', input: { prompt: 'x' }, callback_url: 'not a url' },
      "'callback_url' must be a valid url.",
    ],
  ])('answers %s with 400 invalid_request', async (_, body, message) => {
    const { status, json } = await call('POST', '/v1/images/generations', headers(), body)
    expect(status).toBe(400)
    expect(json).toEqual({
      error: { code: 'invalid_request', message, type: 'invalid_request_error' },
    })
  })

  it('refuses an aspect ratio outside the table, naming the field', async () => {
    const { status, json } = await create(headers(), { prompt: 'x', aspect_ratio: '1000x1000' })
    expect(status).toBe(400)
    expect(json.error.message).toContain("'input.aspect_ratio'")
  })

  it('answers another model with 404 model_not_found', async () => {
    const { status, json } = await call('POST', '/v1/images/generations', headers(), {
      model: 'gpt-image-1',
      input: {},
    })
    expect(status).toBe(404)
    expect(json.error).toMatchObject({ code: 'model_not_found', type: 'invalid_request_error' })
  })

  it.each([
    [{}],
    [{ authorization: 'Bearer ak_not_sk' }],
    [{ authorization: 'sk-without-bearer' }],
  ])('answers auth %j with 401 invalid_api_key', async (h) => {
    const { status, json } = await call('POST', '/v1/images/generations', h, {
      model: 'gpt-image-2',
      input: { prompt: 'x' },
    })
    expect(status).toBe(401)
    expect(json.error).toMatchObject({ code: 'invalid_api_key', type: 'authentication_error' })
  })

  it('answers polls and balance reads without a valid key with 401', async () => {
    expect((await getTask({}, 'x')).status).toBe(401)
    expect((await call('GET', '/v1/credits', { authorization: 'Bearer nope' })).status).toBe(401)
  })

  it("answers an unknown task, or another key's task, with 404 task_not_found", async () => {
    const h = headers()
    expect((await getTask(h, 'no-such-task')).json.error.code).toBe('task_not_found')
    const { json } = await create(h, { prompt: 'mine' })
    const other = { ...h, authorization: 'Bearer sk-someone-else' }
    const { status, json: body } = await getTask(other, json.data.taskId)
    expect(status).toBe(404)
    expect(body.error.code).toBe('task_not_found')
  })

  it.each([
    ['ip_not_allowed', 403],
    ['rate_limit_exceeded', 429],
    ['spend_limit_exceeded', 429],
    ['internal_error', 500],
    ['upstream_error', 503],
  ])('answers X-Emulator-Error: %s with %i in its envelope', async (name, status) => {
    const result = await create(headers({ 'x-emulator-error': name }), { prompt: 'x' })
    expect(result.status).toBe(status)
    expect(result.json.error.code).toBe(name)
  })

  it.each([
    ['GET', '/v1/tasks/x', 403],
    ['GET', '/v1/tasks/x', 429],
    ['GET', '/v1/tasks/x', 500],
    ['GET', '/v1/credits', 403],
    ['GET', '/v1/credits', 429],
    ['GET', '/v1/credits', 500],
  ] as const)('%s %s can answer %i', async (method, path, status) => {
    const name = { 403: 'ip_not_allowed', 429: 'rate_limit_exceeded', 500: 'internal_error' }[
      status
    ]
    expect((await call(method, path, headers({ 'x-emulator-error': name }))).status).toBe(status)
  })

  it('answers an oversized body with 413 in its envelope', async () => {
    const { status, json } = await create(headers(), { prompt: 'x'.repeat(1_100_000) })
    expect(status).toBe(413)
    expect(json.error.code).toBe('invalid_request')
  })
})

describe('aivideoapi callbacks', () => {
  it('POSTs the final task to callback_url once with X-Event, X-Task-Id, X-Timestamp', async () => {
    receiver = await startReceiver()
    const h = headers()
    const { json } = await create(
      h,
      { prompt: 'callback me' },
      { callback_url: `${receiver.url}/hook?token=abc` },
    )
    const [delivered] = await receiver.waitFor(1)
    const final = (await getTask(h, json.data.taskId)).json
    expect(delivered!.path).toBe('/hook?token=abc')
    expect(JSON.parse(delivered!.body)).toEqual(final)
    expect(delivered!.headers).toMatchObject({
      'content-type': 'application/json',
      'x-event': 'task.completed',
      'x-task-id': json.data.taskId,
    })
    expect(Number(delivered!.headers['x-timestamp'])).toBeGreaterThanOrEqual(final.completed_at)
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(receiver.received).toHaveLength(1)
  })

  it('sends task.failed for a failed task', async () => {
    receiver = await startReceiver()
    await create(headers(), { prompt: 'unsafe-content' }, { callback_url: receiver.url })
    const [delivered] = await receiver.waitFor(1)
    expect(delivered!.headers['x-event']).toBe('task.failed')
    expect(JSON.parse(delivered!.body)).toMatchObject({
      status: 'failed',
      error: { code: 'upstream_error' },
    })
  })

  it('retries a failing receiver with growing waits until 2xx, logging each attempt', async () => {
    receiver = await startReceiver((i) => (i < 2 ? 500 : 200))
    const h = headers()
    const { json } = await create(h, { prompt: 'flaky receiver' }, { callback_url: receiver.url })
    const received = await receiver.waitFor(3)
    expect(received[2]!.at - received[1]!.at).toBeGreaterThan(received[1]!.at - received[0]!.at)
    const log = (await (
      await fetch(`${server.url}/__emulator/deliveries?task_id=${json.data.taskId}`, { headers: h })
    ).json()) as any
    expect(log.deliveries).toHaveLength(1)
    expect(log.deliveries[0]).toMatchObject({
      status: 'delivered',
      event: 'task.completed',
      url: receiver.url,
    })
    expect(log.deliveries[0].attempts.map((a: any) => [a.status, a.outcome, a.error])).toEqual([
      [500, 'retrying', 'HTTP 500'],
      [500, 'retrying', 'HTTP 500'],
      [200, 'delivered', null],
    ])
  })

  it('gives up on a silent receiver after the set attempts, each cut by the timeout', async () => {
    receiver = await startReceiver(() => 'hang')
    const h = headers()
    const { json } = await create(h, { prompt: 'silent receiver' }, { callback_url: receiver.url })
    await receiver.waitFor(3)
    const deadline = Date.now() + 5000
    let delivery: any
    do {
      await new Promise((resolve) => setTimeout(resolve, 50))
      delivery = (
        (await (
          await fetch(`${server.url}/__emulator/deliveries?task_id=${json.data.taskId}`, {
            headers: h,
          })
        ).json()) as any
      ).deliveries[0]
    } while (delivery.status === 'pending' && Date.now() < deadline)
    expect(delivery.status).toBe('failed')
    expect(delivery.attempts.map((a: any) => [a.status, a.error, a.outcome])).toEqual([
      [null, 'timeout after 300 ms', 'retrying'],
      [null, 'timeout after 300 ms', 'retrying'],
      [null, 'timeout after 300 ms', 'failed'],
    ])
  })

  it('answers the create request before the callback is delivered', async () => {
    // The receiver holds each callback until the test releases it, and this emulator waits for
    // it (one attempt, a long timeout): a create that waited on the delivery could not answer.
    let release: (status: number) => void = () => {}
    const released = new Promise<number>((resolve) => (release = resolve))
    receiver = await startReceiver(() => released)
    const slow = await startServer({
      port: 0,
      host: '127.0.0.1',
      timing: 'instant',
      callbacks: { maxAttempts: 1, backoffMs: 0, timeoutMs: 15_000 },
    })
    try {
      const path = '/aivideoapi/v1/images/generations'
      const answered = fetch(
        slow.url + path,
        jsonRequest(
          { model: 'gpt-image-2', input: { prompt: 'fast path' }, callback_url: receiver.url },
          headers(),
        ),
      ).then(async (response) => ({ response, text: await response.text(), at: Date.now() }))
      const [held] = await receiver.waitFor(1)
      const created = await Promise.race([
        answered,
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 3000)),
      ])
      expect(created, 'no create answer while the receiver held the callback').toBeDefined()
      expect(created!.response.status).toBe(200)
      await spec.check('POST', path, created!.response, created!.text)
      expect(held!.answeredAt, 'the receiver answered before the create did').toBeUndefined()
      release(200)
      await slow.runtime.deliveries.idle()
      expect(held!.answeredAt).toBeGreaterThanOrEqual(created!.at)
    } finally {
      release(200)
      await slow.close()
    }
  })
})

describe('aivideoapi spec coverage', () => {
  it('covers every response the spec documents', () => {
    expect(spec.unexercised()).toEqual([])
  })
})
