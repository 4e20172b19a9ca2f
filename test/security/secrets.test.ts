/**
 * Secrets are redacted by default, everywhere: every provider's auth style, keys and signed-URL
 * parameters in the query, secret-named JSON and multipart fields, and `token=` in callback URLs,
 * sent in emulate mode and through record and replay, appear nowhere the emulator writes or shows:
 * its request log (json and pretty), the journal, tasks, deliveries and every cassette file.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startServer, type RunningEmulator } from '../../src/server.js'
import type { EmulatorConfigInput } from '../../src/config.js'
import { PROVIDER_IDS, providers } from '../../src/providers/index.js'
import { startReceiver, type Receiver } from '../support/receiver.js'
import { solidImage } from '../support/images.js'

/** Every secret of a run starts with this, so one search finds any of them. */
const SECRET = `SECRET-${randomBytes(8).toString('hex')}`
const secret = (what: string) => `${SECRET}-${what}`

const QUERY = new URLSearchParams({
  key: secret('q-key'),
  api_key: secret('q-api-key'),
  'X-Amz-Signature': secret('q-amz-signature'),
  'X-Amz-Credential': secret('q-amz-credential'),
  sig: secret('q-sig'),
}).toString()

interface Call {
  path: string
  json?: Record<string, unknown>
  form?: () => Promise<FormData>
}

const secretFields = () => ({
  api_key: secret('body-api-key'),
  token: secret('body-token'),
  nested: { password: secret('body-password'), access_token: secret('body-access-token') },
})

async function uploadForm(fields: [string, string][]): Promise<FormData> {
  const form = new FormData()
  for (const [name, value] of fields) form.append(name, value)
  form.append('image', new Blob([new Uint8Array(await solidImage(16, 16))]), 'a.png')
  return form
}

const signedUrl = `https://bucket.example/a.png?X-Amz-Signature=${secret('url-signature')}`

/** The calls each provider gets: its own generation, one with secret fields, multipart if any. */
function callsOf(id: string, callbackUrl: string): Call[] {
  const openaiShaped = (path: string) => [
    { path, json: { model: 'gpt-image-2', prompt: 'a cat', size: '1024x1024' } },
    { path, json: { model: 'gpt-image-2', prompt: 'a cat', ...secretFields() } },
  ]
  const openaiEdits: Call = {
    path: '/v1/images/edits',
    form: () =>
      uploadForm([
        ['model', 'gpt-image-2'],
        ['prompt', 'a hat'],
        ['api_key', secret('form-api-key')],
        ['token', secret('form-token')],
      ]),
  }
  switch (id) {
    case 'skills-video': {
      const path = '/api/v1/generation/openai/gpt-image-2'
      return [
        { path, json: { prompt: 'a cat', aspect_ratio: '1:1', ...secretFields() } },
        {
          path,
          form: () =>
            uploadForm([
              ['prompt', 'merge'],
              ['image_urls', signedUrl],
              ['api_key', secret('form-api-key')],
            ]),
        },
      ]
    }
    case 'oceanbase':
      return openaiShaped('/api/v1/images/generations')
    case 'aivideoapi':
      return [
        {
          path: '/v1/images/generations',
          json: { model: 'gpt-image-2', input: { prompt: 'a cat' }, callback_url: callbackUrl },
        },
        {
          path: '/v1/images/generations',
          json: { model: 'gpt-image-2', input: { prompt: 'a cat' }, ...secretFields() },
        },
      ]
    case 'crun':
      return [
        {
          path: '/api/v1/client/job/CreateTask',
          json: {
            model: 'openai/gpt-image-2-stable',
            input: { prompt: 'a cat' },
            callback_url: callbackUrl,
          },
        },
        { path: '/api/v1/client/job/CreateTask', json: { model: 'x', ...secretFields() } },
      ]
    default:
      return [...openaiShaped('/v1/images/generations'), openaiEdits]
  }
}

