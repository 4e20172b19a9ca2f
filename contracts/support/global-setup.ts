/**
 * Starts what the contract suites talk to before they run, and writes the drift report after:
 * an emulator for the `emulator` target, an emulator in replay mode for `replay`, nothing for
 * `live`.
 */
import type { TestProject } from 'vitest/node'
import { startServer, type RunningEmulator } from '../../src/server.js'
import { writeReport } from './report.js'

let emulator: RunningEmulator | undefined

export async function setup(project: TestProject): Promise<void> {
  const target = process.env.CONTRACT_TARGET ?? 'emulator'
  if (target === 'emulator')
    emulator = await startServer({
      port: 0,
      timing: 'fast',
      stream: { eventIntervalMs: 0 },
      callbacks: { backoffMs: 100, timeoutMs: 2000 },
    })
  if (target === 'replay')
    emulator = await startServer({
      port: 0,
      mode: 'replay',
      cassettes: process.env.CONTRACT_CASSETTES ?? 'contracts/cassettes',
    })
  project.provide('emulatorUrl', emulator?.url ?? '')
}

export async function teardown(): Promise<void> {
  await emulator?.close()
  const path = writeReport(process.env.CONTRACT_TARGET ?? 'emulator')
  if (path) console.log(`drift report: ${path}`)
}
