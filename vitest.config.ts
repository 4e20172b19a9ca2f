import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    // The examples import the package by name, as users do.
    alias: { 'gpt-image-emulator': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Most files spend their time waiting on sockets, timers and child processes rather than the
    // CPU, so run at least two at once (vitest's default is one fewer than the cores: one on two).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Each file starts its own emulator on its own port and namespaces, and no test mocks
    // modules or stubs globals: a worker can keep src/ loaded between files instead of importing
    // it (sharp, zod, hono, ajv) again for each of the 30 files.
    isolate: false,
  },
})
