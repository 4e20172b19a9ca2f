/**
 * The package tests load dist/ as an installed package would: build it first when it is missing
 * or older than its sources (.ci/run has just built it; by hand, this saves remembering to).
 */
import { spawnSync } from 'node:child_process'
import { isStale } from '../../scripts/ensure-built.mjs'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Written by every `npm run build`, after tsc. */
const OUTPUTS = ['dist/index.cjs', 'dist/cjs/package.json', 'dist/main.js', 'dist/ui/dashboard.js']
const INPUTS = [
  'src',
  'ui',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/bundle.mjs',
  'scripts/bundle-cjs.mjs',
  'scripts/build-ui.mjs',
  'scripts/redoc-asset.mjs',
  'scripts/write-whole.mjs',
]

export default function setup(): void {
  if (!isStale(OUTPUTS, INPUTS, ROOT)) return
  process.stderr.write('test:package: dist/ is missing or stale, running npm run build\n')
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] })
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`)
}
