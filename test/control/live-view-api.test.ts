// Proves what the dashboard reads: `GET /` leads to it, the journal names the fault that fired,
// namespaces holding state are listed, changes stream as server-sent events, a finished
// delivery can be sent again, and the admin token is accepted as HTTP Basic's password.
import { afterEach, describe, expect, it } from 'vitest'
import { useEmulator, jsonRequest } from '../support/emulator.js'
import { createSpecValidator } from '../support/spec-validator.js'
import { pollUntil } from '../support/poll.js'
import { startReceiver, type Receiver } from '../support/receiver.js'

const server = useEmulator({
  timing: 'instant',
  callbacks: { maxAttempts: 3, backoffMs: 20, timeoutMs: 300 },
})
const spec = createSpecValidator('emulator', '')

let receiver: Receiver | undefined
afterEach(async () => {
  await receiver?.close()
  receiver = undefined
})

const ns = (name: string) => ({ 'x-emulator-namespace': name })

/** A gptproto generation in the namespace, with extra headers. */
const generate = (namespace: string, extra: Record<string, string> = {}) =>
  fetch(
    `${server.url}/gptproto/v1/images/generations`,
    jsonRequest(
      { model: 'gpt-image-2', prompt: 'a lighthouse', size: '1024x1024' },
      { authorization: 'sk-live-view', ...ns(namespace), ...extra },
    ),
  )

/** A control-plane call, checked against the emulator's spec. */
async function control(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
) {
  const response = await fetch(
    `${server.url}/__emulator${path}`,
    body === undefined ? { method, headers } : { ...jsonRequest(body, headers), method },
  )
  const text = await response.text()
  await spec.check(method, `/__emulator${path}`, response, text)
  return { status: response.status, json: text === '' ? null : JSON.parse(text) }
}

describe('the way in', () => {
  it('redirects the root to the dashboard', async () => {
    const response = await fetch(`${server.url}/`, { redirect: 'manual' })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/__emulator/ui')
  })
})

describe('the journal', () => {
  it('names the namespace and the fault that fired: a rule by id, a header as such', async () => {
    const h = ns('journal-faults')
    const rule = await control('POST', '/faults', h, {
      match: { provider: 'gptproto' },
      error: 'rate_limit_exceeded',
      times: 1,
    })
    expect(rule.status).toBe(201)
    expect((await generate('journal-faults')).status).toBe(429)
    expect((await generate('journal-faults', { 'x-emulator-latency': '5' })).status).toBe(200)
    expect((await generate('journal-faults')).status).toBe(200)

    const { json } = await control('GET', '/journal', h)
    expect(json.entries.map((e: any) => [e.namespace, e.status, e.fault])).toEqual([
      [
        'journal-faults',
        429,
        { rule_ids: [rule.json.id], header: false, action: 'error rate_limit_exceeded' },
      ],
      ['journal-faults', 200, { rule_ids: [], header: true, action: 'latency 5 ms' }],
      ['journal-faults', 200, null],
    ])
  })
})

describe('namespaces', () => {
  it('lists the namespaces holding state, default always, and forgets one reset', async () => {
    await generate('ns-listed')
    const listed = await control('GET', '/namespaces', {})
    expect(listed.json.namespaces).toEqual(
      expect.arrayContaining([{ name: 'default' }, { name: 'ns-listed' }]),
    )
    await control('POST', '/reset', {}, { namespace: 'ns-listed' })
    const after = await control('GET', '/namespaces', {})
    expect(after.json.namespaces).not.toContainEqual({ name: 'ns-listed' })
    expect(after.json.namespaces).toContainEqual({ name: 'default' })
  })
})

/** Reads `change` events from `/__emulator/events` until `until` holds of what arrived. */
async function readChanges(
  action: () => Promise<unknown>,
  until: (changes: { topic: string; namespace: string | null }[]) => boolean,
) {
  const abort = new AbortController()
  const response = await fetch(`${server.url}/__emulator/events`, { signal: abort.signal })
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  const changes: { topic: string; namespace: string | null }[] = []
  let text = ''
  // The first comment says the stream is live: nothing is missed after it.
  while (!text.includes(': connected')) text += (await reader.read()).value ?? ''
  await action()
  const timeout = setTimeout(() => abort.abort(), 3000)
  try {
    while (!until(changes)) {
      const { value, done } = await reader.read()
      if (done) break
      text += value
      for (const match of text.matchAll(/event: change\ndata: (.+)\n/g))
        changes.push(JSON.parse(match[1]!) as (typeof changes)[number])
      text = text.slice(text.lastIndexOf('\n\n') + 2)
    }
  } finally {
    clearTimeout(timeout)
    abort.abort()
  }
  return changes
}

