/**
 * Many replicas, one truth: two emulator processes (A and B) sharing one real redis-server answer
 * as one emulator. A task created on A is polled to completion on B; each callback goes out the
 * configured number of times, not once per replica; 200 concurrent creates split across A and B
 * spend a balance that pays for 150 exactly; when A is killed mid-task, B finishes it and sends
 * its callback once; B serves image URLs minted on A; fault rules and the journal are shared.
 * Then Redis itself: lost mid-run, a replica answers 503 in the provider's envelope, reconnects
 * on its own and serves again; unreachable at start, the command exits 1 with a clear message.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeWithRedis } from '../support/needs-redis.js'
import { freePort, startRedisServer, type RedisServer } from '../support/redis-server.js'
import { runCommand, startReplica, type Replica, type Run } from '../support/replica.js'
import { startReceiver, type Receiver } from '../support/receiver.js'
import { pollUntil } from '../support/poll.js'

/** Short leases and polls, and quick callback retries, so a replica's death costs little time. */
const SETTINGS = {
  log: 'off',
  redis: { leaseMs: 300, pollMs: 20 },
  callbacks: { maxAttempts: 3, backoffMs: 100, timeoutMs: 1000 },
}
/** aivideoapi's price of one 1k image. */
const PRICE = 4.7

function configFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'two-replicas-')), 'emulator.json')
  writeFileSync(path, JSON.stringify(SETTINGS))
  return path
}

const run = randomBytes(3).toString('hex')
let counter = 0
/** A namespace and an API key no other test (or earlier run) uses. */
function fresh(name: string): { ns: string; key: string } {
  counter += 1
  return {
    ns: `scale-${name}-${run}-${String(counter)}`,
    key: `sk-scale-${run}-${String(counter)}`,
  }
}

/** A parsed JSON answer, read field by field as the tests of the providers do. */
type Json = any

interface Answer {
  status: number
  json: Json
}

