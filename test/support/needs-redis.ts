/**
 * The shared-state tests need Debian's (or any) `redis-server` on the PATH. Where it is missing
 * they are skipped, saying why, so `npm test` passes on a machine with Node alone; in CI, where
 * `.ci/run` installs it, a missing server is a failure, never a skip.
 */
import { spawnSync } from 'node:child_process'
import { describe } from 'vitest'

const installed =
  spawnSync(process.env.REDIS_SERVER ?? 'redis-server', ['--version'], { stdio: 'ignore' })
    .status === 0

if (!installed && !process.env.CI)
  console.warn(
    '[test] redis-server is not installed: the shared-state (Redis) tests are skipped ' +
      '(apt-get install redis-server to run them).',
  )

/** `describe` where redis-server can run (or in CI), else `describe.skip`. */
export const describeWithRedis = installed || process.env.CI ? describe : describe.skip
