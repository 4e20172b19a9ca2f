/**
 * The fuzz suite's harness: one in-process emulator (createRuntime + createApp, requests through
 * `app.request()`), tasks, a webhook endpoint and a fault rule seeded for the cases' ids, and the
 * property every case must hold:
 * - no 5xx, and an answer within a few seconds;
 * - a refusal (a 4xx, or CRUN's HTTP 200 carrying an error `code`) is in the provider's envelope,
 *   valid against specs/<provider>.openapi.yaml, or in the emulator's `{emulator_error}` for
 *   steering headers, unknown routes and the control plane;
 * - a refusal changes no state: tasks, credits of the keys involved, key settings, fault rules,
 *   webhook endpoints, deliveries and stored files are as before (the journal aside);
 * - the emulator still answers its health check and nothing was thrown unhandled.
 * Used by fuzz.test.ts (npm test) and scripts/fuzz.ts (npm run fuzz).
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { parse as parseYaml } from 'yaml'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { createRuntime, type Runtime } from '../../src/runtime.js'
import { createApp } from '../../src/app.js'
import { resolveConfig } from '../../src/config.js'
import { specPath } from '../../src/specs.js'
import { providerById } from '../../src/providers/index.js'
import { createSpecValidator, type SpecValidator } from '../support/spec-validator.js'
import { solidImage } from '../support/images.js'
import {
  CONTROL_NAMESPACES,
  CRUN_KEY,
  DEAD_CALLBACK,
  FUZZ_KEY,
  PROVIDER_NAMESPACES,
  fuzzCase,
  type Body,
  type FormValue,
  type FuzzCase,
} from './arbitraries.js'

/** How long one request may take before the case counts as a hang. */
const ANSWER_WITHIN_MS = 5_000
type Payload = string | FormData | ArrayBuffer
const ASYNC_PROVIDERS = ['skills-video', 'aivideoapi', 'crun'] as const

export interface FuzzStats {
  requests: number
  statuses: Record<string, number>
  refusals: number
}

/**
 * Cases the emulator is known to get wrong, kept out of the run until the fix lands: each one a
 * precise predicate with the cause, removed by whoever fixes it. Empty: nothing is known wrong.
 */
export const KNOWN: { cause: string; matches: (c: FuzzCase) => boolean }[] = []

export interface Fuzzer {
  runtime: Runtime
  stats: FuzzStats
  /** Sends one case and checks the property; throws a description of what broke. */
  check(c: FuzzCase): Promise<void>
  close(): void
}

