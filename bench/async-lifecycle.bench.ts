/**
 * 1,000 concurrent aivideoapi creates on the `fast` timing, each polled to completion, each with a
 * callback to a local receiver. Reports wall time, requests per second, the emulator's peak RSS,
 * and checks that no task is lost and no callback missing (or doubled beyond at-least-once).
 * Usage: npm run bench:async [-- --tasks 1000 --poll-ms 100]
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'
import { rssMb, startChild } from './support.js'

const { values } = parseArgs({
  options: {
    tasks: { type: 'string', default: '1000' },
    'poll-ms': { type: 'string', default: '100' },
  },
})
const taskCount = Number(values.tasks)
const pollMs = Number(values['poll-ms'])

const callbacks = new Map<string, number>()
const receiver = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk: Buffer) => (body += chunk.toString()))
  req.on('end', () => {
    const id = JSON.parse(body).id as string
    callbacks.set(id, (callbacks.get(id) ?? 0) + 1)
    res.end('ok')
  })
})
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/callback`

const emulator = await startChild('src/main.ts', {
  EMULATOR_TIMING: 'fast',
  EMULATOR_CREDITS: '1000000',
  EMULATOR_SEED: 'bench',
})
let peakRss = await rssMb(emulator.child.pid!)
const sampler = setInterval(
  () => void rssMb(emulator.child.pid!).then((mb) => (peakRss = Math.max(peakRss, mb))),
  50,
)

const headers = { authorization: 'Bearer sk-bench', 'content-type': 'application/json' }
let requests = 0
async function call(path: string, init: RequestInit = {}): Promise<any> {
  requests++
  const response = await fetch(`${emulator.url}/aivideoapi${path}`, { headers, ...init })
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`)
  return response.json()
}

const started = performance.now()
const ids: string[] = await Promise.all(
  Array.from({ length: taskCount }, (_, i) =>
    call('/v1/images/generations', {
      method: 'POST',
      body: JSON.stringify({
        model: 'gpt-image-2',
        callback_url: callbackUrl,
        input: { prompt: `bench task ${i}`, aspect_ratio: '1:1' },
      }),
    }).then((r) => r.data.taskId as string),
  ),
)
const createdMs = performance.now() - started

const statuses = new Map<string, string>()
await Promise.all(
  ids.map(async (id) => {
    for (;;) {
      const task = await call(`/v1/tasks/${id}`)
      if (task.status === 'completed' || task.status === 'failed')
        return statuses.set(id, task.status)
      await new Promise((resolve) => setTimeout(resolve, pollMs))
    }
  }),
)
const polledMs = performance.now() - started

// Callbacks may trail the last poll by a moment.
const deadline = Date.now() + 10_000
while (ids.some((id) => !callbacks.has(id)) && Date.now() < deadline)
  await new Promise((resolve) => setTimeout(resolve, 20))
const wallMs = performance.now() - started
clearInterval(sampler)
await emulator.stop()
receiver.close()

const completed = [...statuses.values()].filter((s) => s === 'completed').length
const missing = ids.filter((id) => !callbacks.has(id)).length
const doubled = ids.filter((id) => (callbacks.get(id) ?? 0) > 1).length
console.log(
  `\n${taskCount} concurrent aivideoapi tasks, fast timing, polled every ${pollMs} ms, ` +
    'one callback each\n',
)
console.log('| measure | value |')
console.log('|---|---|')
console.log(`| all created | ${Math.round(createdMs)} ms |`)
console.log(`| all polled to completion | ${Math.round(polledMs)} ms |`)
console.log(`| wall time, last callback included | ${Math.round(wallMs)} ms |`)
const requestRate = Math.round(requests / (polledMs / 1000))
console.log(`| HTTP requests to the emulator | ${requests} (${requestRate} req/s) |`)
console.log(`| completed / lost | ${completed} / ${taskCount - statuses.size} |`)
console.log(`| callbacks missing / doubled | ${missing} / ${doubled} |`)
console.log(`| emulator peak RSS | ${peakRss} MB |`)
if (completed !== taskCount || missing > 0) process.exitCode = 1
