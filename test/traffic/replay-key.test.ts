// Replay ignores the key by default (a run with new keys replays old cassettes); matching on
// its first characters is opt-in (`replayMatchKey: 'prefix'`). A call without a key still
// never matches one recorded with a key.
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../src/server.js'
import { replayKeyOf } from '../../src/traffic/identity.js'
import { pollUntil } from '../support/poll.js'

const cassettes = mkdtempSync(join(tmpdir(), 'replay-key-'))
const request = { model: 'gpt-image-2', prompt: 'a lighthouse', size: '1024x1024' }

const generate = (url: string, key?: string) =>
  fetch(`${url}/gptproto/v1/images/generations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key && { authorization: key }) },
    body: JSON.stringify(request),
  })

beforeAll(async () => {
  const upstream = await startServer({ port: 0, providers: ['gptproto'], seed: 'upstream' })
  const recorder = await startServer({
    port: 0,
    mode: 'record',
    cassettes,
    providers: ['gptproto'],
    upstreams: { gptproto: `${upstream.url}/gptproto` },
  })
  expect((await generate(recorder.url, 'sk-recorded-key-1')).status).toBe(200)
  await pollUntil(() => Promise.resolve(existsSync(join(cassettes, 'gptproto.har'))), Boolean)
  await recorder.close()
  await upstream.close()
})

async function replayer(matchKey?: 'prefix') {
  return startServer({
    port: 0,
    mode: 'replay',
    cassettes,
    providers: ['gptproto'],
    ...(matchKey && { replayMatchKey: matchKey }),
  })
}

describe('replay matching', () => {
  it('matches a recording made with another key, of another form', async () => {
    const replay = await replayer()
    try {
      const response = await generate(replay.url, 'a-new-key-2')
      expect(response.status).toBe(200)
      expect(await response.json()).toMatchObject({ data: [{ b64_json: expect.any(String) }] })
    } finally {
      await replay.close()
    }
  })

  it('tells a call without a key from one with a key', async () => {
    const replay = await replayer()
    try {
      const response = await generate(replay.url)
      expect(response.status).toBe(404)
      expect(await response.json()).toMatchObject({ emulator_error: { code: 'no_recording' } })
    } finally {
      await replay.close()
    }
  })

  it("matches the key's first characters only when asked", async () => {
    const replay = await replayer('prefix')
    try {
      expect((await generate(replay.url, 'a-new-key-2')).status).toBe(404)
      expect((await generate(replay.url, 'sk-another-key-3')).status).toBe(200)
    } finally {
      await replay.close()
    }
  })

  it('drops the key part of the auth shape, keeping the scheme', () => {
    const canonical = JSON.stringify(['POST', '/x', [], { auth: 'bearer:sk-', body: null }])
    expect(replayKeyOf(canonical, 'ignore')).toBe(
      JSON.stringify(['POST', '/x', [], { auth: 'bearer', body: null }]),
    )
    expect(replayKeyOf(canonical, 'prefix')).toBe(canonical)
  })
})
