/**
 * `npm run build`, after tsc: the CommonJS entry, for `require('gpt-image-emulator')` (Jest and
 * other CommonJS test suites, which load files through their own module system and cannot use
 * Node's require() of ES modules).
 *
 * - dist/index.cjs: src/index.ts bundled by esbuild as CommonJS; every package stays external
 *   (they all ship CommonJS builds), so only the emulator's own code is in it. It sits beside
 *   dist/index.js, so the paths its modules compute from their own location (`../specs`,
 *   `../package.json`, `../dist/ui`) are the same.
 * - dist/cjs/: tsc's declarations, copied under a package.json of `"type": "commonjs"`, so
 *   TypeScript reads them as CommonJS declarations (what `require` gives) under `module: node16`
 *   or `nodenext`. The exports map sends `require` there and `import` to dist/index.d.ts.
 *
 * First, it removes what tsc left in dist/ of sources since deleted or moved (tsc never does), so
 * a package packed from a working copy ships no orphan module, declaration or dangling map.
 */
import { build } from 'esbuild'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { writeWhole } from './write-whole.mjs'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const dist = join(root, 'dist')

/** Every file under dist/, except those of dist/cjs and dist/ui (tsc's output, and ours). */
async function tscFiles(dir) {
  const found = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (path !== join(dist, 'cjs') && path !== join(dist, 'ui'))
        found.push(...(await tscFiles(path)))
    } else found.push(path)
  }
  return found
}

/** Removes dist/X.js, .js.map and .d.ts whose src/X.ts(x) is gone; returns the files kept. */
async function pruneOrphans(files) {
  const kept = []
  for (const path of files) {
    const stem = /^(.*)\.(?:js|js\.map|d\.ts)$/.exec(relative(dist, path))?.[1]
    const source = stem === undefined ? undefined : join(root, 'src', stem)
    if (source !== undefined && !existsSync(`${source}.ts`) && !existsSync(`${source}.tsx`))
      await rm(path)
    else kept.push(path)
  }
  return kept
}
// The bundle below adds no declaration: those kept here are all there are.
const kept = await pruneOrphans(await tscFiles(dist))

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // import() of a package becomes require(): Jest runs CommonJS modules in its own sandbox, where
  // import() fails unless ES module support is switched on (sharp and yaml are loaded so).
  supported: { 'dynamic-import': false },
  // CommonJS has no import.meta: the bundle's own file URL stands in for it.
  define: { 'import.meta.url': '__import_meta_url' },
  banner: {
    js: "'use strict'; const __import_meta_url = require('node:url').pathToFileURL(__filename).href;",
  },
  sourcemap: 'linked',
  sourcesContent: true,
  metafile: true,
  write: false,
  logLevel: 'warning',
})

for (const file of result.outputFiles) {
  await writeWhole(file.path, file.contents)
}

const sources = kept.filter((path) => path.endsWith('.d.ts'))
if (!sources.some((path) => path === join(dist, 'index.d.ts')))
  throw new Error('dist/index.d.ts is missing: run tsc -p tsconfig.build.json first')
const cjs = join(dist, 'cjs')
await rm(cjs, { recursive: true, force: true })
for (const source of sources) {
  const target = join(cjs, relative(dist, source))
  await mkdir(dirname(target), { recursive: true })
  await copyFile(source, target)
}
await writeFile(join(cjs, 'package.json'), '{ "type": "commonjs" }\n')

const sizes = Object.entries(result.metafile.outputs).map(
  ([path, { bytes }]) => `${basename(path)} ${Math.round(bytes / 1024)} kB`,
)
process.stdout.write(`bundled ${sizes.join(', ')}, ${sources.length} declarations in dist/cjs\n`)
