import { defineConfig } from 'vitest/config'

// The contract suites: `npm run contracts` (emulator target); see contracts/README.md for live and replay.
export default defineConfig({
  test: {
    include: ['contracts/**/*.contract.ts'],
    globalSetup: ['contracts/support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
})
