import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// The contract suites: `npm run contracts` (emulator target).
// See contracts/README.md for live and replay.
export default defineConfig({
  test: {
    include: ['contracts/**/*.contract.ts'],
    globalSetup: ['contracts/support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // The suites mostly wait on tasks and callbacks, so run at least two at once; and keep src/
    // loaded between suites in a worker (nothing is mocked, each suite's state is its own).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    isolate: false,
  },
})
