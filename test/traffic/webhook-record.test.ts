// skills.video's webhooks through record and replay: the upstream (emulator A, its dashboard
// pointed at the recorder's capture URL) sends its webhooks to the recorder, which records them
// and passes them on to the application's endpoint; replay sends them again, signed with the
// endpoint's own secret, after the create that named their generation.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Webhook } from 'standardwebhooks'
import { afterEach, describe, expect, it } from 'vitest'
import { startServer, type RunningEmulator } from '../../src/server.js'
import { startReceiver, type Received, type Receiver } from '../support/receiver.js'
import { pollUntil } from '../support/poll.js'
import type { HarEntry } from '../../src/traffic/cassette.js'

const CREATE = '/skills-video/api/v1/generation/openai/gpt-image-2'
const secret = (fill: string) => `whsec_${Buffer.from(fill.repeat(24)).toString('base64')}`

let closers: (() => Promise<void>)[] = []
afterEach(async () => {
  // Some are closed by the test already: a second close is no failure.
  for (const close of closers.reverse()) await close().catch(() => undefined)
  closers = []
})
async function started<T extends RunningEmulator | Receiver>(thing: Promise<T>): Promise<T> {
  const value = await thing
  closers.push(() => value.close())
  return value
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

const verified = (key: string, r: Received) =>
  new Webhook(key).verify(r.body, {
    'webhook-id': String(r.headers['webhook-id']),
    'webhook-timestamp': String(r.headers['webhook-timestamp']),
    'webhook-signature': String(r.headers['webhook-signature']),
  }) as { type: string; data: { id: string } }

const recordedWebhooks = (cassettes: string): HarEntry[] =>
  (
    JSON.parse(readFileSync(join(cassettes, 'skills-video.har'), 'utf8')) as {
      log: { entries: HarEntry[] }
    }
  ).log.entries.filter((e) => e._emulator.webhook)

describe('skills.video webhooks, recorded and replayed', () => {
  it(
    'records what reaches the capture URL and replays it to the endpoints registered here',
    {
      timeout: 30_000,
    },
    async () => {
      const cassettes = mkdtempSync(join(tmpdir(), 'webhook-record-'))
      const upstream = await started(
        startServer({ port: 0, providers: ['skills-video'], timing: 'instant', seed: 'upstream' }),
      )
      const recorder = await started(
        startServer({
          port: 0,
          mode: 'record',
          cassettes,
          providers: ['skills-video'],
          upstreams: { 'skills-video': `${upstream.url}/skills-video` },
        }),
      )
      const capture = recorder.traffic?.webhookCaptures['skills-video']
      expect(capture).toBeDefined()
      // The user sets the printed capture URL in the real dashboard; here, emulator A's.
      await post(`${upstream.url}/__emulator/webhooks`, { url: `${recorder.url}${capture!}` })
      const app = await started(startReceiver())
      await post(`${recorder.url}/__emulator/webhooks`, { url: app.url, secret: secret('a') })

      const created = (await (
        await post(`${recorder.url}${CREATE}`, { prompt: 'a cat' }, { authorization: 'Bearer k1' })
      ).json()) as { id: string }
      await pollUntil(
        () => Promise.resolve(app.received.map((r) => verified(secret('a'), r).type)),
        (types) => types.includes('task.completed'),
      )
      const sent = (await upstream.runtime.deliveries.deliveries()).length
      expect(app.received.map((r) => verified(secret('a'), r).type)).toEqual(
        expect.arrayContaining(['task.created', 'task.completed']),
      )
      const recorded = await pollUntil(
        () => Promise.resolve(recordedWebhooks(cassettes)),
        (entries) => entries.length === sent,
      ).then((seen) => seen.at(-1)!)
      expect(recorded.map((e) => e._emulator.taskId)).toEqual(recorded.map(() => created.id))
      expect(JSON.stringify(recorded)).not.toContain(capture!.split('/').at(-1))
      await recorder.close()
      await upstream.close()

      const replay = await started(
        startServer({ port: 0, mode: 'replay', cassettes, providers: ['skills-video'] }),
      )
      const replayApp = await started(startReceiver())
      await post(`${replay.url}/__emulator/webhooks`, { url: replayApp.url, secret: secret('b') })
      const replayed = (await (
        await post(`${replay.url}${CREATE}`, { prompt: 'a cat' }, { authorization: 'Bearer k2' })
      ).json()) as { id: string }
      expect(replayed.id).toBe(created.id)
      const events = (await replayApp.waitFor(sent)).map((r) => verified(secret('b'), r))
      expect(events.map((e) => e.type).sort()).toEqual(
        app.received.map((r) => verified(secret('a'), r).type).sort(),
      )
      expect(events.every((e) => e.data.id === created.id)).toBe(true)
      // Image URLs point at the replaying emulator, which serves the recorded bytes.
      const completed = replayApp.received.find((r) => r.body.includes('"task.completed"'))!
      const image = /"url":"([^"]+)"/.exec(completed.body)![1]!
      expect(image.startsWith(`${replay.url}/files/`)).toBe(true)
      expect((await fetch(image)).status).toBe(200)
    },
  )
})
