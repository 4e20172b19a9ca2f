/** The control plane and /files against specs/emulator.openapi.yaml, every response covered. */
import { describe, expect, it } from 'vitest'
import { useEmulator, jsonRequest } from '../support/emulator.js'
import { PROVIDER_IDS } from '../../src/providers/index.js'
import { createSpecValidator } from '../support/spec-validator.js'
import { startReceiver } from '../support/receiver.js'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Hono } from 'hono'
import { createAssetRoutes } from '../../src/ui-assets.js'
import { answerError } from '../../src/core/errors/answer-error.js'

const server = useEmulator()
const guarded = useEmulator({ adminToken: 'admin-token-for-the-spec-test' })
/** Keeps no delivery body, so none can be sent again. */
const forgetful = useEmulator({ callbacks: { redeliverBytes: 0 } })
const spec = createSpecValidator('emulator')

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const init = body === undefined ? { method, headers } : { ...jsonRequest(body, headers), method }
  const response = await fetch(server.url + path, init)
  const text = await response.text()
  await spec.check(method, path, response, text)
  return {
    status: response.status,
    json: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
  }
}

describe('control plane', () => {
  it('reports health with every mounted provider', async () => {
    const { status, json } = await call('GET', '/__emulator/health')
    expect(status).toBe(200)
    expect(json.providers.map((p: { id: string }) => p.id)).toEqual(PROVIDER_IDS)
    expect(PROVIDER_IDS).toContain('openai')
  })

  it('says where its state lives, and is not ready while its state store is unreachable', async () => {
    expect((await call('GET', '/__emulator/health')).json.state).toEqual({ store: 'memory' })
    // As a replica whose Redis has gone away sees it (the two-replica tests take Redis away).
    const { runtime } = server.emulator
    const available = runtime.storeAvailable
    runtime.storeAvailable = () => false
    try {
      const { status, json } = await call('GET', '/__emulator/health')
      expect(status).toBe(503)
      expect(json.status).toBe('unavailable')
    } finally {
      runtime.storeAvailable = available
    }
  })

  it('lists the specs and serves each as YAML', async () => {
    const { json } = await call('GET', '/__emulator/specs')
    expect(json.specs.map((s: { id: string }) => s.id)).toContain('gptproto')
    const yaml = await call('GET', '/__emulator/specs/gptproto.openapi.yaml')
    expect(yaml.json).toMatch(/^openapi: 3\.1\.0/)
    const missing = await call('GET', '/__emulator/specs/nope.openapi.yaml')
    expect(missing.status).toBe(404)
    expect(missing.json.emulator_error.allowed).toContain('gptproto.openapi.yaml')
  })

  it('serves a browsable HTML reference of every spec', async () => {
    // More in docs.test.ts; here, every documented response of the docs routes.
    const index = await call('GET', '/__emulator/docs')
    expect(index.json).toContain('href="/__emulator/docs/aivideoapi"')
    const page = await call('GET', '/__emulator/docs/aivideoapi')
    expect(page.json).toContain('data-spec="/__emulator/docs/aivideoapi/spec.json"')
    const json = await call('GET', '/__emulator/docs/aivideoapi/spec.json')
    expect(json.json.servers[0].url).toBe(`${server.url}/aivideoapi`)
    expect((await call('GET', '/__emulator/docs/nope')).status).toBe(404)
    expect((await call('GET', '/__emulator/docs/nope/spec.json')).status).toBe(404)
  })

  it('serves generated files and answers 404 for unknown ones', async () => {
    const generated = await fetch(
      `${server.url}/oceanbase/api/v1/images/generations`,
      jsonRequest(
        { model: 'gpt-image-2', prompt: 'file', size: '1024x1024', n: 1 },
        { authorization: 'Bearer k' },
      ),
    )
    const url = new URL(((await generated.json()) as any).data[0].url)
    expect((await call('GET', url.pathname)).status).toBe(200)
    expect((await call('GET', '/files/00000000000000000000000000000000.png')).status).toBe(404)
  })

  it('adds, lists and removes webhook endpoints per namespace, generating a secret', async () => {
    const ns = { 'x-emulator-namespace': 'webhooks-a' }
    const added = await call(
      'POST',
      '/__emulator/webhooks',
      { url: 'http://127.0.0.1:9/hook', events: ['task.completed'] },
      ns,
    )
    expect(added.status).toBe(201)
    expect(added.json).toMatchObject({
      provider: 'skills-video',
      url: 'http://127.0.0.1:9/hook',
      events: ['task.completed'],
      secret: expect.stringMatching(/^whsec_/),
    })
    expect((await call('GET', '/__emulator/webhooks', undefined, ns)).json.endpoints).toHaveLength(
      1,
    )
    expect(
      (
        await call('GET', '/__emulator/webhooks', undefined, {
          'x-emulator-namespace': 'webhooks-b',
        })
      ).json.endpoints,
    ).toHaveLength(0)
    expect(
      (await call('DELETE', `/__emulator/webhooks/${added.json.id}`, undefined, ns)).status,
    ).toBe(204)
    expect(
      (await call('DELETE', `/__emulator/webhooks/${added.json.id}`, undefined, ns)).status,
    ).toBe(404)
  })

  it('refuses a webhook endpoint at a cloud-metadata address, as for a callback_url', async () => {
    const refused = await call('POST', '/__emulator/webhooks', {
      url: 'http://169.254.169.254/latest/meta-data',
    })
    expect(refused.status).toBe(422)
    expect(refused.json.emulator_error).toMatchObject({ code: 'invalid_field', field: 'url' })
    const listed = await call('GET', '/__emulator/webhooks')
    expect(listed.json.endpoints).toEqual([])
  })

  it('refuses a bad endpoint naming the field and its allowed values', async () => {
    const badEvent = await call('POST', '/__emulator/webhooks', {
      url: 'http://127.0.0.1:9/hook',
      events: ['task.exploded'],
    })
    expect(badEvent.status).toBe(422)
    expect(badEvent.json.emulator_error).toMatchObject({
      code: 'invalid_field',
      field: 'events.0',
      allowed: expect.arrayContaining(['task.completed']),
    })
    expect(
      (await call('POST', '/__emulator/webhooks', { url: 'not a url' })).json.emulator_error.field,
    ).toBe('url')
    expect((await call('POST', '/__emulator/webhooks', '{oops')).status).toBe(400)
  })

  it('lists deliveries of the namespace', async () => {
    const receiver = await startReceiver()
    try {
      // One callback in each of two namespaces: each must list its own and only its own.
      const taskIn = async (namespace: string) => {
        const response = await fetch(
          `${server.url}/aivideoapi/v1/images/generations`,
          jsonRequest(
            { model: 'gpt-image-2', input: { prompt: namespace }, callback_url: receiver.url },
            {
              'x-emulator-namespace': namespace,
              authorization: 'Bearer sk-k',
              'x-emulator-timing': 'queue=0;run=0',
            },
          ),
        )
        return ((await response.json()) as any).data.taskId as string
      }
      const a = await taskIn('deliveries-a')
      const b = await taskIn('deliveries-b')
      await receiver.waitFor(2)
      await server.emulator.runtime.deliveries.idle()
      const list = async (namespace: string) => {
        const { status, json } = await call(
          'GET',
          '/__emulator/deliveries?provider=aivideoapi',
          undefined,
          { 'x-emulator-namespace': namespace },
        )
        expect(status).toBe(200)
        return json.deliveries.map((d: { task_id: string; status: string }) => [
          d.task_id,
          d.status,
        ])
      }
      expect(await list('deliveries-a')).toEqual([[a, 'delivered']])
      expect(await list('deliveries-b')).toEqual([[b, 'delivered']])
      expect(await list('empty')).toEqual([])
    } finally {
      await receiver.close()
    }
  })

  it('answers an unknown route outside the providers in its own envelope', async () => {
    const response = await fetch(`${server.url}/nope`)
    expect(response.status).toBe(404)
    expect(((await response.json()) as any).emulator_error.code).toBe('not_found')
  })

  it('journals provider requests with secrets masked and bodies summarized', async () => {
    const ns = { 'x-emulator-namespace': 'journal-a' }
    await fetch(
      `${server.url}/gptproto/v1/images/generations`,
      jsonRequest(
        { model: 'gpt-image-2', prompt: 'p'.repeat(300), size: '1024x1024' },
        { ...ns, authorization: 'Bearer sk-secret-key-123' },
      ),
    )
    await fetch(
      `${server.url}/oceanbase/api/v1/images/generations`,
      jsonRequest({}, { ...ns, authorization: 'Bearer ob-key-456' }),
    )
    const { json } = await call('GET', '/__emulator/journal?provider=gptproto', undefined, ns)
    expect(json.entries).toHaveLength(1)
    const [entry] = json.entries
    expect(entry).toMatchObject({
      provider: 'gptproto',
      method: 'POST',
      path: '/v1/images/generations',
      status: 200,
      id: expect.stringMatching(/^req_/),
    })
    expect(entry.headers.authorization).toBe('Bearer sk-sec…')
    expect(entry.body.prompt).toMatch(/… \(300 chars\)$/)
    expect(
      (await call('GET', '/__emulator/journal?path=/api/v1&limit=1', undefined, ns)).json.entries[0]
        .status,
    ).toBe(400)
    expect(
      (await call('GET', '/__emulator/journal', undefined, { 'x-emulator-namespace': 'journal-b' }))
        .json.entries,
    ).toEqual([])
    expect((await call('GET', '/__emulator/journal?limit=0', undefined, ns)).status).toBe(400)
    expect((await call('DELETE', '/__emulator/journal', undefined, ns)).status).toBe(204)
    expect((await call('GET', '/__emulator/journal', undefined, ns)).json.entries).toEqual([])
  })

  it('lists, inspects, completes, fails and cancels tasks', async () => {
    const ns = { 'x-emulator-namespace': 'tasks-a' }
    const create = async () => {
      const response = await fetch(
        `${server.url}/aivideoapi/v1/images/generations`,
        jsonRequest(
          { model: 'gpt-image-2', input: { prompt: 'control' } },
          { ...ns, authorization: 'Bearer sk-k', 'x-emulator-timing': 'realistic' },
        ),
      )
      return ((await response.json()) as any).data.taskId as string
    }
    const [a, b, c] = [await create(), await create(), await create()]
    const listed = await call(
      'GET',
      '/__emulator/tasks?provider=aivideoapi&state=queued',
      undefined,
      ns,
    )
    expect(listed.json.tasks.map((t: { id: string }) => t.id)).toEqual([a, b, c])
    expect((await call('GET', `/__emulator/tasks/${a}`, undefined, ns)).json).toMatchObject({
      id: a,
      state: 'queued',
      prompt: 'control',
      charge: 4.7,
    })

    const completed = await call('POST', `/__emulator/tasks/${a}/complete`, undefined, ns)
    expect(completed.json).toMatchObject({
      state: 'succeeded',
      images: [{ width: 1024, height: 1024, format: 'png' }],
    })
    const failed = await call('POST', `/__emulator/tasks/${b}/fail`, { message: 'boom' }, ns)
    expect(failed.json).toMatchObject({
      state: 'failed',
      failure: { code: 'upstream_error', message: 'boom' },
    })
    const canceled = await call('POST', `/__emulator/tasks/${c}/cancel`, undefined, ns)
    expect(canceled.json.state).toBe('canceled')
    const poll = await fetch(`${server.url}/aivideoapi/v1/tasks/${b}`, {
      headers: { ...ns, authorization: 'Bearer sk-k' },
    })
    expect(((await poll.json()) as any).error).toEqual({ code: 'upstream_error', message: 'boom' })

    expect((await call('GET', '/__emulator/tasks/nope', undefined, ns)).status).toBe(404)
    expect(
      (
        await call('GET', `/__emulator/tasks/${a}`, undefined, {
          'x-emulator-namespace': 'tasks-b',
        })
      ).status,
    ).toBe(404)
    expect((await call('POST', '/__emulator/tasks/nope/complete', undefined, ns)).status).toBe(404)
    expect((await call('POST', '/__emulator/tasks/nope/cancel', undefined, ns)).status).toBe(404)
    expect((await call('POST', '/__emulator/tasks/nope/fail', {}, ns)).status).toBe(404)
    expect((await call('POST', `/__emulator/tasks/${a}/fail`, { code: 7 }, ns)).status).toBe(422)
    expect((await call('POST', `/__emulator/tasks/${a}/fail`, '{', ns)).status).toBe(400)
    const badState = await call('GET', '/__emulator/tasks?state=done', undefined, ns)
    expect(badState.json.emulator_error).toMatchObject({
      field: 'state',
      allowed: expect.arrayContaining(['queued']),
    })
  })

  it('sets and shows a key: credits, disabled, allowlist, spend and rate limits', async () => {
    const ns = { 'x-emulator-namespace': 'keys-a' }
    const put = await call(
      'PUT',
      '/__emulator/keys/aivideoapi/sk-control',
      {
        credits: { subscription: 10, permanent: 5 },
        disabled: true,
        ip_allowlist: ['10.0.0.0/8', '::1'],
        spend_limits: { hourly: 3 },
        rate_limit: { capacity: 2, refill_per_second: 0.5 },
      },
      ns,
    )
    expect(put.json).toEqual({
      provider: 'aivideoapi',
      key: 'sk-con…',
      namespace: 'keys-a',
      disabled: true,
      ip_allowlist: ['10.0.0.0/8', '::1'],
      spend_limits: { hourly: 3 },
      rate_limit: { capacity: 2, refill_per_second: 0.5 },
      credits: { balance: 15, subscription: 10, permanent: 5, purchased: 1000, consumed: 0 },
    })
    expect((await call('GET', '/__emulator/keys', undefined, ns)).json.keys).toHaveLength(1)
    expect(
      (await call('GET', '/__emulator/keys/gptproto/sk-untouched', undefined, ns)).json,
    ).toMatchObject({ disabled: false, ip_allowlist: null })
    const bad = await call(
      'PUT',
      '/__emulator/keys/aivideoapi/sk-control',
      { ip_allowlist: ['not-an-ip'] },
      ns,
    )
    expect(bad.json.emulator_error).toMatchObject({
      code: 'invalid_field',
      field: 'ip_allowlist.0',
    })
    expect((await call('PUT', '/__emulator/keys/nope/sk', {}, ns)).status).toBe(404)
    expect((await call('GET', '/__emulator/keys/nope/sk', undefined, ns)).status).toBe(404)
    expect((await call('PUT', '/__emulator/keys/crun/k', '{', ns)).status).toBe(400)
  })

  it('adds, lists and removes fault rules, refusing bad ones by field', async () => {
    const ns = { 'x-emulator-namespace': 'faults-a' }
    const added = await call(
      'POST',
      '/__emulator/faults',
      {
        match: { provider: 'gptproto' },
        error: 'rate_limit_exceeded',
        latency_ms: [10, 20],
        fault: 'callback-duplicate',
        probability: 0.5,
        times: 2,
      },
      ns,
    )
    expect(added.status).toBe(201)
    expect(added.json).toEqual({
      id: 'fault_1',
      match: { provider: 'gptproto' },
      plan: { error: 'rate_limit_exceeded', latency_ms: [10, 20], callback: { duplicate: true } },
      probability: 0.5,
      times: 2,
      matched: 0,
      fired: 0,
    })
    expect((await call('GET', '/__emulator/faults', undefined, ns)).json.faults).toHaveLength(1)
    const notInCatalogue = await call(
      'POST',
      '/__emulator/faults',
      { match: { provider: 'gptproto' }, error: 'teapot' },
      ns,
    )
    expect(notInCatalogue.json.emulator_error).toMatchObject({
      field: 'error',
      allowed: expect.arrayContaining(['rate_limit_exceeded']),
    })
    expect(
      (await call('POST', '/__emulator/faults', { error: 'rate_limit_exceeded' }, ns)).json
        .emulator_error.field,
    ).toBe('match.provider')
    expect(
      (await call('POST', '/__emulator/faults', { fault: 'explode' }, ns)).json.emulator_error,
    ).toMatchObject({ field: 'fault', allowed: expect.arrayContaining(['reset']) })
    expect((await call('POST', '/__emulator/faults', {}, ns)).status).toBe(422)
    expect((await call('POST', '/__emulator/faults', 'nope', ns)).status).toBe(400)
    expect((await call('DELETE', '/__emulator/faults/fault_1', undefined, ns)).status).toBe(204)
    expect((await call('DELETE', '/__emulator/faults/fault_1', undefined, ns)).status).toBe(404)
    expect((await call('DELETE', '/__emulator/faults', undefined, ns)).status).toBe(204)
  })

  it('resets one namespace or everything', async () => {
    const ns = (name: string) => ({ 'x-emulator-namespace': name })
    await call('PUT', '/__emulator/keys/gptproto/sk-1', { disabled: true }, ns('reset-a'))
    await call('PUT', '/__emulator/keys/gptproto/sk-1', { disabled: true }, ns('reset-b'))
    expect((await call('POST', '/__emulator/reset', { namespace: 'reset-a' })).json).toEqual({
      reset: 'reset-a',
    })
    expect((await call('GET', '/__emulator/keys', undefined, ns('reset-a'))).json.keys).toEqual([])
    expect(
      (await call('GET', '/__emulator/keys', undefined, ns('reset-b'))).json.keys,
    ).toHaveLength(1)
    expect((await call('POST', '/__emulator/reset', { namespace: 'bad ns!' })).status).toBe(422)
    expect((await call('POST', '/__emulator/reset', '{')).status).toBe(400)
    expect((await call('POST', '/__emulator/reset')).json).toEqual({ reset: 'all' })
    expect((await call('GET', '/__emulator/keys', undefined, ns('reset-b'))).json.keys).toEqual([])
  })

  it('refuses an unknown X-Emulator header on the control plane too', async () => {
    const response = await fetch(`${server.url}/__emulator/health`, {
      headers: { 'x-emulator-namspace': 'typo' },
    })
    expect(response.status).toBe(400)
  })

  it.each([
    ['POST', '/__emulator/reset'],
    ['POST', '/__emulator/tasks/no-such-task/fail'],
    ['PUT', '/__emulator/keys/gptproto/sk-big'],
    ['POST', '/__emulator/faults'],
    ['POST', '/__emulator/webhooks'],
  ])('refuses a body over the control-plane limit on %s %s with 413', async (method, path) => {
    const { status, json } = await call(method, path, { padding: 'x'.repeat(2 * 1024 * 1024) })
    expect(status).toBe(413)
    expect(json.emulator_error).toMatchObject({ message: expect.any(String) })
  })

  it('sends a finished delivery again; refuses a pending, an unknown and a forgotten one', async () => {
    let hang = true
    const receiver = await startReceiver(() => (hang ? 'hang' : 200))
    const redeliver = async (url: string, namespace: string) => {
      const created = await fetch(
        `${url}/aivideoapi/v1/images/generations`,
        jsonRequest(
          { model: 'gpt-image-2', input: { prompt: 'again' }, callback_url: receiver.url },
          { 'x-emulator-namespace': namespace, authorization: 'Bearer sk-k' },
        ),
      )
      expect(created.status).toBe(200)
      await receiver.waitFor(receiver.received.length + 1)
      const list = await fetch(`${url}/__emulator/deliveries`, {
        headers: { 'x-emulator-namespace': namespace },
      })
      const [delivery] = ((await list.json()) as any).deliveries
      const path = `/__emulator/deliveries/${delivery.id}/redeliver`
      const response = await fetch(url + path, {
        method: 'POST',
        headers: { 'x-emulator-namespace': namespace },
      })
      const text = await response.text()
      await spec.check('POST', path, response, text)
      return { status: response.status, json: JSON.parse(text), path }
    }
    try {
      const pending = await redeliver(server.url, 'redeliver-pending')
      expect(pending.status).toBe(409)
      hang = false
      const forgotten = await redeliver(forgetful.url, 'redeliver-forgotten')
      expect(forgotten.status).toBe(410)
      const sent = await redeliver(server.url, 'redeliver-sent')
      expect(sent.status).toBe(202)
      expect(sent.json.delivery.status).toBe('pending')
      const unknown = await call('POST', '/__emulator/deliveries/dlv_none/redeliver')
      expect(unknown.status).toBe(404)
    } finally {
      await receiver.close()
    }
  })

  it('serves the dashboard page, and its assets once built', async () => {
    const page = await call('GET', '/__emulator/ui')
    expect(page.status).toBe(200)
    expect(page.json).toContain('/__emulator/assets/dashboard.js')
    expect((await call('GET', '/__emulator/assets/dashboard.js.map')).status).toBe(404)
    // The asset routes over a folder with a build in it, and over one without.
    const dir = await mkdtemp(join(tmpdir(), 'assets-'))
    try {
      await writeFile(join(dir, 'dashboard.css'), 'body { margin: 0 }')
      const app = new Hono()
      app.route('/__emulator', createAssetRoutes(pathToFileURL(`${dir}/`)))
      app.onError(answerError)
      for (const [file, status] of [
        ['dashboard.css', 200],
        ['dashboard.js', 503],
      ] as const) {
        const path = `/__emulator/assets/${file}`
        const response = await app.request(path)
        await spec.check('GET', path, response, await response.text())
        expect(response.status, file).toBe(status)
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it("lists each provider's error catalogue, the names an 'error' rule takes", async () => {
    const { status, json } = await call('GET', '/__emulator/errors')
    expect(status).toBe(200)
    expect(json.providers.map((p: { id: string }) => p.id)).toEqual(PROVIDER_IDS)
    const gptproto = json.providers.find((p: { id: string }) => p.id === 'gptproto')
    expect(gptproto.errors).toContain('rate_limit_exceeded')
    // Every listed name is one a rule accepts.
    const rule = await call(
      'POST',
      '/__emulator/faults',
      { match: { provider: 'gptproto' }, error: gptproto.errors.at(-1) },
      { 'x-emulator-namespace': 'catalogue' },
    )
    expect(rule.status).toBe(201)
  })

  it('lists namespaces and streams changes', async () => {
    const { json } = await call('GET', '/__emulator/namespaces')
    expect(json.namespaces).toContainEqual({ name: 'default' })
    const abort = new AbortController()
    const response = await fetch(`${server.url}/__emulator/events`, { signal: abort.signal })
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    const first = (await reader.read()).value ?? ''
    abort.abort()
    await spec.check('GET', '/__emulator/events', response, first)
    expect(response.status).toBe(200)
    expect(first).toBe(': connected\n\n')
  })

  it.each([
    ['GET', '/__emulator/specs'],
    ['GET', '/__emulator/specs/emulator.openapi.yaml'],
    ['POST', '/__emulator/reset'],
    ['GET', '/__emulator/journal'],
    ['DELETE', '/__emulator/journal'],
    ['GET', '/__emulator/tasks'],
    ['GET', '/__emulator/tasks/t1'],
    ['POST', '/__emulator/tasks/t1/complete'],
    ['POST', '/__emulator/tasks/t1/fail'],
    ['POST', '/__emulator/tasks/t1/cancel'],
    ['GET', '/__emulator/keys'],
    ['GET', '/__emulator/keys/gptproto/sk-1'],
    ['PUT', '/__emulator/keys/gptproto/sk-1'],
    ['GET', '/__emulator/faults'],
    ['POST', '/__emulator/faults'],
    ['DELETE', '/__emulator/faults'],
    ['DELETE', '/__emulator/faults/fault_1'],
    ['GET', '/__emulator/webhooks'],
    ['POST', '/__emulator/webhooks'],
    ['DELETE', '/__emulator/webhooks/wh_1'],
    ['GET', '/__emulator/deliveries'],
    ['POST', '/__emulator/deliveries/d1/redeliver'],
    ['GET', '/__emulator/namespaces'],
    ['GET', '/__emulator/errors'],
    ['GET', '/__emulator/events'],
    ['GET', '/__emulator/ui'],
    ['GET', '/__emulator/assets/dashboard.js'],
    ['GET', '/__emulator/docs'],
    ['GET', '/__emulator/docs/emulator'],
    ['GET', '/__emulator/docs/emulator/spec.json'],
  ])('answers %s %s without the admin token with 401, when one is set', async (method, path) => {
    const response = await fetch(guarded.url + path, { method })
    const text = await response.text()
    await spec.check(method, path, response, text)
    expect(response.status).toBe(401)
    expect(JSON.parse(text)).toMatchObject({ emulator_error: { code: expect.any(String) } })
  })

  it('leaves health open when an admin token is set', async () => {
    expect((await fetch(`${guarded.url}/__emulator/health`)).status).toBe(200)
  })

  it('covers every response the spec documents', () => {
    expect(spec.unexercised()).toEqual([])
  })
})
