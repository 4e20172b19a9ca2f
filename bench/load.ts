/**
 * The load run behind `npm run bench:load` and its small version in the tests: many tasks with
 * callbacks across namespaces through the three async providers (skills.video by webhooks set per
 * namespace on the control plane, aivideoapi and CRUN by `callback_url`), every callback caught
 * by a local receiver. Checks that nothing is lost, that each callback arrives exactly as often
 * as configured (twice under `X-Emulator-Fault: callback-duplicate`, else once), and that each
 * key's consumed credits equal the sum of the prices its tasks were charged.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface LoadOptions {
  /** The emulator's origin (`http://127.0.0.1:4010`). */
  url: string
  tasks: number
  namespaces: number
  /** Requests in flight at once. */
  concurrency?: number
  /** Every nth task asks for its callbacks twice (callback-duplicate); 0 for none. */
  duplicateEvery?: number
  /** How long to wait for the last callback. */
  waitMs?: number
  /** Sampled while the run lasts; the peak is reported. */
  rssMb?: () => Promise<number>
  /** Sent as a bearer token to the control plane when the emulator requires one. */
  adminToken?: string
}

export interface LoadReport {
  tasks: number
  namespaces: number
  created: number
  completed: number
  lost: number
  callbacksExpected: number
  callbacksReceived: number
  missing: number
  duplicates: number
  unexpected: number
  balanceMismatches: string[]
  creditsCharged: number
  peakRssMb: number | null
  wallMs: number
  tasksPerSecond: number
  ok: boolean
}

type Provider = 'skills-video' | 'aivideoapi' | 'crun'
const PROVIDERS: Provider[] = ['skills-video', 'aivideoapi', 'crun']
/** aivideoapi's documented price of a 1k image. */
const AIVIDEOAPI_1K_PRICE = 4.7

interface Created {
  provider: Provider
  namespace: string
  key: string
  id: string
  /** The events a callback is expected for, each `times` times. */
  events: string[]
  times: number
  /** What the provider said the task costs (skills.video's usage, CRUN's credits). */
  price?: number
}

const keyFor = (provider: Provider, ns: number) =>
  provider === 'crun' ? `ak_load${String(ns).padStart(29, '0')}` : `sk-load-${ns}`

