/** Starts an emulator on a free loopback port for one test file, with config overrides. */
import { afterAll, beforeAll } from 'vitest'
import { startServer, type RunningEmulator } from '../../src/server.js'
import type { EmulatorConfigInput } from '../../src/config.js'

/** A started emulator for the enclosing suite; read `.url` inside tests. */
export function useEmulator(config: EmulatorConfigInput = {}): {
  readonly url: string
  readonly emulator: RunningEmulator
} {
  let running: RunningEmulator | undefined
  beforeAll(async () => {
    running = await startServer({
      port: 0,
      host: '127.0.0.1',
      stream: { eventIntervalMs: 0 },
      ...config,
    })
  })
  afterAll(async () => {
    await running?.close()
  })
  return {
    get url() {
      if (!running) throw new Error('emulator not started yet')
      return running.url
    },
    get emulator() {
      if (!running) throw new Error('emulator not started yet')
      return running
    },
  }
}

export function jsonRequest(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }
}
