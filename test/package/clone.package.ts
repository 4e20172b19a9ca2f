/**
 * A clone of the repository, before anything is built: the command builds what it runs on its
 * first start, saying so step by step, and `npm pack` (what `npm install <git url>` does through
 * the `prepare` script) builds the whole package.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cloneWithoutDist, run, startCommand, tempDir } from './support.js'

let clone: string
beforeAll(async () => {
  clone = await cloneWithoutDist()
})

describe('a clone without dist/', () => {
  it('starts the command, building it first with a line per step', async () => {
    expect(existsSync(join(clone, 'dist'))).toBe(false)

    const first = await startCommand(['bin/gpt-image-emulator.js', '--port', '0', '--log', 'off'], {
      cwd: clone,
    })
    try {
      const health = await fetch(`${first.url}/__emulator/health`)
      expect(health.status).toBe(200)
      const dashboard = await fetch(`${first.url}/__emulator/assets/dashboard.js`)
      expect(dashboard.status).toBe(200)
    } finally {
      await first.stop()
    }
    const lines = first.stderr().split('\n')
    expect(lines).toContain(
      'gpt-image-emulator: building the emulator (first start, or the sources changed)...',
    )
    expect(lines).toContain('gpt-image-emulator: bundling the server...')
    expect(lines).toContain('gpt-image-emulator: building the dashboard...')

    // Built once: the next start says nothing about building.
    const second = await startCommand(
      ['bin/gpt-image-emulator.js', '--port', '0', '--log', 'off'],
      { cwd: clone },
    )
    await second.stop()
    expect(second.stderr()).not.toContain('building')
  })

  it('runs through npx, the package bin of the project itself', async () => {
    const ran = await run('npx', ['--no', '--offline', 'gpt-image-emulator', '--version'], {
      cwd: clone,
    })
    expect(ran.code).toBe(0)
    expect(ran.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  }, 120_000)

  it('builds the whole package in prepare when packed, as a git install does', async () => {
    const out = await tempDir('pack')
    const packed = await run('npm', ['pack', '--json', '--pack-destination', out], {
      cwd: clone,
    })
    expect(packed.code, packed.stderr).toBe(0)
    // npm prints prepare's output before the JSON report.
    const json = packed.stdout.slice(packed.stdout.indexOf('[\n'))
    const [report] = JSON.parse(json) as [{ files: { path: string }[] }]
    const files = report.files.map((file) => file.path)
    for (const file of [
      'bin/gpt-image-emulator.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/index.cjs',
      'dist/cjs/index.d.ts',
      'dist/main.js',
      'dist/ui/dashboard.js',
    ])
      expect(files).toContain(file)
  }, 240_000)
})
