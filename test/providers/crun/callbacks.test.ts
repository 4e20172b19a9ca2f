/** CRUN callbacks over real HTTP, caught by a local receiver: body, retries, envelope option. */
import { afterEach, describe, expect, it } from 'vitest'
import { useEmulator } from '../../support/emulator.js'
import { createSpecValidator } from '../../support/spec-validator.js'
import { startReceiver, type Receiver } from '../../support/receiver.js'
import { crunClient } from './crun-client.js'

const CALLBACKS = { maxAttempts: 3, backoffMs: 50, timeoutMs: 300 }
const spec = createSpecValidator('crun', '/crun')

let receiver: Receiver | undefined
afterEach(async () => {
  await receiver?.close()
  receiver = undefined
})

describe('CRUN callbacks', () => {
  const server = useEmulator({ timing: 'instant', callbacks: CALLBACKS })
  const { headers, create, taskInfo, untilDone } = crunClient(server, spec)

  it('POSTs the bare TaskInfo data object to callback_url once the task succeeds', async () => {
    receiver = await startReceiver()
    const h = headers()
    const { json } = await create(
      h,
      'openai/gpt-image-2-stable',
      { prompt: 'callback me' },
      { callback_url: `${receiver.url}/api/callback?token=abc` },
    )
    const [delivered] = await receiver.waitFor(1)
    const final = (await taskInfo(h, json.data.task_id)).json.data
    expect(delivered!.path).toBe('/api/callback?token=abc')
    expect(delivered!.headers['content-type']).toBe('application/json')
    expect(
      Object.keys(delivered!.headers).filter((name) => /signature|webhook|^x-/.test(name)),
    ).toEqual([])
    expect(JSON.parse(delivered!.body)).toEqual(final)
    expect(final).toMatchObject({
      status: 'success',
      param: { callback_url: `${receiver.url}/api/callback?token=abc` },
    })
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(receiver.received).toHaveLength(1)
  })

  it('POSTs the failed task, refunded, when generation fails', async () => {
    receiver = await startReceiver()
    await create(
      headers(),
      'openai/gpt-image-2',
      { prompt: 'unsafe-content here' },
      { callback_url: receiver.url },
    )
    const [delivered] = await receiver.waitFor(1)
    expect(JSON.parse(delivered!.body)).toMatchObject({
      status: 'failed',
      credits: 0,
      result: { code: 501, message: 'Generation Failed', media_urls: [] },
    })
  })

  it('sends no callback for a task created without callback_url', async () => {
    const h = headers()
    const { json } = await create(h, 'openai/gpt-image-2', { prompt: 'no callback' })
    const id = json.data.task_id
    // The task must have ended, and every delivery it could have caused settled, before the log
    // can prove that none was sent.
    expect((await untilDone(h, id)).at(-1)).toMatchObject({ task_id: id, status: 'success' })
    await server.emulator.runtime.deliveries.idle()
    for (const query of [`?task_id=${id}`, '']) {
      const log = (await (
        await fetch(`${server.url}/__emulator/deliveries${query}`, { headers: h })
      ).json()) as any
      expect(log.deliveries, `deliveries${query}`).toEqual([])
    }
  })

  it('retries a receiver failing twice, then 2xx, logging 3 attempts in deliveries', async () => {
    receiver = await startReceiver((i) => (i < 2 ? 500 : 200))
    const h = headers()
    const { json } = await create(
      h,
      'openai/gpt-image-2-premium',
      { prompt: 'flaky receiver', resolution: '1K' },
      { callback_url: receiver.url },
    )
    const received = await receiver.waitFor(3)
    expect(new Set(received.map((r) => r.body)).size).toBe(1)
    const log = (await (
      await fetch(
        `${server.url}/__emulator/deliveries?provider=crun&task_id=${json.data.task_id}`,
        { headers: h },
      )
    ).json()) as any
    expect(log.deliveries).toHaveLength(1)
    expect(log.deliveries[0]).toMatchObject({
      provider: 'crun',
      task_id: json.data.task_id,
      status: 'delivered',
      event: 'task.success',
      url: receiver.url,
    })
    expect(
      log.deliveries[0].attempts.map((a: any) => [a.attempt, a.status, a.outcome, a.error]),
    ).toEqual([
      [1, 500, 'retrying', 'HTTP 500'],
      [2, 500, 'retrying', 'HTTP 500'],
      [3, 200, 'delivered', null],
    ])
  })

  it('fails the first attempts a callback-fail fault names, then delivers', async () => {
    receiver = await startReceiver()
    const h = headers({ 'x-emulator-fault': 'callback-fail:1' })
    const { json } = await create(
      h,
      'openai/gpt-image-2',
      { prompt: 'injected' },
      { callback_url: receiver.url },
    )
    await receiver.waitFor(1)
    const { 'x-emulator-fault': _, ...plain } = h
    const log = (await (
      await fetch(`${server.url}/__emulator/deliveries?task_id=${json.data.task_id}`, {
        headers: plain,
      })
    ).json()) as any
    expect(log.deliveries[0].status).toBe('delivered')
    expect(log.deliveries[0].attempts.map((a: any) => a.outcome)).toEqual(['retrying', 'delivered'])
  })
})

describe('CRUN callbacks with crun.callbackBody envelope', () => {
  const server = useEmulator({
    timing: 'instant',
    callbacks: CALLBACKS,
    crun: { callbackBody: 'envelope' },
  })
  const { headers, create, taskInfo } = crunClient(server, spec)

  it('POSTs the whole {code, message, data} TaskInfo envelope', async () => {
    receiver = await startReceiver()
    const h = headers()
    const { json } = await create(
      h,
      'openai/gpt-image-2',
      { prompt: 'wrapped' },
      { callback_url: receiver.url },
    )
    const [delivered] = await receiver.waitFor(1)
    const polled = (await taskInfo(h, json.data.task_id)).json
    expect(JSON.parse(delivered!.body)).toEqual(polled)
    expect(polled).toMatchObject({
      code: 200,
      message: 'success',
      data: { task_id: json.data.task_id, status: 'success' },
    })
  })
})