async function call(
  base: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Answer> {
  const response = await fetch(base + path, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return { status: response.status, json: text ? JSON.parse(text) : undefined }
}

/** aivideoapi's request headers for `key` in `ns`, with any timing or other extras. */
function aivideo(t: { ns: string; key: string }, extra: Record<string, string> = {}) {
  return { authorization: `Bearer ${t.key}`, 'x-emulator-namespace': t.ns, ...extra }
}

const create = (
  base: string,
  headers: Record<string, string>,
  extra: Record<string, unknown> = {},
  prompt = 'a lighthouse at dusk',
) =>
  call(base, 'POST', '/aivideoapi/v1/images/generations', headers, {
    model: 'gpt-image-2',
    input: { prompt },
    ...extra,
  })

const getTask = (base: string, headers: Record<string, string>, id: string) =>
  call(base, 'GET', `/aivideoapi/v1/tasks/${id}`, headers).then((r) => r.json)

/** Every state the task is seen in on `base`, until it has ended. */
const untilEnded = (
  base: string,
  headers: Record<string, string>,
  id: string,
  timeoutMs = 10_000,
) =>
  pollUntil(
    () => getTask(base, headers, id),
    (task) => task.status === 'completed' || task.status === 'failed',
    { intervalMs: 20, timeoutMs },
  )

/** The delivery log of one task, as `base` shows it. */
const deliveries = (base: string, ns: string, taskId: string) =>
  call(base, 'GET', `/__emulator/deliveries?task_id=${taskId}`, {
    'x-emulator-namespace': ns,
  }).then((r) => r.json.deliveries as Json[])

/** Waits until the delivery log on `base` shows the task's callback settled, and returns it. */
async function settledDeliveries(base: string, ns: string, taskId: string): Promise<Json[]> {
  const seen = await pollUntil(
    () => deliveries(base, ns, taskId),
    (list) => list.length > 0 && list.every((d) => d.status !== 'pending'),
    { intervalMs: 20, timeoutMs: 10_000 },
  )
  return seen.at(-1)!
}

/**
 * Long enough for a second replica's copy of an attempt, or an extra retry, to arrive: several
 * poll rounds and more than the backoff, so "exactly once" is seen, not assumed.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 400))

const imageBytes = async (url: string) => {
  const response = await fetch(url)
  expect(response.status).toBe(200)
  return {
    type: response.headers.get('content-type'),
    bytes: Buffer.from(await response.arrayBuffer()),
  }
}

/** `url` with its origin replaced by `base`'s: the same image asked of another replica. */
const on = (base: string, url: string) => base + new URL(url).pathname

/** Every process and server the file starts, stopped in afterAll whatever happened. */
const redisServers: RedisServer[] = []
const replicas: Replica[] = []
const receivers: Receiver[] = []
/** The Redis A and B share (the outage test stops it and starts it again). */
let shared: RedisServer
let a: Replica
let b: Replica
/** A start against a closed port, run while the others start: it takes seconds too. */
let failedStart: Promise<Run & { url: string }>

const receiver = async (...args: Parameters<typeof startReceiver>) => {
  const started = await startReceiver(...args)
  receivers.push(started)
  return started
}

/** Every promise settled, then the first failure thrown: nothing still starting is leaked. */
async function allStarted<T>(starts: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(starts)
  for (const result of settled) if (result.status === 'rejected') throw result.reason
  return settled.map((result) => (result as PromiseFulfilledResult<T>).value)
}

beforeAll(async () => {
  const config = configFile()
  const replica = async (redis: RedisServer) => {
    const started = await startReplica(['--redis-url', redis.url, '--config', config])
    replicas.push(started)
    // A first provider request loads what a replica loads lazily, so no test's timing pays it.
    await call(started.url, 'GET', '/aivideoapi/v1/credits', aivideo(fresh('warm')))
    return started
  }
  const closed = `redis://127.0.0.1:${String(await freePort())}`
  failedStart = runCommand(['--port', '0', '--redis-url', closed]).then((r) => ({
    ...r,
    url: closed,
  }))
  shared = await startRedisServer()
  redisServers.push(shared)
  // Side by side: each process takes a second or more to start on a busy two-core machine.
  ;[a, b] = (await allStarted([replica(shared), replica(shared)])) as [Replica, Replica]
}, 60_000)

afterAll(async () => {
  await Promise.allSettled([
    ...replicas.map((r) => r.kill()),
    ...receivers.map((r) => r.close()),
    failedStart,
  ])
  await Promise.allSettled(redisServers.map((r) => r.stop()))
})

describeWithRedis('two replicas on one Redis', { timeout: 30_000 }, () => {
  it('a task created on A is polled to completion on B', async () => {
    const t = fresh('poll')
    const h = aivideo(t, { 'x-emulator-timing': 'queue=500;run=500' })
    const created = await create(a.url, h)
    expect(created.status).toBe(200)
    const id = created.json.data.taskId as string
    const seen = await untilEnded(b.url, h, id)
    // B saw the task before it ended, and each state in order (a busy machine may skip one).
    const states = seen.map((task) => task.status as string)
    expect(states.length).toBeGreaterThan(1)
    expect(['pending', 'processing', 'completed'].filter((s) => states.includes(s))).toEqual(states)
    const done = seen.at(-1)
    expect(done).toMatchObject({ id, status: 'completed', output: { urls: [expect.any(String)] } })
    expect(await getTask(a.url, h, id)).toEqual(done)
  })

  it('each callback is delivered the configured number of times, not once per replica', async () => {
    const t = fresh('callbacks')
    const h = aivideo(t, { 'x-emulator-timing': 'instant' })
    const flaky = await receiver((i) => (i < 2 ? 500 : 200))
    const plain = await receiver()
    const retried = await create(a.url, h, { callback_url: `${flaky.url}/flaky` })
    const once = await create(b.url, h, { callback_url: `${plain.url}/plain` })
    const retriedId = retried.json.data.taskId as string
    const onceId = once.json.data.taskId as string

    await Promise.all([flaky.waitFor(3), plain.waitFor(1)])
    const logA = await settledDeliveries(a.url, t.ns, retriedId)
    await settle()
    expect(flaky.received.map((r) => r.path)).toEqual(['/flaky', '/flaky', '/flaky'])
    expect(plain.received.map((r) => r.path)).toEqual(['/plain'])

    expect(logA).toHaveLength(1)
    expect(logA[0]).toMatchObject({ status: 'delivered', event: 'task.completed' })
    expect(logA[0].attempts.map((x: Json) => [x.status, x.outcome])).toEqual([
      [500, 'retrying'],
      [500, 'retrying'],
      [200, 'delivered'],
    ])
    expect(await deliveries(b.url, t.ns, retriedId)).toEqual(logA)
    const onceOnA = await settledDeliveries(a.url, t.ns, onceId)
    expect(onceOnA.map((d) => d.attempts.map((x: Json) => x.outcome))).toEqual([['delivered']])
    expect(await deliveries(b.url, t.ns, onceId)).toEqual(onceOnA)
  })

  it('200 concurrent creates on A and B against a balance for 150: 150 succeed, it ends at 0', async () => {
    const t = fresh('credits')
    const put = await call(
      a.url,
      'PUT',
      `/__emulator/keys/aivideoapi/${t.key}`,
      { 'x-emulator-namespace': t.ns },
      { credits: 150 * PRICE },
    )
    expect(put.status).toBe(200)
    expect(put.json.credits.balance).toBe(705)
    // Queued for ever: the tasks' own work stays out of the race for the balance.
    const h = aivideo(t, { 'x-emulator-timing': 'queue=600000;run=0' })
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => create(i % 2 === 0 ? a.url : b.url, h)),
    )
    const ok = answers.filter((r) => r.status === 200)
    const refused = answers.filter((r) => r.status !== 200)
    expect(ok).toHaveLength(150)
    expect(new Set(ok.map((r) => r.json.data.taskId)).size).toBe(150)
    expect(refused).toHaveLength(50)
    for (const r of refused)
      expect(r).toEqual({
        status: 402,
        json: {
          error: {
            code: 'insufficient_credits',
            message: 'Your credit balance is too low. Please top up.',
            type: 'billing_error',
          },
        },
      })
    // Both replicas took part in the successes, so the race really was between two processes.
    const okIndexes = answers.flatMap((r, i) => (r.status === 200 ? [i % 2] : []))
    expect(new Set(okIndexes)).toEqual(new Set([0, 1]))
    for (const base of [a.url, b.url]) {
      const credits = await call(base, 'GET', '/aivideoapi/v1/credits', aivideo(t))
      expect(credits.json.data).toEqual({
        balance: 0,
        total_purchased: 1000,
        total_consumed: 705,
      })
    }
  })

  it('an image URL minted on A is served by B with the same bytes', async () => {
    const t = fresh('images')
    const h = aivideo(t, { 'x-emulator-timing': 'instant' })
    const created = await create(a.url, h)
    const done = (await untilEnded(a.url, h, created.json.data.taskId as string)).at(-1)
    const taskUrl = done.output.urls[0] as string
    expect(taskUrl.startsWith(`${a.url}/files/`)).toBe(true)
    const fromA = await imageBytes(taskUrl)
    const fromB = await imageBytes(on(b.url, taskUrl))
    expect(fromB.type).toBe('image/png')
    expect(fromB.bytes.equals(fromA.bytes)).toBe(true)

    // A synchronous answer's URL: no task owns it.
    const sync = await call(
      a.url,
      'POST',
      '/oceanbase/api/v1/images/generations',
      { authorization: 'Bearer ob-scale', 'x-emulator-namespace': t.ns },
      { model: 'gpt-image-2', prompt: 'a red apple', size: '1024x1024', n: 1 },
    )
    expect(sync.status).toBe(200)
    const item = sync.json.data[0]
    expect(item.url).toMatch(new RegExp(`^${a.url}/files/`))
    const syncFromB = await imageBytes(on(b.url, item.url as string))
    expect(syncFromB.bytes.equals(Buffer.from(item.b64_json as string, 'base64'))).toBe(true)

    // An upload: CRUN's presigned URL issued by A, the bytes PUT to B, the file served by A.
    const crun = { 'x-api-key': t.key, 'x-emulator-namespace': t.ns }
    const issued = await call(
      a.url,
      'GET',
      '/crun/api/v1/client/files/upload-url?content_type=image/png',
      crun,
    )
    const { presigned_url: presigned, file_url: fileUrl } = issued.json.data
    const put = await fetch(on(b.url, presigned as string), {
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      body: new Uint8Array(fromA.bytes),
    })
    expect(put.status).toBe(200)
    const uploaded = await imageBytes(on(a.url, fileUrl as string))
    expect(uploaded.bytes.equals(fromA.bytes)).toBe(true)
  })

  it('fault rules and the journal are shared between A and B', async () => {
    const t = fresh('faults')
    const ns = { 'x-emulator-namespace': t.ns }
    const added = await call(a.url, 'POST', '/__emulator/faults', ns, {
      match: { provider: 'aivideoapi', path: '/v1/images/generations' },
      error: 'rate_limit_exceeded',
      times: 1,
    })
    expect(added.status).toBe(201)

    const h = aivideo(t, { 'x-emulator-timing': 'queue=600000;run=0' })
    const faulted = await create(b.url, h)
    expect(faulted.status).toBe(429)
    expect(faulted.json.error.code).toBe('rate_limit_exceeded')
    // Spent on B, so A's next create is not faulted again.
    expect((await create(a.url, h)).status).toBe(200)
    const rules = (base: string) =>
      call(base, 'GET', '/__emulator/faults', ns).then((r) => r.json.faults as Json[])
    const onA = await rules(a.url)
    expect(onA).toEqual([expect.objectContaining({ id: added.json.id, fired: 1, times: 1 })])
    expect(await rules(b.url)).toEqual(onA)

    // Both requests, whichever replica took them, in each replica's journal.
    const journal = (base: string) =>
      call(base, 'GET', '/__emulator/journal?provider=aivideoapi', ns).then(
        (r) => r.json.entries as Json[],
      )
    const seen = await pollUntil(
      () => journal(a.url),
      (entries) => entries.length >= 2,
    )
    const entries = seen.at(-1)!
    expect(entries.map((e) => [e.headers.host, e.status])).toEqual([
      [new URL(b.url).host, 429],
      [new URL(a.url).host, 200],
    ])
    expect(await journal(b.url)).toEqual(entries)
  })

  // Empties the shared Redis: after the tests that need what it held.
  it('when Redis is lost, A answers 503 in the provider envelope, then reconnects on its own', async () => {
    const replica = a
    const t = fresh('outage')
    const h = aivideo(t, { 'x-emulator-timing': 'queue=600000;run=0' })
    expect((await create(replica.url, h)).status).toBe(200)

    await shared.stop()
    try {
      // At once, several: right after the server goes, ioredis still says 'ready' for a moment.
      const down = await Promise.all(Array.from({ length: 5 }, () => create(replica.url, h)))
      for (const answer of down)
        expect(answer).toMatchObject({
          status: 503,
          json: {
            error: { code: 'internal_error', type: 'api_error', message: expect.any(String) },
          },
        })
      const sync = await call(
        replica.url,
        'POST',
        '/oceanbase/api/v1/images/generations',
        { authorization: 'Bearer ob-scale', 'x-emulator-namespace': t.ns },
        { model: 'gpt-image-2', prompt: 'a red apple', size: '1024x1024', n: 1 },
      )
      expect(sync).toMatchObject({
        status: 503,
        json: { error: { code: 'service_unavailable', type: 'server_error' } },
      })
      expect(replica.alive()).toBe(true)
    } finally {
      await shared.start() // even when an assertion failed: the next test needs Redis
    }
    const answers = await pollUntil(
      () => create(replica.url, h).then((r) => r.status),
      (status) => status === 200,
      { intervalMs: 50, timeoutMs: 10_000 },
    )
    expect(answers.filter((status) => status !== 200 && status !== 503)).toEqual([])
    // B lost it too, and is back as well (the next test needs both).
    await pollUntil(
      () => create(b.url, h).then((r) => r.status),
      (status) => status === 200,
      { intervalMs: 50, timeoutMs: 10_000 },
    )
    expect(replica.alive()).toBe(true)
    expect(replica.output()).toMatch(/lost Redis at redis:\/\/127\.0\.0\.1:\d+.*reconnecting/)
    expect(replica.output()).toMatch(/Redis at redis:\/\/127\.0\.0\.1:\d+ is back/)
    expect(replica.output()).not.toContain('unexpected error')
  })

  // Last: it kills A.
  it('when A is killed mid-task, B finishes the task and delivers its callback once', async () => {
    const t = fresh('killed')
    const hook = await receiver()
    const h = aivideo(t, { 'x-emulator-timing': 'queue=100;run=1500' })
    const created = await create(a.url, h, { callback_url: hook.url })
    const id = created.json.data.taskId as string
    await pollUntil(
      () => getTask(b.url, h, id),
      (task) => task.status === 'processing',
    )
    await a.kill('SIGKILL')
    expect(a.alive()).toBe(false)
    expect(hook.received).toHaveLength(0)

    const done = (await untilEnded(b.url, h, id)).at(-1)
    expect(done.status).toBe('completed')
    await hook.waitFor(1)
    const log = await settledDeliveries(b.url, t.ns, id)
    await settle()
    expect(hook.received).toHaveLength(1)
    expect(JSON.parse(hook.received[0]!.body)).toEqual(done)
    expect(log.map((d) => [d.status, d.attempts.length])).toEqual([['delivered', 1]])
  })
})

describeWithRedis('Redis unreachable at start', { timeout: 30_000 }, () => {
  it('exits 1 naming the URL, with a hint, and no stack', async () => {
    const { code, stdout, stderr, url } = await failedStart
    expect(code).toBe(1)
    expect(stdout).toBe('')
    const lines = stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(
      new RegExp(`^gpt-image-emulator: cannot reach Redis at ${url}/?: .*ECONNREFUSED`),
    )
    expect(lines[1]).toBe(
      'Start Redis there, or leave out --redis-url (EMULATOR_REDIS_URL) to keep state in memory.',
    )
    expect(stderr).not.toMatch(/^\s+at /m)
  })
})
