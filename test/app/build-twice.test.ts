/** Building the app has no side effects: built twice on one runtime, one callback per task. */
import { afterAll, expect, it } from 'vitest'
import { serve, type ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { createRuntime } from '../../src/runtime.js'
import { createApp } from '../../src/app.js'
import { resolveConfig } from '../../src/config.js'
import { startReceiver } from '../support/receiver.js'
import { pollUntil } from '../support/poll.js'

const runtime = createRuntime(
  resolveConfig({
    timing: 'instant',
    callbacks: { maxAttempts: 1, backoffMs: 0, timeoutMs: 2000 },
  }),
)
createApp(runtime)
const app = createApp(runtime)
let server: ServerType | undefined

afterAll(async () => {
  runtime.close()
  await new Promise((resolve) => server?.close(resolve))
})

it('sends one callback for one task when the app was built twice', async () => {
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const receiver = await startReceiver()
  try {
    const created = await fetch(`${url}/aivideoapi/v1/images/generations`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-twice', 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'gpt-image-2',
        input: { prompt: 'a cat' },
        callback_url: `${receiver.url}/cb`,
      }),
    })
    const { data } = (await created.json()) as { data: { taskId: string } }
    await pollUntil(
      async () => {
        const res = await fetch(`${url}/aivideoapi/v1/tasks/${data.taskId}`, {
          headers: { authorization: 'Bearer sk-twice' },
        })
        return ((await res.json()) as { status: string }).status
      },
      (status) => status === 'completed',
    )
    await runtime.deliveries.idle()
    expect(receiver.received).toHaveLength(1)
    expect(await runtime.deliveries.deliveries()).toHaveLength(1)
  } finally {
    await receiver.close()
  }
})
