/**
 * `npm run build`, after tsc: bundles the command (src/main.ts) with esbuild into one file,
 * dist/main.js, over tsc's copy, so `npm start`, the bin and the Docker image start from one file
 * instead of resolving some 300 modules (cold start). It stays in dist/: modules find specs/ and
 * package.json from their own location (`../specs`, `../package.json`). The library entry
 * (dist/index.js) stays tsc's.
 */
import { build } from 'esbuild'
import { basename, dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { writeWhole } from './write-whole.mjs'

const root = dirname(dirname(fileURLToPath(import.meta.url)))

/**
 * zod's `z` namespace carries every locale (a third of zod's code), which esbuild cannot shake;
 * the emulator speaks English only, so the locales index keeps `en` alone (less to parse).
 */
const englishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: "export { default as en } from './en.js'",
      resolveDir: join(args.path, '..'),
    }))
  },
}

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // sharp is native, with its own loader; yaml and ioredis are only `import()`ed (docs pages and
  // YAML config files; a Redis to share state through) and, left to node, load only then. All
  // are dependencies, so present in production.
  external: ['sharp', 'yaml', 'ioredis'],
  plugins: [englishOnly],
  // Less to parse at start; identifiers are kept, so stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  // The map carries the sources it describes: src/ and node_modules/ are not shipped.
  sourcemap: 'linked',
  sourcesContent: true,
  metafile: true,
  write: false,
  logLevel: 'warning',
})

for (const file of result.outputFiles) await writeWhole(file.path, file.contents)

const sizes = Object.entries(result.metafile.outputs).map(
  ([path, { bytes }]) => `${basename(path)} ${Math.round(bytes / 1024)} kB`,
)
process.stdout.write(`bundled ${sizes.join(', ')}\n`)
