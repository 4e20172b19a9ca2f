/** The emulator as a process: it reports readiness on /__emulator/health and stops cleanly on signals. */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { createSpecValidator } from './support/spec-validator.js'

const spec = createSpecValidator('emulator')

async function startProcess(
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match) resolve(match[1]!)
    })
    child.once('exit', (code) =>
      reject(new Error(`exited with ${code} before listening: ${output}`)),
    )
  })
  return { child, url }
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
    const { child, url } = await startProcess()
    await fetch(`${url}/__emulator/health`, { keepalive: true })
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    expect((await exited)[0]).toBe(0)
  })

  it('refuses to start on a bad PORT, saying why', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: 'abc' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr!.on('data', (d) => (stderr += d))
    const [code] = await once(child, 'exit')
    expect(code).toBe(1)
    expect(stderr).toMatch(/PORT="abc"/)
  })
})