/** Sends every provider's calls, each with its auth style and the secret query; the statuses. */
async function sendAll(url: string, receiver: Receiver): Promise<number[]> {
  const callbackUrl = `${receiver.url}/callback?token=${secret('callback-token')}`
  const statuses: number[] = []
  for (const provider of providers) {
    const auth = provider.keyScheme.send(`sk-${secret(`key-${provider.id}`)}`)
    for (const call of callsOf(provider.id, callbackUrl)) {
      const response = await fetch(`${url}/${provider.id}${call.path}?${QUERY}`, {
        method: 'POST',
        headers: {
          ...auth,
          ...(call.json && { 'content-type': 'application/json' }),
          'api-key': secret('api-key-header'),
          'x-emulator-timing': 'instant',
        },
        body: call.json ? JSON.stringify(call.json) : await call.form!(),
      })
      await response.arrayBuffer()
      statuses.push(response.status)
    }
  }
  // A key set through the control plane travels in the path.
  await fetch(`${url}/__emulator/keys/gptproto/${secret('control-key')}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ credits: 5 }),
  })
  return statuses
}

/** What the control plane shows, by view: journal, tasks and deliveries. */
async function shown(url: string): Promise<[string, string][]> {
  return Promise.all(
    ['journal', 'tasks', 'deliveries'].map(async (view) => {
      const text = await fetch(`${url}/__emulator/${view}`).then((r) => r.text())
      return [view, text] as [string, string]
    }),
  )
}

/** Each recorded request's canonical form and identity, which replay matches on. */
function harEntries(file: string): string[] {
  const har = JSON.parse(readFileSync(file, 'utf8')) as {
    log: { entries: { _emulator: { canonical?: string; identity?: string } }[] }
  }
  return har.log.entries.map((e) => `${e._emulator.canonical ?? ''} ${e._emulator.identity ?? ''}`)
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** Everything written to stdout while the test runs (the request log). */
function captureStdout(): () => string {
  let out = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()
    return true
  })
  return () => out
}

const running: (RunningEmulator | Receiver)[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  for (const thing of running.splice(0)) await thing.close()
})

async function start(config: EmulatorConfigInput): Promise<RunningEmulator> {
  const emulator = await startServer({ port: 0, host: '127.0.0.1', timing: 'instant', ...config })
  running.push(emulator)
  return emulator
}

async function receiver(): Promise<Receiver> {
  const started = await startReceiver()
  running.push(started)
  return started
}

/** Soft, so one run names every place a secret leaked, not just the first. */
const expectNoSecret = (where: string, text: string) => {
  const at = text.indexOf(SECRET)
  expect.soft(at, `${where}: …${text.slice(Math.max(0, at - 120), at + 60)}…`).toBe(-1)
}

const expectNoneShown = async (who: string, url: string) => {
  for (const [view, text] of await shown(url)) expectNoSecret(`${who} ${view}`, text)
}

describe('secrets are redacted everywhere', () => {
  it.each(['json', 'pretty'] as const)(
    'in emulate mode, logging %s',
    { timeout: 30_000 },
    async (log) => {
      const stdout = captureStdout()
      const callbacks = await receiver()
      const emulator = await start({ log })
      const statuses = await sendAll(emulator.url, callbacks)
      expect(statuses.filter((s) => s < 300).length).toBeGreaterThanOrEqual(PROVIDER_IDS.length)
      await callbacks.waitFor(2, 10_000)
      expect(callbacks.received.every((r) => r.path.includes(SECRET))).toBe(true)

      await expectNoneShown('emulator', emulator.url)
      expect(stdout()).toContain('/__emulator/keys/gptproto/')
      expectNoSecret('stdout', stdout())
    },
  )

  it(
    'through record and replay, and the replayed calls still match',
    { timeout: 60_000 },
    async () => {
      const stdout = captureStdout()
      const callbacks = await receiver()
      const cassettes = mkdtempSync(join(tmpdir(), 'secrets-cassettes-'))
      const upstream = await start({ log: 'off', seed: 'upstream' })
      const recorder = await start({
        log: 'json',
        mode: 'record',
        cassettes,
        upstreams: Object.fromEntries(PROVIDER_IDS.map((id) => [id, `${upstream.url}/${id}`])),
      })
      const recorded = await sendAll(recorder.url, callbacks)
      await callbacks.waitFor(2, 10_000)
      await new Promise((resolve) => setTimeout(resolve, 300)) // last cassette writes
      await expectNoneShown('upstream', upstream.url)
      await expectNoneShown('recorder', recorder.url)

      const replayer = await start({ log: 'pretty', mode: 'replay', cassettes })
      expect(await sendAll(replayer.url, callbacks)).toEqual(recorded)
      await callbacks.waitFor(4, 10_000)
      await expectNoneShown('replayer', replayer.url)

      const files = filesUnder(cassettes)
      expect(files.some((f) => f.endsWith('.har'))).toBe(true)
      for (const file of files) expectNoSecret(file, readFileSync(file).toString('latin1'))
      for (const file of files.filter((f) => f.endsWith('.har')))
        for (const entry of harEntries(file)) expectNoSecret(`${file} identity`, entry)
      expect(stdout()).not.toMatch(/\/__emulator\/capture\/[0-9a-f]{8,}/)
      expectNoSecret('stdout', stdout())
    },
  )
})
