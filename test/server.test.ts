/**
 * The emulator as a process: it reports readiness on /__emulator/health and stops cleanly on
 * signals.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { Agent, get } from 'node:http'
import { describe, expect, it } from 'vitest'
import { createSpecValidator } from './support/spec-validator.js'
import { startReceiver } from './support/receiver.js'

const spec = createSpecValidator('emulator')

interface EmulatorProcess {
  child: ChildProcess
  url: string
  /** Resolves, with the time it was seen, once stdout shows a line matching `pattern`. */
  printed: (pattern: RegExp) => Promise<number>
  /** Everything written to stderr so far. */
  stderr: () => string
}

async function startProcess(env: Record<string, string> = {}): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let errors = ''
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  let watchers: { pattern: RegExp; resolve: (at: number) => void }[] = []
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    const at = performance.now()
    watchers = watchers.filter((w) => (w.pattern.test(output) ? (w.resolve(at), false) : true))
  })
  const printed = (pattern: RegExp) =>
    new Promise<number>((resolve) => watchers.push({ pattern, resolve }))
  const url = await new Promise<string>((resolve, reject) => {
    // Bound to every interface, the banner names the bind address, then where to reach it.
    const ready = /(?:listening on|reach it at) (http:\/\/[^\s;,]+)/
    void printed(ready).then(() => resolve(ready.exec(output)![1]!))
    child.once('exit', (code) =>
      reject(new Error(`exited with ${code} before listening: ${output}`)),
    )
  })
  return { child, url, printed, stderr: () => errors }
}

/** One GET on a keep-alive agent, its body read; the agent keeps the socket open afterwards. */
function keepAliveGet(agent: Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode!))
    }).on('error', reject)
  })
}

describe('the emulator process', () => {
  it('answers /__emulator/health with 200 JSON once it prints its URL', async () => {
    const { child, url } = await startProcess()
    try {
      const response = await fetch(`${url}/__emulator/health`)
      expect(response.status).toBe(200)
      await spec.check('GET', '/__emulator/health', response)
    } finally {
      child.kill('SIGKILL')
    }
  })

  it.each(['SIGTERM', 'SIGINT'] as const)('exits with status 0 on %s', async (signal) => {
    const { child } = await startProcess()
    const exited = once(child, 'exit')
    child.kill(signal)
    const [code] = await exited
    expect(code).toBe(0)
  })

  it('stops on SIGTERM while a keep-alive connection is open', async () => {
    const { child, url, printed } = await startProcess()
    const agent = new Agent({ keepAlive: true })
    try {
      expect(await keepAliveGet(agent, `${url}/__emulator/health`)).toBe(200)
      await new Promise((resolve) => setImmediate(resolve))
      const open = Object.values(agent.freeSockets).flat()
      expect(open, 'an idle keep-alive socket to the emulator').toHaveLength(1)
      const exited = once(child, 'exit')
      const stopping = printed(/SIGTERM: stopping/)
      child.kill('SIGTERM')
      const [code] = await exited
      const exitedAt = performance.now()
      expect(code).toBe(0)
      // An idle keep-alive socket must not hold the stop until the grace deadline (10 s).
      expect(exitedAt - (await stopping), 'a clean stop, not the deadline').toBeLessThan(500)
    } finally {
      agent.destroy()
      child.kill('SIGKILL')
    }
  })

  it('refuses to start on a bad PORT, saying why', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: 'abc' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const [code] = await once(child, 'exit')
    expect(code).toBe(1)
    expect(stderr).toBe('gpt-image-emulator: PORT: expected a number, got "abc"\n')
  })
})

const KEY = { authorization: 'Bearer sk-test', 'content-type': 'application/json' }

/** A gptproto generation held `latencyMs` by the emulator before it answers. */
function slowGeneration(url: string, latencyMs: number): Promise<Response> {
  return fetch(`${url}/gptproto/v1/images/generations`, {
    method: 'POST',
    headers: { ...KEY, 'x-emulator-latency': String(latencyMs) },
    body: JSON.stringify({ model: 'gpt-image-2', prompt: 'a cat', size: '1024x1024' }),
  })
}

/**
 * An aivideoapi task finishing at once whose first callback attempt fails, so its retry is due
 * `backoffMs` (1 s by default) later; resolves with the task id once that first attempt is logged.
 */
