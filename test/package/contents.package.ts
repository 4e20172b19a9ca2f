/**
 * What `npm pack` would ship: every entry point the manifest names, the licence, no sources or
 * build state, and source maps that never point at a file the package does not have.
 */
import { readFile } from 'node:fs/promises'
import { dirname, join, posix } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT, run } from './support.js'

interface Manifest {
  main: string
  types: string
  bin: Record<string, string>
  exports: Record<string, string | Record<string, Record<string, string>>>
}

let files: Set<string>
let manifest: Manifest

beforeAll(async () => {
  // --ignore-scripts: the package is built already (test:package builds first).
  const packed = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
  })
  expect(packed.code).toBe(0)
  const [report] = JSON.parse(packed.stdout) as [{ files: { path: string }[] }]
  files = new Set(report.files.map((file) => file.path))
  manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as Manifest
})

const strip = (path: string) => path.replace(/^\.\//, '')

describe('npm pack', () => {
  it('ships every file the manifest points at', () => {
    const targets = [
      manifest.main,
      manifest.types,
      ...Object.values(manifest.bin),
      ...Object.values(manifest.exports).flatMap((entry) =>
        typeof entry === 'string'
          ? [entry]
          : Object.values(entry).flatMap((condition) => Object.values(condition)),
      ),
    ].map(strip)
    expect(targets).toContain('dist/index.cjs')
    expect(targets).toContain('dist/cjs/index.d.ts')
    for (const target of targets) expect(files, target).toContain(target)
    expect(files).toContain('dist/cjs/package.json')
  })

  it('ships the licence, the README, the specs and the dashboard', () => {
    expect(files).toContain('LICENSE')
    expect(files).toContain('README.md')
    expect([...files].filter((file) => file.startsWith('specs/')).length).toBeGreaterThan(5)
    expect(files).toContain('dist/ui/dashboard.js')
  })

  it('ships no sources, tests or build state', () => {
    const unwanted = [...files].filter((file) =>
      /^(src|test|scripts|contracts|bench|ui|examples|node_modules)\/|\.tsbuildinfo$|\.tgz$/.test(
        file,
      ),
    )
    expect(unwanted).toEqual([])
  })

  it('has source maps whose sources are in the map or in the package', async () => {
    const maps = [...files].filter((file) => file.endsWith('.map'))
    expect(maps.length).toBeGreaterThan(10)
    const dangling: string[] = []
    for (const map of maps) {
      const { sources, sourcesContent = [] } = JSON.parse(
        await readFile(join(ROOT, map), 'utf8'),
      ) as { sources: string[]; sourcesContent?: (string | null)[] }
      sources.forEach((source, i) => {
        if (typeof sourcesContent[i] === 'string') return
        const shipped = posix.normalize(posix.join(dirname(map), source))
        if (!files.has(shipped)) dangling.push(`${map}: ${source}`)
      })
    }
    expect(dangling).toEqual([])
  })
})
