/**
 * The long fuzz run: `npm run fuzz -- --seed 42 --runs 20000`. Same property and arbitraries as
 * test/fuzz/fuzz.test.ts; prints fast-check's report (seed, path, minimal counterexample) on a
 * failure and exits non-zero.
 */
import { parseArgs } from 'node:util'
import { runFuzz } from '../test/fuzz/harness.js'

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    runs: { type: 'string', default: '20000' },
  },
})
const seed = Number(values.seed)
const runs = Number(values.runs)
const started = performance.now()
try {
  const stats = await runFuzz({ seed, runs })
  const seconds = (performance.now() - started) / 1000
  console.log(`seed ${seed}: ${stats.requests} requests in ${seconds.toFixed(1)} s, no violation`)
  console.log(`refusals ${stats.refusals}; statuses ${JSON.stringify(stats.statuses)}`)
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  // fast-check keeps what broke as the cause.
  if (err instanceof Error && err.cause instanceof Error) console.error('Cause:', err.cause.message)
  process.exitCode = 1
}