describe('the event stream', () => {
  it('tells of a provider request: its journal, and the keys and rules it may have touched', async () => {
    const changes = await readChanges(
      () => generate('events-a'),
      (seen) => ['journal', 'keys', 'faults'].every((t) => seen.some((c) => c.topic === t)),
    )
    expect(changes).toEqual(
      expect.arrayContaining([
        { topic: 'namespaces', namespace: 'events-a' },
        { topic: 'journal', namespace: 'events-a' },
        { topic: 'keys', namespace: 'events-a' },
        { topic: 'faults', namespace: 'events-a' },
      ]),
    )
  })

  it('coalesces a burst of one topic into far fewer events', async () => {
    const changes = await readChanges(
      () => Promise.all(Array.from({ length: 20 }, () => generate('events-burst'))),
      (seen) => seen.some((c) => c.topic === 'journal'),
    )
    expect(changes.filter((c) => c.topic === 'journal').length).toBeLessThan(20)
  })

  it('tells of a control-plane write, and of a full reset as every namespace', async () => {
    const fault = await readChanges(
      () =>
        control('POST', '/faults', ns('events-b'), {
          match: { provider: 'gptproto' },
          error: 'rate_limit_exceeded',
        }),
      (seen) => seen.some((c) => c.topic === 'faults'),
    )
    expect(fault).toContainEqual({ topic: 'faults', namespace: 'events-b' })
    const reset = await readChanges(
      () => control('POST', '/reset', {}),
      (seen) => seen.some((c) => c.topic === 'tasks' && c.namespace === null),
    )
    expect(reset).toContainEqual({ topic: 'journal', namespace: null })
  })
})

describe('redelivery', () => {
  it('sends a finished delivery once more, as one more attempt of it', async () => {
    receiver = await startReceiver()
    const h = ns('redeliver')
    const created = await fetch(
      `${server.url}/aivideoapi/v1/images/generations`,
      jsonRequest(
        { model: 'gpt-image-2', input: { prompt: 'call me twice' }, callback_url: receiver.url },
        { authorization: 'Bearer sk-redeliver', ...h, 'x-emulator-fault': 'callback-fail:1' },
      ),
    )
    expect(created.status).toBe(200)
    await receiver.waitFor(1)
    const [delivered] = (
      await pollUntil(
        () => control('GET', '/deliveries', h).then((r) => r.json.deliveries[0]),
        (d: any) => d?.status === 'delivered',
        { intervalMs: 10 },
      )
    ).slice(-1)
    expect(delivered.attempts.map((a: any) => a.outcome)).toEqual(['retrying', 'delivered'])

    const again = await control('POST', `/deliveries/${delivered.id}/redeliver`, h)
    expect(again.status).toBe(202)
    expect(again.json.delivery).toMatchObject({ id: delivered.id, status: 'pending' })
    const [, second] = await receiver.waitFor(2)
    expect(second!.body).toBe(receiver.received[0]!.body)
    const [after] = (
      await pollUntil(
        () => control('GET', '/deliveries', h).then((r) => r.json.deliveries[0]),
        (d: any) => d.status !== 'pending',
        { intervalMs: 10 },
      )
    ).slice(-1)
    expect(after.attempts.map((a: any) => [a.attempt, a.outcome])).toEqual([
      [1, 'retrying'],
      [2, 'delivered'],
      [3, 'delivered'],
    ])
  })

  it('answers an unknown delivery, or one of another namespace, with 404', async () => {
    const { status, json } = await control('POST', '/deliveries/dlv_nope/redeliver', ns('x'))
    expect(status).toBe(404)
    expect(json.emulator_error.code).toBe('not_found')
  })
})

describe('keys in the control plane', () => {
  it('are named cut short, in the key list and in fault rules alike', async () => {
    const h = ns('masked-keys')
    const put = await control('PUT', '/keys/gptproto/sk-very-secret-key', h, { credits: 5 })
    expect(put.json.key).toBe('sk-ver…')
    const listed = await control('GET', '/keys', h)
    expect(JSON.stringify(listed.json)).not.toContain('sk-very-secret-key')
    await control('POST', '/faults', h, {
      match: { provider: 'gptproto', key: 'sk-very-secret-key' },
      error: 'rate_limit_exceeded',
    })
    const rules = await control('GET', '/faults', h)
    expect(rules.json.faults[0].match.key).toBe('sk-ver…')
  })
})

describe('the admin token in a browser', () => {
  const guarded = useEmulator({ adminToken: 'browser-secret' })
  const basic = (user: string, password: string) =>
    `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

  it('asks with a Basic challenge, and takes the token as any user name’s password', async () => {
    const refused = await fetch(`${guarded.url}/__emulator/ui`)
    expect(refused.status).toBe(401)
    expect(refused.headers.get('www-authenticate')).toMatch(/Basic realm="gpt-image-emulator"/)
    const wrong = await fetch(`${guarded.url}/__emulator/journal`, {
      headers: { authorization: basic('admin', 'browser-secret-2') },
    })
    expect(wrong.status).toBe(401)
    const right = await fetch(`${guarded.url}/__emulator/journal`, {
      headers: { authorization: basic('anyone', 'browser-secret') },
    })
    expect(right.status).toBe(200)
  })
})
