/**
 * The load bench in small (bench/load.ts): 300 tasks with callbacks across 5 namespaces, in
 * process: none lost, every callback as often as configured, balances exact.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/index.js'
import { runLoad } from '../../bench/load.js'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({
    timing: 'instant',
    credits: { defaultBalance: 100_000 },
    seed: 'load-small',
  })
})
afterAll(() => emulator.close())

it('loses nothing with 300 tasks across 5 namespaces', async () => {
  const report = await runLoad({ url: emulator.url, tasks: 300, namespaces: 5, waitMs: 8_000 })
  expect(report).toMatchObject({
    created: 300,
    completed: 300,
    lost: 0,
    missing: 0,
    duplicates: 0,
    unexpected: 0,
    balanceMismatches: [],
  })
  // 10 % of the tasks ask for their callbacks twice.
  expect(report.callbacksReceived).toBe(report.callbacksExpected)
  expect(report.callbacksExpected).toBeGreaterThan(300)
})
