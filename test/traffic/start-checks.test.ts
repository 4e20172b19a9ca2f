// Record and replay check, before listening, that they can do what was asked, and say per
// provider what happens to its requests.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { startServer } from '../../src/server.js'
import { startBanner } from '../../src/cli/banner.js'

const dir = () => mkdtempSync(join(tmpdir(), 'start-checks-'))

describe('record mode at start', () => {
  it('refuses a provider mounted by default that has no upstream (OceanBase)', async () => {
    await expect(startServer({ port: 0, mode: 'record', cassettes: dir() })).rejects.toMatchObject({
      message: 'record mode: no upstream for oceanbase (its base URL is per account)',
      hint: expect.stringContaining('--upstream oceanbase=<url>') as unknown,
    })
  })

  it('starts when --providers names the set, and says which record and which are emulated', async () => {
    const emulator = await startServer({
      port: 0,
      mode: 'record',
      cassettes: dir(),
      providers: ['aivideoapi', 'oceanbase', 'skills-video'],
      upstreams: { aivideoapi: 'http://127.0.0.1:9/aivideoapi' },
    })
    onTestFinished(() => emulator.close())
    const { out } = startBanner(emulator)
    const line = (id: string) => out.find((l) => l.startsWith(`  ${id} `))
    expect(line('aivideoapi')).toMatch(/records to http:\/\/127\.0\.0\.1:9\/aivideoapi$/)
    expect(line('oceanbase')).toMatch(/emulated: no upstream$/)
    expect(line('skills-video')).toMatch(/records to https:\/\/open\.skills\.video$/)
    // skills.video's webhooks are set in its dashboard: the capture URL to set there is printed.
    const capture = emulator.traffic?.webhookCaptures['skills-video']
    expect(capture).toMatch(/^\/__emulator\/capture\/[0-9a-f]{48}$/)
    expect(out).toContain(`    ${emulator.url}${capture!}`)
  })
})

describe('replay mode at start', () => {
  it('stops with "no cassettes in <dir>: record first" for a missing or empty folder', async () => {
    for (const cassettes of [join(dir(), 'absent'), dir()])
      await expect(startServer({ port: 0, mode: 'replay', cassettes })).rejects.toThrow(
        `no cassettes in ${cassettes}: record first`,
      )
  })

  it('says how many recordings each provider has', async () => {
    const cassettes = dir()
    writeFileSync(join(cassettes, 'crun.har'), JSON.stringify({ log: { entries: [] } }))
    const emulator = await startServer({
      port: 0,
      mode: 'replay',
      cassettes,
      providers: ['crun', 'gptproto'],
    })
    onTestFinished(() => emulator.close())
    const { out } = startBanner(emulator)
    expect(out.find((l) => l.startsWith('  gptproto '))).toMatch(/no recordings: answers 404$/)
  })
})
