import { defineConfig } from 'vitest/config'

// The package as users get it: `npm run test:package` (built first). require() and import from a
// consumer project, the types both see, what `npm pack` ships, and the command in a clone
// without dist/. Nothing here is aliased to src/: the tests load dist/ through the exports map.
export default defineConfig({
  test: {
    include: ['test/package/**/*.package.ts'],
    globalSetup: ['test/package/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
