/**
 * Property-based fuzzing of every provider route and the control plane (issue 10): seeded, so a
 * failure repeats; fast-check shrinks it to a minimal request. `npm run fuzz -- --seed N --runs
 * 20000` runs the long version. FUZZ_SEED and FUZZ_RUNS override the defaults here.
 */
import { expect, it } from 'vitest'
import { runFuzz } from './harness.js'

const seed = Number(process.env.FUZZ_SEED ?? 20261129)
const runs = Number(process.env.FUZZ_RUNS ?? 2_000)

it(`holds for ${runs} fuzzed requests (seed ${seed})`, { timeout: 120_000 }, async () => {
  const stats = await runFuzz({ seed, runs })
  expect(stats.requests).toBeGreaterThanOrEqual(runs)
  // A fuzz that only ever hit one kind of answer proves little.
  expect(stats.refusals).toBeGreaterThan(runs / 4)
  expect(stats.requests - stats.refusals).toBeGreaterThan(runs / 20)
})