export async function createFuzzer(): Promise<Fuzzer> {
  const runtime = createRuntime(
    resolveConfig({
      timing: 'instant',
      seed: 'fuzz',
      log: 'off',
      callbacks: { maxAttempts: 1, backoffMs: 0, timeoutMs: 500 },
    }),
  )
  const app = createApp(runtime)
  const png = await solidImage(1024, 1024)
  const specs = new Map<string, SpecValidator>()
  const specOf = (id: string) => {
    let spec = specs.get(id)
    if (!spec) specs.set(id, (spec = createSpecValidator(id, id === 'emulator' ? '' : `/${id}`)))
    return spec
  }
  const emulatorEnvelope = compileEmulatorEnvelope()
  const documentedErrors = new Map<string, (body: unknown) => boolean>()
  const anyDocumentedError = (id: string) => {
    let fn = documentedErrors.get(id)
    if (!fn) documentedErrors.set(id, (fn = compileDocumentedErrors(id)))
    return fn
  }

  // Files are not listed anywhere; count the names kept (uploads), published and held (recipes).
  let filesStored = 0
  const seenFiles = new Set<string>()
  const counted = (name: string) => {
    if (!seenFiles.has(name)) filesStored++
    seenFiles.add(name)
    return name
  }
  const images = { ...runtime.images }
  runtime.images.keep = async (bytes, format) => counted(await images.keep(bytes, format))
  runtime.images.publish = async (recipe) => counted(await images.publish(recipe))
  runtime.images.hold = async (recipe) => counted(await images.hold(recipe))

  const unhandled: unknown[] = []
  const onUnhandled = (err: unknown) => void unhandled.push(err)
  process.on('unhandledRejection', onUnhandled)

  const keyOf = (provider: string) => (provider === 'crun' ? CRUN_KEY : FUZZ_KEY)
  const headersFor = (provider: string, key: string) => providerById(provider)!.keyScheme.send(key)

  // ------------------------------------------------------------ seeds

  const seeds = {
    /** Per async provider, a task of FUZZ_KEY in pv-1. */
    task: new Map<string, string>(),
    /** A task in cp-1, for the control plane. */
    cpTask: '',
    webhook: '',
    fault: '',
  }

  const CREATES: Record<(typeof ASYNC_PROVIDERS)[number], [string, unknown]> = {
    'skills-video': ['/api/v1/generation/openai/gpt-image-2', { prompt: 'a seed' }],
    aivideoapi: ['/v1/images/generations', { model: 'gpt-image-2', input: { prompt: 'a seed' } }],
    crun: [
      '/api/v1/client/job/CreateTask',
      { model: 'openai/gpt-image-2', input: { prompt: 'a seed' } },
    ],
  }

  async function create(
    provider: (typeof ASYNC_PROVIDERS)[number],
    namespace: string,
    key = keyOf(provider),
  ) {
    const [path, body] = CREATES[provider]
    const res = await app.request(`/${provider}${path}`, {
      method: 'POST',
      headers: {
        ...headersFor(provider, key),
        'content-type': 'application/json',
        'x-emulator-namespace': namespace,
        // Seeds stay queued, so complete, fail and cancel have something to end.
        'x-emulator-timing': 'queue=3600000;run=0',
      },
      body: JSON.stringify(body),
    })
    const json: any = await res.json()
    const id: unknown = json.data?.taskId ?? json.data?.task_id ?? json.id ?? json.data?.id
    if (typeof id !== 'string') throw new Error(`seeding ${provider}: ${JSON.stringify(json)}`)
    return id
  }

  async function ensureSeeds(): Promise<void> {
    for (const provider of ASYNC_PROVIDERS) {
      const id = seeds.task.get(provider)
      if (id === undefined || !(await runtime.tasks.get(id)))
        seeds.task.set(provider, await create(provider, PROVIDER_NAMESPACES[0]))
    }
    if ((await runtime.tasks.get(seeds.cpTask))?.state !== 'queued')
      // A key of its own: the fuzzed PUT /keys may disable FUZZ_KEY or empty its credits in cp-1.
      seeds.cpTask = await create('aivideoapi', CONTROL_NAMESPACES[0], 'sk-fuzz-seed')
    if (!(await runtime.webhooks.list()).some((w) => w.id === seeds.webhook)) {
      const endpoint = await runtime.webhooks.add({
        namespace: CONTROL_NAMESPACES[1],
        provider: 'skills-video',
        url: DEAD_CALLBACK,
        events: null,
      })
      seeds.webhook = endpoint.id
    }
    if (!(await runtime.faults.list(CONTROL_NAMESPACES[1])).some((f) => f.id === seeds.fault)) {
      const rule = await runtime.faults.add(CONTROL_NAMESPACES[1], {
        match: { provider: 'gptproto' },
        plan: { error: 'rate_limit_exceeded' },
        probability: 1,
      })
      seeds.fault = rule.id
    }
  }

  /** Waits until no task is queued or running (seeds aside) and no delivery is pending. */
  async function settle(): Promise<void> {
    const seeded = new Set([...seeds.task.values(), seeds.cpTask])
    for (let i = 0; i < 2_000; i++) {
      const busy = (await runtime.tasks.list()).some(
        (t) => !seeded.has(t.id) && (t.state === 'queued' || t.state === 'running'),
      )
      if (!busy) break
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    await runtime.deliveries.idle()
  }

  // ------------------------------------------------------------ sending

  function resolvePath(c: FuzzCase): string {
    const own = seeds.task.get(c.provider) ?? seeds.task.get('aivideoapi')!
    const foreign =
      c.provider === 'emulator'
        ? seeds.task.get('crun')!
        : seeds.task.get(c.provider === 'aivideoapi' ? 'crun' : 'aivideoapi')!
    return c.path
      .replaceAll('{task:foreign}', foreign)
      .replaceAll('{task:cp}', seeds.cpTask)
      .replaceAll('{task}', own)
      .replaceAll('{webhook}', seeds.webhook)
      .replaceAll('{fault}', seeds.fault)
  }

  function headersOf(c: FuzzCase): Headers {
    const headers = new Headers()
    const key = keyOf(c.provider)
    if (c.provider !== 'emulator') {
      const sent =
        c.auth.kind === 'valid'
          ? headersFor(c.provider, key)
          : c.auth.kind === 'key'
            ? headersFor(c.provider, c.auth.key)
            : c.auth.headers
      for (const [name, value] of Object.entries(sent)) headers.set(name, value)
    }
    if (c.namespace !== null) headers.set('x-emulator-namespace', c.namespace)
    for (const [name, value] of c.steering) {
      const n = /^@error:(\d+)$/.exec(value)
      headers.append(name, n ? errorName(c.provider, Number(n[1])) : value)
    }
    return headers
  }

  /** The provider's catalogue entries below 500, the nth (a deliberate 5xx is no bug). */
  function errorName(provider: string, n: number): string {
    const mounted = runtime.providers.get(provider)
    if (!mounted) return 'no_such_entry'
    const catalogue = mounted.descriptor.errors(mounted.settings).catalogue
    const names = Object.keys(catalogue).filter((name) => catalogue[name]!.status < 500)
    return names[n % names.length] ?? 'no_such_entry'
  }

  function bodyOf(body: Body | null): { payload?: Payload; type?: string } {
    if (body === null) return {}
    switch (body.kind) {
      case 'json':
        return { payload: expandMarkers(JSON.stringify(body.value)), type: 'application/json' }
      case 'text':
        return { payload: body.text, type: 'application/json' }
      case 'deep': {
        const [open, close] = body.shape === 'obj' ? ['{"a":', '}'] : ['[', ']']
        return {
          payload: open.repeat(body.depth) + '1' + close.repeat(body.depth),
          type: 'application/json',
        }
      }
      case 'huge':
        return {
          payload: `{"prompt":"${'x'.repeat(body.length)}"}`,
          type: 'application/json',
        }
      case 'multipart': {
        const form = new FormData()
        for (const [name, value] of body.fields) form.append(name, ...formValue(value))
        return { payload: form }
      }
    }
  }

  function formValue(value: FormValue): [string | Blob, string?] {
    if (typeof value === 'string') return [value]
    const bytes =
      value.file === 'png' ? png : value.file === 'garbage' ? Buffer.from('not an image') : []
    return [new Blob([new Uint8Array(bytes)], { type: value.type }), value.name]
  }

  async function send(c: FuzzCase): Promise<{ res: Response; text: string; path: string }> {
    const path = resolvePath(c)
    const headers = headersOf(c)
    const { payload, type } = bodyOf(c.body)
    if (c.contentType === 'natural') {
      if (type) headers.set('content-type', type)
    } else if (c.contentType !== null) headers.set('content-type', c.contentType)
    else if (payload instanceof FormData) {
      // A form without its label: send the bytes as they are, unlabelled.
      const bytes = await new Response(payload).arrayBuffer()
      return sendRaw(path, c.method, headers, bytes)
    }
    return sendRaw(path, c.method, headers, payload)
  }

  async function sendRaw(
    path: string,
    method: string,
    headers: Headers,
    payload: Payload | undefined,
  ): Promise<{ res: Response; text: string; path: string }> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${ANSWER_WITHIN_MS} ms`)),
        ANSWER_WITHIN_MS,
      )
    })
    try {
      const answer = (async () => {
        const res = await app.request(path, { method, headers, body: payload ?? null })
        return { res, text: await res.text(), path }
      })()
      return await Promise.race([answer, timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  // ------------------------------------------------------------ state

  async function snapshot(c: FuzzCase): Promise<string> {
    const namespace = c.namespace ?? 'default'
    const accounts =
      c.provider === 'emulator'
        ? []
        : await Promise.all(
            [keyOf(c.provider), ...(c.auth.kind === 'key' ? [c.auth.key.trim()] : [])].map(
              async (apiKey) => {
                const a = await runtime.credits.account({ namespace, provider: c.provider, apiKey })
                return [apiKey.slice(0, 20), a.balance, a.consumed, a.purchased, a.entries.length]
              },
            ),
          )
    const namespaces = [...new Set([namespace, ...PROVIDER_NAMESPACES, ...CONTROL_NAMESPACES])]
    return JSON.stringify({
      tasks: (await runtime.tasks.list()).map((t) => `${t.id}:${t.namespace}:${t.state}`),
      accounts,
      keys: await Promise.all(
        namespaces.map(async (ns) => (await runtime.keys.list(ns)).map((k) => [k.ref, k.policy])),
      ),
      faults: await Promise.all(
        namespaces.map(async (ns) => (await runtime.faults.list(ns)).map((f) => [f.id, f.fired])),
      ),
      webhooks: (await runtime.webhooks.list()).map((w) => w.id),
      deliveries: (await runtime.deliveries.deliveries()).length,
      files: filesStored,
    })
  }

  // ------------------------------------------------------------ the property

  const stats: FuzzStats = { requests: 0, statuses: {}, refusals: 0 }

  async function checkEnvelope(c: FuzzCase, res: Response, text: string, path: string) {
    const emulatorOwn = (): void => {
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch (err) {
        throw new Error(`${res.status} refusal is not JSON: ${text.slice(0, 200)}`, { cause: err })
      }
      if (!emulatorEnvelope(body))
        throw new Error(`${res.status} is not the emulator envelope: ${text.slice(0, 300)}`)
    }
    // As the URL parser sees it: `%2e%2e` segments are dot segments.
    const resolved = new URL(path, 'http://fuzz').pathname
    const local = c.provider === 'emulator' ? resolved : resolved.slice(c.provider.length + 1)
    const steered = c.steering.length > 0 || c.namespace !== null
    // A bad X-Emulator-* header is refused on any route in the emulator's envelope (the emulator
    // spec's BadHeader).
    if (steered && res.status === 400 && text.includes('"emulator_error"')) {
      emulatorOwn()
      return
    }
    // An entry asked for by X-Emulator-Error is answered on any route, documented there or not:
    // its body must still be one of the provider's documented errors.
    if (c.steering.some(([name, value]) => name === 'x-emulator-error' && value.startsWith('@'))) {
      if (text.includes('"emulator_error"')) {
        emulatorOwn()
        return
      }
      if (anyDocumentedError(c.provider)(JSON.parse(text))) return
    }
    try {
      await specOf(c.provider).check(c.method, local, res, text)
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      if (!/has no operation/.test(message)) throw err
      // A route the spec does not document (a wrong method, an unknown path): a 4xx in the
      // emulator's envelope or in one of the provider's documented error bodies.
      if (text.includes('"emulator_error"')) {
        emulatorOwn()
        return
      }
      if (!anyDocumentedError(c.provider)(JSON.parse(text)))
        throw new Error(
          `${res.status} on an undocumented route, in no documented envelope: ${text}`,
          { cause: err },
        )
    }
  }

  async function check(c: FuzzCase): Promise<void> {
    await ensureSeeds()
    await settle()
    const before = await snapshot(c)
    stats.requests++
    const { res, text, path } = await send(c)
    const status = res.status
    stats.statuses[status] = (stats.statuses[status] ?? 0) + 1
    if (status >= 500) throw new Error(`${status} answer: ${text.slice(0, 300)}`)
    let refusal = status >= 400
    if (c.provider === 'crun' && status === 200) {
      const code = (JSON.parse(text) as { code?: unknown }).code
      refusal = code !== 200
    }
    if (refusal) {
      stats.refusals++
      await checkEnvelope(c, res, text, path)
      await settle()
      const after = await snapshot(c)
      if (after !== before)
        throw new Error(`the ${status} refusal changed state:\n${diff(before, after)}`)
    }
    if (unhandled.length > 0) throw new Error(`unhandled rejection: ${String(unhandled[0])}`)
    if (stats.requests % 250 === 0) {
      const health = await app.request('/__emulator/health')
      if (health.status !== 200) throw new Error(`health check answered ${health.status}`)
    }
  }

  return {
    runtime,
    stats,
    check,
    close() {
      process.off('unhandledRejection', onUnhandled)
      runtime.close()
    },
  }
}

/** The suite's arbitrary, KNOWN cases left out. */
export const checkedCase: fc.Arbitrary<FuzzCase> = fuzzCase.filter(
  (c) => !KNOWN.some((k) => k.matches(c)),
)

/** Runs `runs` cases from `seed`; resolves with the stats, rejects with fast-check's report. */
export async function runFuzz(options: { seed: number; runs: number }): Promise<FuzzStats> {
  const fuzzer = await createFuzzer()
  // Sharp's work and app.request() hold no handle: keep the loop alive for a script's run.
  const keepAlive = setInterval(() => undefined, 1_000)
  try {
    await fc.assert(
      fc.asyncProperty(checkedCase, (c) => fuzzer.check(c)),
      { seed: options.seed, numRuns: options.runs, endOnFailure: false },
    )
    return fuzzer.stats
  } finally {
    clearInterval(keepAlive)
    fuzzer.close()
  }
}

/** Expands the JSON value markers of arbitraries.ts. */
function expandMarkers(text: string): string {
  return text
    .replace(/"\\u0000HUGE:(\d+)"/g, (_, n: string) => `"${'x'.repeat(Number(n))}"`)
    .replace(/"\\u0000DEEP:(\d+):(obj|arr)"/g, (_, n: string, shape: string) => {
      const [open, close] = shape === 'obj' ? ['{"a":', '}'] : ['[', ']']
      return open.repeat(Number(n)) + '1' + close.repeat(Number(n))
    })
}

function diff(before: string, after: string): string {
  const a = JSON.parse(before) as Record<string, unknown>
  const b = JSON.parse(after) as Record<string, unknown>
  return Object.keys(a)
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map(
      (k) =>
        `  ${k}: ${JSON.stringify(a[k]).slice(0, 400)} -> ${JSON.stringify(b[k]).slice(0, 400)}`,
    )
    .join('\n')
}

/** Whether a body is valid against any 4xx JSON response the provider's spec documents. */
function compileDocumentedErrors(id: string): (body: unknown) => boolean {
  const doc = parseYaml(readFileSync(specPath(id), 'utf8')) as {
    paths: Record<string, Record<string, { responses?: Record<string, { $ref?: string }> }>>
  }
  const ajv = new Ajv2020({ strict: false })
  ajv.addSchema(doc, id)
  const pointers = new Set<string>()
  const escape = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1')
  for (const [template, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods))
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (!status.startsWith('4')) continue
        const at = response.$ref
          ? response.$ref.slice(1)
          : `/paths/${escape(template)}/${method}/responses/${status}`
        pointers.add(`${at}/content/application~1json/schema`)
      }
  const validators = [...pointers].flatMap((pointer) => {
    try {
      return [ajv.compile({ $ref: `${id}#${pointer}` })]
    } catch {
      return [] // a response without a JSON body
    }
  })
  return (body) => validators.some((validate) => validate(body))
}

function compileEmulatorEnvelope() {
  const doc = parseYaml(readFileSync(specPath('emulator'), 'utf8')) as object
  const ajv = new Ajv2020({ strict: false })
  ajv.addSchema(doc, 'emulator')
  return ajv.compile({ $ref: 'emulator#/components/schemas/EmulatorError' })
}