const authFor = (provider: Provider, key: string): Record<string, string> =>
  provider === 'crun' ? { 'x-api-key': key } : { authorization: `Bearer ${key}` }

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const {
    url,
    tasks,
    namespaces,
    concurrency = 100,
    duplicateEvery = 10,
    waitMs = 60_000,
  } = options
  const control = (path: string, namespace: string, init: RequestInit = {}) =>
    fetch(`${url}/__emulator${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        'x-emulator-namespace': namespace,
        ...(options.adminToken && { authorization: `Bearer ${options.adminToken}` }),
      },
    })

  // The receiver: counts each (provider, task, event) and keeps CRUN's reported credits.
  const received = new Map<string, number>()
  const crunCredits = new Map<string, number>()
  let receivedTotal = 0
  const receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      receivedTotal++
      const provider = (req.url ?? '').split('/')[1] as Provider
      const json = JSON.parse(body)
      let id: string
      let event: string
      if (provider === 'skills-video') {
        id = json.prediction.id
        event = json.type
      } else if (provider === 'crun') {
        id = json.task_id
        event = 'callback'
        crunCredits.set(id, json.credits)
      } else {
        id = json.id
        event = 'callback'
      }
      const k = `${provider}:${id}:${event}`
      received.set(k, (received.get(k) ?? 0) + 1)
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`

  let peakRssMb: number | null = null
  const sample = () =>
    options.rssMb && void options.rssMb().then((mb) => (peakRssMb = Math.max(peakRssMb ?? 0, mb)))
  sample()
  const sampler = setInterval(sample, 50)

  const started = performance.now()
  // Webhooks per namespace: even ones want only the final event, odd ones every event.
  const allEvents = new Map<string, boolean>()
  for (let ns = 0; ns < namespaces; ns++) {
    const namespace = `load-${ns}`
    const all = ns % 2 === 1
    allEvents.set(namespace, all)
    const res = await control('/webhooks', namespace, {
      method: 'POST',
      body: JSON.stringify({
        provider: 'skills-video',
        url: `${hook}/skills-video/${namespace}`,
        ...(!all && { events: ['task.completed', 'task.failed'] }),
      }),
    })
    if (res.status !== 201) throw new Error(`webhook for ${namespace}: ${res.status}`)
  }

  const created: Created[] = []
  const failures: string[] = []
  async function createOne(i: number): Promise<void> {
    const provider = PROVIDERS[i % PROVIDERS.length]!
    const ns = Math.floor(i / PROVIDERS.length) % namespaces
    const namespace = `load-${ns}`
    const key = keyFor(provider, ns)
    const duplicate = duplicateEvery > 0 && i % duplicateEvery === 0
    const headers: Record<string, string> = {
      ...authFor(provider, key),
      'content-type': 'application/json',
      'x-emulator-namespace': namespace,
      ...(duplicate && { 'x-emulator-fault': 'callback-duplicate' }),
    }
    const prompt = `load task ${i}`
    const callbackUrl = `${hook}/${provider}/${namespace}`
    const [path, body] =
      provider === 'skills-video'
        ? ['/api/v1/generation/openai/gpt-image-2', { prompt, aspect_ratio: '1:1' }]
        : provider === 'aivideoapi'
          ? [
              '/v1/images/generations',
              { model: 'gpt-image-2', callback_url: callbackUrl, input: { prompt } },
            ]
          : [
              '/api/v1/client/job/CreateTask',
              { model: 'openai/gpt-image-2', callback_url: callbackUrl, input: { prompt } },
            ]
    const res = await fetch(`${url}/${provider}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    })
    const json: any = await res.json()
    const id: unknown = json.data?.taskId ?? json.data?.task_id ?? json.id
    if (!res.ok || typeof id !== 'string' || (provider === 'crun' && json.code !== 200)) {
      failures.push(`${provider} create ${i}: ${res.status} ${JSON.stringify(json)}`)
      return
    }
    const events =
      provider !== 'skills-video'
        ? ['callback']
        : allEvents.get(namespace)
          ? ['task.created', 'task.started', 'task.completed']
          : ['task.completed']
    created.push({
      provider,
      namespace,
      key,
      id,
      events,
      times: duplicate ? 2 : 1,
      ...(provider === 'skills-video' && { price: json.usage.total as number }),
      ...(provider === 'aivideoapi' && { price: AIVIDEOAPI_1K_PRICE }),
    })
  }

  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, tasks) }, async () => {
      while (next < tasks) await createOne(next++)
    }),
  )

  const expected = new Map<string, number>()
  for (const t of created)
    for (const event of t.events) expected.set(`${t.provider}:${t.id}:${event}`, t.times)
  const callbacksExpected = [...expected.values()].reduce((a, b) => a + b, 0)
  const deadline = Date.now() + waitMs
  while (receivedTotal < callbacksExpected && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20))
  const wallMs = performance.now() - started
  // A moment more, for a callback sent once too often.
  await new Promise((resolve) => setTimeout(resolve, 300))
  clearInterval(sampler)

  // Tasks: every one created must have completed.
  let completed = 0
  const charges = new Map<string, number>()
  for (let ns = 0; ns < namespaces; ns++) {
    const namespace = `load-${ns}`
    const res = await control('/tasks', namespace)
    const list = (await res.json()) as { tasks: { id: string; state: string }[] }
    const succeeded = new Set(list.tasks.filter((t) => t.state === 'succeeded').map((t) => t.id))
    completed += created.filter((t) => t.namespace === namespace && succeeded.has(t.id)).length
  }

  // Balances: consumed = the sum of the prices each key's tasks were quoted.
  let creditsCharged = 0
  for (const t of created) {
    const price = t.price ?? crunCredits.get(t.id) ?? NaN
    const account = `${t.namespace}/${t.provider}/${t.key}`
    charges.set(account, (charges.get(account) ?? 0) + price)
  }
  const balanceMismatches: string[] = []
  for (const [account, sum] of charges) {
    const [namespace, provider, key] = account.split('/') as [string, string, string]
    const res = await control(`/keys/${provider}/${encodeURIComponent(key)}`, namespace)
    const view = (await res.json()) as { credits: { consumed: number } }
    const rounded = Math.round(sum * 1000) / 1000
    creditsCharged += rounded
    if (view.credits.consumed !== rounded)
      balanceMismatches.push(`${account}: consumed ${view.credits.consumed}, prices ${rounded}`)
  }
  await new Promise<void>((resolve) => {
    receiver.closeAllConnections()
    receiver.close(() => resolve())
  })

  let missing = 0
  let duplicates = 0
  for (const [k, times] of expected) {
    const got = received.get(k) ?? 0
    if (got < times) missing += times - got
    if (got > times) duplicates += got - times
  }
  const unexpected = [...received.keys()].filter((k) => !expected.has(k)).length
  const lost = tasks - completed
  const report: LoadReport = {
    tasks,
    namespaces,
    created: created.length,
    completed,
    lost,
    callbacksExpected,
    callbacksReceived: receivedTotal,
    missing,
    duplicates,
    unexpected,
    balanceMismatches: [...failures, ...balanceMismatches],
    creditsCharged: Math.round(creditsCharged * 1000) / 1000,
    peakRssMb,
    wallMs: Math.round(wallMs),
    tasksPerSecond: Math.round(tasks / (wallMs / 1000)),
    ok: false,
  }
  report.ok =
    lost === 0 &&
    missing === 0 &&
    duplicates === 0 &&
    unexpected === 0 &&
    report.balanceMismatches.length === 0
  return report
}

/** The report as a Markdown table, as the other benches print. */
export function formatLoadReport(r: LoadReport, timing: string): string {
  const rows: [string, string][] = [
    ['tasks created / completed / lost', `${r.created} / ${r.completed} / ${r.lost}`],
    ['callbacks expected / received', `${r.callbacksExpected} / ${r.callbacksReceived}`],
    [
      'callbacks missing / duplicated / unexpected',
      `${r.missing} / ${r.duplicates} / ${r.unexpected}`,
    ],
    [
      'balances (consumed = sum of prices)',
      r.balanceMismatches.length === 0
        ? `exact, ${r.creditsCharged} credits`
        : `${r.balanceMismatches.length} off`,
    ],
    ['wall time, last callback included', `${r.wallMs} ms`],
    ['tasks/s', String(r.tasksPerSecond)],
    ['emulator peak RSS', r.peakRssMb === null ? 'n/a' : `${r.peakRssMb} MB`],
  ]
  return [
    `\n${r.tasks} tasks with callbacks across ${r.namespaces} namespaces, ${timing} timing ` +
      '(skills-video webhooks, aivideoapi and CRUN callback_url)\n',
    '| measure | value |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    ...r.balanceMismatches.slice(0, 10).map((m) => `  ${m}`),
  ].join('\n')
}
