// Proves the admin token: the control plane but health refuses callers without it, in the
// emulator's envelope; startEmulator's client sends it; providers are untouched.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, EmulatorControlError, type Emulator } from '../../src/index.js'

const TOKEN = 'admin-secret-1'
let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ adminToken: TOKEN })
})
afterAll(() => emulator.close())

describe('the admin token', () => {
  it.each([
    ['no header', undefined],
    ['another token', 'Bearer admin-secret-2'],
    ['a prefix of it', 'Bearer admin-secret'],
    ['the token without Bearer', TOKEN],
  ])('refuses %s with 401 in the emulator envelope', async (_, authorization) => {
    for (const path of ['/journal', '/tasks', '/deliveries', '/specs', '/docs']) {
      const response = await fetch(`${emulator.url}/__emulator${path}`, {
        headers: authorization ? { authorization } : {},
      })
      expect(response.status, path).toBe(401)
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/)
      expect(await response.json()).toMatchObject({
        emulator_error: { code: 'unauthorized', field: 'authorization' },
      })
    }
    const reset = await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' })
    expect(reset.status).toBe(401)
  })

  it('answers the right token, and health without one', async () => {
    const journal = await fetch(`${emulator.url}/__emulator/journal`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    })
    expect(journal.status).toBe(200)
    expect((await fetch(`${emulator.url}/__emulator/health`)).status).toBe(200)
  })

  it("is sent by startEmulator's control client", async () => {
    await expect(emulator.control.journal()).resolves.toEqual(expect.any(Array))
    await expect(emulator.control.reset()).resolves.toBeUndefined()
    const { createControlClient } = await import('../../src/index.js')
    await expect(createControlClient(emulator.url).journal()).rejects.toBeInstanceOf(
      EmulatorControlError,
    )
  })

  it('leaves provider routes to their own keys', async () => {
    const response = await fetch(`${emulator.baseUrls.gptproto}/v1/images/generations`, {
      method: 'POST',
      headers: { authorization: 'sk-test', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-image-2', prompt: 'a cat', size: '1024x1024' }),
    })
    expect(response.status).toBe(200)
  })
})

describe('the admin token in record mode', () => {
  it('leaves the capture route open to the upstream: its unguessable path is its key', async () => {
    const cassettes = await mkdtemp(join(tmpdir(), 'admin-token-'))
    // OceanBase has no default upstream: record mode refuses to start with it mounted.
    const recorder = await startEmulator({
      adminToken: TOKEN,
      mode: 'record',
      cassettes,
      providers: ['gptproto'],
    })
    try {
      const response = await fetch(`${recorder.url}/__emulator/capture/not-a-token`, {
        method: 'POST',
        body: '{}',
      })
      // Reached the route (which knows no such capture), not the token check.
      expect(response.status).toBe(404)
      expect(await response.json()).toMatchObject({ emulator_error: { code: 'not_found' } })
    } finally {
      await recorder.close()
      await rm(cassettes, { recursive: true, force: true })
    }
  })
})
