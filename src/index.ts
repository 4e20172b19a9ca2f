/**
 * The package's API for test suites: `startEmulator()` runs the emulator in-process and gives each
 * provider's base URL, a typed control-plane client and `close()`.
 *
 * @example
 * const emulator = await startEmulator({ timing: 'instant' })
 * const openai = new OpenAI({ apiKey: 'sk-test', baseURL: `${emulator.baseUrls.gptproto}/v1` })
 * await emulator.control.faults.add({
 *   match: { provider: 'gptproto' },
 *   error: 'rate_limit_exceeded',
 *   times: 1,
 * })
 * await emulator.close()
 */
import { startServer } from './server.js'
import type { EmulatorConfigInput } from './config.js'
import { PROVIDER_IDS, type ProviderId } from './providers/index.js'
import { createControlClient, type ControlClient } from './client/control-client.js'

export { createControlClient, EmulatorControlError } from './client/control-client.js'
export type * from './client/control-client.js'
export type { EmulatorConfigInput as EmulatorOptions } from './config.js'
export { PROVIDER_IDS, REAL_BASE_URLS, type ProviderId } from './providers/index.js'

export interface Emulator {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** Each mounted provider's base URL: what replaces the real one in your application. */
  baseUrls: Record<ProviderId, string>
  control: ControlClient
  close(): Promise<void>
}

/** Starts an emulator on a free loopback port (unless `port` says otherwise). */
export async function startEmulator(options: EmulatorConfigInput = {}): Promise<Emulator> {
  const running = await startServer({ port: 0, ...options })
  return {
    url: running.url,
    baseUrls: Object.fromEntries(PROVIDER_IDS.map((id) => [id, `${running.url}/${id}`])) as Record<
      ProviderId,
      string
    >,
    control: createControlClient(running.url, { adminToken: running.runtime.config.adminToken }),
    close: () => running.close(),
  }
}
