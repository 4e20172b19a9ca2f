/**
 * For the command in a clone of the repository (bin/gpt-image-emulator.js, `npm start`, `npx
 * gpt-image-emulator`): builds what the command runs, dist/main.js and the dashboard in dist/ui,
 * when they are missing or older than their sources, one line per step on stderr. The library
 * (tsc's dist/index.js and declarations) is `npm run build`'s, which `prepare` runs for
 * `npm install`, `npm pack` and git installs (`npm ci` skips it: scripts/prepare.mjs). An
 * installed package has no src/ and never loads this file.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))

/** What the command runs, built by the steps below. */
const COMMAND_OUTPUTS = ['dist/main.js', 'dist/ui/dashboard.js', 'dist/ui/redoc.standalone.js']

/** What those outputs are built from. */
const COMMAND_INPUTS = [
  'src',
  'ui',
  'package.json',
  'scripts/bundle.mjs',
  'scripts/build-ui.mjs',
  'scripts/redoc-asset.mjs',
  'scripts/write-whole.mjs',
]

const STEPS = [
  { label: 'bundling the server...', script: 'scripts/bundle.mjs' },
  { label: 'building the dashboard...', script: 'scripts/build-ui.mjs' },
]

/** The newest modification time under `path` (a file or a folder), 0 when it does not exist. */
function newestMtime(path) {
  let stats
  try {
    stats = statSync(path)
  } catch {
    return 0
  }
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** Whether any of `outputs` is missing or older than the newest of `inputs` (paths from root). */
export function isStale(outputs, inputs, base = root) {
  let oldestOutput = Infinity
  for (const output of outputs) {
    try {
      oldestOutput = Math.min(oldestOutput, statSync(join(base, output)).mtimeMs)
    } catch {
      return true
    }
  }
  return inputs.some((input) => newestMtime(join(base, input)) > oldestOutput)
}

/** Builds the command's files if they are stale; progress and the build's output go to stderr. */
export function ensureCommandBuilt({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if (!isStale(COMMAND_OUTPUTS, COMMAND_INPUTS)) return false
  const started = Date.now()
  log('gpt-image-emulator: building the emulator (first start, or the sources changed)...')
  // scripts/bundle.mjs writes into dist/, which tsc makes in a full build.
  mkdirSync(join(root, 'dist'), { recursive: true })
  for (const { label, script } of STEPS) {
    log(`gpt-image-emulator: ${label}`)
    const run = spawnSync(process.execPath, [join(root, script)], {
      cwd: root,
      // The build's own lines go to stderr too: stdout is the command's (--help, --version).
      stdio: ['ignore', 2, 2],
    })
    if (run.status !== 0) {
      log(`gpt-image-emulator: ${script} failed (exit ${run.status ?? run.signal})`)
      process.exit(1)
    }
  }
  log(`gpt-image-emulator: built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return true
}
