/**
 * package.json's `prepare`. npm runs it before `npm pack` and `npm publish`, on `npm install` in
 * a clone, and for a project that installs this package from git: npm clones it, runs `npm
 * install` there (devDependencies included, so this builds) and packs what `files` lists. So a
 * git install gets dist/ built, as a registry install does.
 *
 * `npm ci` builds nothing: it is what CI and a fresh clone run, and the build (tsc above all)
 * would add about half again to it. The command builds what it runs on its first start
 * (bin/gpt-image-emulator.js: `npm start`, `npx gpt-image-emulator`), the tests run from src/, and
 * `npm run build` builds the library.
 */
import { spawnSync } from 'node:child_process'
import process from 'node:process'

if (process.env.npm_command === 'ci') {
  process.stderr.write(
    'prepare: npm ci builds nothing; `npm start` builds the command on its first start, ' +
      '`npm run build` the whole package\n',
  )
  process.exit(0)
}
const npm = process.env.npm_execpath
const build = npm
  ? spawnSync(process.execPath, [npm, 'run', 'build'], { stdio: 'inherit' })
  : spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' })
process.exit(build.status ?? 1)
