import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, EmulatorControlError, type Emulator } from '../../src/index.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ timing: 'realistic' })
})
afterAll(() => emulator.close())

describe('startEmulator and its control client', () => {
  it('gives a base URL per provider and a healthy server', async () => {
    expect(emulator.baseUrls.gptproto).toBe(`${emulator.url}/gptproto`)
    expect((await emulator.control.health()).status).toBe('ok')
  })

  it('drives tasks, keys, faults, webhooks, deliveries and journal in a namespace', async () => {
    const control = emulator.control.namespace('client-test')
    const headers = {
      authorization: 'Bearer sk-client',
      'content-type': 'application/json',
      'x-emulator-namespace': 'client-test',
    }
    const create = () =>
      fetch(`${emulator.baseUrls.aivideoapi}/v1/images/generations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ model: 'gpt-image-2', input: { prompt: 'client' } }),
      }).then((r) => r.json() as Promise<{ data: { taskId: string } }>)
    const [a, b, c] = [await create(), await create(), await create()]
    expect((await control.tasks.list({ provider: 'aivideoapi' })).map((t) => t.id)).toEqual([
      a.data.taskId,
      b.data.taskId,
      c.data.taskId,
    ])
    expect((await control.tasks.complete(a.data.taskId)).state).toBe('succeeded')
    expect((await control.tasks.fail(b.data.taskId, { code: 'upstream_error' })).state).toBe(
      'failed',
    )
    expect((await control.tasks.cancel(c.data.taskId)).state).toBe('canceled')
    expect((await control.tasks.get(a.data.taskId)).images).toHaveLength(1)

    expect(
      (await control.keys.set('aivideoapi', 'sk-client', { credits: 42 })).credits.balance,
    ).toBe(42)
    expect((await control.keys.get('aivideoapi', 'sk-client')).credits.balance).toBe(42)

    const rule = await control.faults.add({
      match: { provider: 'gptproto' },
      error: 'internal_error',
    })
    expect((await control.faults.list()).map((f) => f.id)).toEqual([rule.id])
    await control.faults.remove(rule.id)
    await control.faults.clear()

    const endpoint = await control.webhooks.add({ url: 'http://127.0.0.1:9/hook' })
    expect((await control.webhooks.list()).map((w) => w.id)).toEqual([endpoint.id])
    await control.webhooks.remove(endpoint.id)
    expect(await control.deliveries({ provider: 'aivideoapi' })).toEqual([])

    expect((await control.journal({ provider: 'aivideoapi', limit: 2 })).length).toBe(2)
    await control.reset()
    expect(await control.tasks.list()).toEqual([])
  })

  it('throws EmulatorControlError with the emulator reason', async () => {
    const error = await emulator.control.tasks.get('nope').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EmulatorControlError)
    expect((error as EmulatorControlError).status).toBe(404)
    expect((error as Error).message).toMatch(/No task 'nope'/)
  })
})
