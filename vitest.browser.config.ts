import { defineConfig } from 'vitest/config'

// The real-browser tests: `npm run test:browser` (Debian's chromium, driven by playwright-core).
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One browser, one page, in order: the views are visited as a person would.
    fileParallelism: false,
    // What a person waits for (a live update, a thumbnail) gets seconds on a busy CI machine,
    // not expect.poll's default second.
    expect: { poll: { timeout: 10_000 } },
  },
})
