/**
 * `npm run build`, last step: the browser assets in dist/ui/. dashboard.js and dashboard.css are
 * one esbuild bundle of ui/dashboard/main.tsx (Preact, bundled: nothing loads at run time), and
 * redoc.standalone.js comes from scripts/redoc-asset.mjs. Served by src/ui-assets.ts.
 */
import { build } from 'esbuild'
import { mkdir } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { writeWhole } from './write-whole.mjs'

const root = dirname(dirname(fileURLToPath(import.meta.url)))

/** Builds every browser asset into `outDir`; resolves to `{ file: bytes }` of the dashboard. */
export async function buildUi(outDir = join(root, 'dist', 'ui')) {
  await mkdir(outDir, { recursive: true })
  const result = await build({
    absWorkingDir: root,
    entryPoints: { dashboard: 'ui/dashboard/main.tsx' },
    outdir: outDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    // Browsers with native <dialog>, EventSource and ES2022.
    target: ['chrome105', 'firefox110', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  })

  const sizes = {}
  for (const file of result.outputFiles) {
    await writeWhole(file.path, file.contents)
    sizes[basename(file.path)] = { raw: file.contents.length, gzip: gzipSync(file.contents).length }
  }
  const { copyRedoc } = await loadRedocAsset()
  await copyRedoc(outDir)
  return sizes
}

async function loadRedocAsset() {
  try {
    return await import('./redoc-asset.mjs')
  } catch (err) {
    if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes('redoc-asset'))
      throw err
    throw new Error(
      'scripts/redoc-asset.mjs is missing: it provides copyRedoc(outDir), which writes ' +
        'redoc.standalone.js for the API docs pages.',
      { cause: err },
    )
  }
}

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = process.argv[2] ? resolve(process.argv[2]) : undefined
  const sizes = await buildUi(outDir)
  const lines = Object.entries(sizes).map(
    ([name, { raw, gzip }]) => `${name} ${kB(raw)} (${kB(gzip)} gzipped)`,
  )
  process.stdout.write(`built ui: ${lines.join(', ')}\n`)
}