async function taskWithRetryDue(url: string, callbackUrl: string): Promise<string> {
  const created = await fetch(`${url}/aivideoapi/v1/images/generations`, {
    method: 'POST',
    headers: { ...KEY, 'x-emulator-timing': 'instant', 'x-emulator-fault': 'callback-fail:1' },
    body: JSON.stringify({
      model: 'gpt-image-2',
      callback_url: callbackUrl,
      input: { prompt: 'a poster' },
    }),
  })
  const { data } = (await created.json()) as { data: { taskId: string } }
  for (;;) {
    const list = await fetch(`${url}/__emulator/deliveries?task_id=${data.taskId}`)
    const { deliveries } = (await list.json()) as { deliveries: { attempts: unknown[] }[] }
    if (deliveries[0]?.attempts.length) return data.taskId
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('the emulator process on SIGTERM', () => {
  it('refuses new connections but lets an in-flight request finish', async () => {
    const { child, url, printed } = await startProcess()
    try {
      const slow = slowGeneration(url, 1500)
      await new Promise((resolve) => setTimeout(resolve, 300)) // the request is being held
      const exited = once(child, 'exit')
      const stopping = printed(/SIGTERM: stopping/)
      child.kill('SIGTERM')
      await stopping
      await expect(fetch(`${url}/__emulator/health`)).rejects.toMatchObject({
        cause: { code: 'ECONNREFUSED' },
      })
      const response = await slow
      expect(response.status).toBe(200)
      expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(1)
      const [code] = await exited
      expect(code).toBe(0)
    } finally {
      child.kill('SIGKILL')
    }
  })

  it('delivers a callback whose retry falls due within the grace period', async () => {
    const receiver = await startReceiver()
    const { child, url, stderr } = await startProcess()
    try {
      const taskId = await taskWithRetryDue(url, `${receiver.url}/hook`)
      expect(receiver.received, 'the first attempt failed without sending').toHaveLength(0)
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      const [code] = await exited
      expect(code).toBe(0)
      expect(receiver.received.map((r) => r.headers['x-task-id'])).toEqual([taskId])
      expect(stderr()).not.toMatch(/undelivered/)
    } finally {
      child.kill('SIGKILL')
      await receiver.close()
    }
  })

  it('logs a callback it could not deliver before the deadline, with task and URL', async () => {
    const receiver = await startReceiver()
    const { child, url, stderr } = await startProcess({ EMULATOR_SHUTDOWN_GRACE_MS: '300' })
    try {
      const taskId = await taskWithRetryDue(url, `${receiver.url}/hook`)
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      const [code] = await exited
      expect(code).toBe(0)
      expect(receiver.received, 'the retry was due after the deadline').toHaveLength(0)
      expect(stderr()).toContain(`task ${taskId} (aivideoapi) to ${receiver.url}/hook`)
    } finally {
      child.kill('SIGKILL')
      await receiver.close()
    }
  })

  it('exits at once on a second signal', async () => {
    const { child, url, printed } = await startProcess()
    try {
      const slow = slowGeneration(url, 5000).catch((err: unknown) => err)
      await new Promise((resolve) => setTimeout(resolve, 300))
      const exited = once(child, 'exit')
      const stopping = printed(/SIGTERM: stopping/)
      child.kill('SIGTERM')
      await stopping
      const again = performance.now()
      child.kill('SIGTERM')
      const [code] = await exited
      expect(performance.now() - again, 'not waiting for the held request').toBeLessThan(1000)
      expect(code).toBe(1)
      expect(await slow, 'the held request was abandoned').toBeInstanceOf(Error)
    } finally {
      child.kill('SIGKILL')
    }
  })
})

describe('the emulator process on a reachable address', () => {
  /** stderr once the process has had a moment after its readiness line. */
  async function stderrAfterStart(env: Record<string, string>): Promise<string> {
    const { child, stderr } = await startProcess(env)
    try {
      await new Promise((resolve) => setTimeout(resolve, 200))
      return stderr()
    } finally {
      child.kill('SIGKILL')
    }
  }

  it('warns on stderr when bound beyond loopback without an admin token', async () => {
    const warning = /warning: listening on 0\.0\.0\.0.*without an admin token/
    expect(await stderrAfterStart({ HOST: '0.0.0.0' })).toMatch(warning)
    expect(await stderrAfterStart({ HOST: '0.0.0.0', EMULATOR_ADMIN_TOKEN: 't' })).not.toMatch(
      /warning/,
    )
    expect(await stderrAfterStart({ HOST: '127.0.0.1' })).not.toMatch(/warning/)
  })
})
