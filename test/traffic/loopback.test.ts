/**
 * Record and replay, proved on loopback: emulator A plays the live providers, emulator B records
 * the contract suite's traffic to A into cassettes, A stops, and the suite passes again against
 * B's cassettes alone, with other keys than those recorded. No cassette holds a key that was used.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { startServer } from '../../src/server.js'
import { solidImage } from '../support/images.js'
import { PROVIDER_IDS, providers } from '../../src/providers/index.js'

/** A key per provider, of the form it accepts, that no cassette may ever contain. */
const KEYS: Record<string, string> = Object.fromEntries(
  providers.map((p, i) => [p.id, `${p.exampleKey}-loopback-SECRET-${i + 1}`]),
)
const envName = (id: string) => id.toUpperCase().replace(/-/g, '_')

function runContracts(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.contracts.config.ts'],
      {
        env: { ...process.env, ...env, FORCE_COLOR: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.on('exit', (code) => resolve({ code, output }))
  })
}

/**
 * The edit cases' reference image, served on loopback: the suite's default is a Wikimedia URL,
 * which the recorder tries to download for every poll that echoes it (slowly, or never offline).
 */
async function serveReferenceImage(): Promise<{ url: string; close(): void }> {
  const png = await solidImage(64, 64)
  const server = createServer((_, res) =>
    res.writeHead(200, { 'content-type': 'image/png' }).end(png),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/reference.png`,
    close: () => (server.closeAllConnections(), server.close()),
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe('record and replay on loopback', () => {
  it(
    'records the contract suite against emulator A, then passes it from cassettes alone',
    { timeout: 120_000 },
    async () => {
      const reference = await serveReferenceImage()
      onTestFinished(() => reference.close())
      const cassettes = mkdtempSync(join(tmpdir(), 'cassettes-'))
      const reports = mkdtempSync(join(tmpdir(), 'reports-'))
      const upstream = await startServer({ port: 0, timing: 'fast', seed: 'upstream' })
      const recorder = await startServer({
        port: 0,
        mode: 'record',
        cassettes,
        upstreams: Object.fromEntries(PROVIDER_IDS.map((id) => [id, `${upstream.url}/${id}`])),
      })

      const live = await runContracts({
        CONTRACT_TARGET: 'live',
        CONTRACT_IMAGE_URL: reference.url,
        CONTRACT_MAX_PAID_CALLS: '100',
        CONTRACT_CASSETTES: join(cassettes, 'none-yet'),
        CONTRACT_REPORT_DIR: reports,
        ...Object.fromEntries(
          PROVIDER_IDS.flatMap((id) => [
            [`${envName(id)}_BASE_URL`, `${recorder.url}/${id}`],
            [`${envName(id)}_API_KEY`, KEYS[id]!],
          ]),
        ),
      })
      expect(live.code, live.output.slice(-3000)).toBe(0)
      await new Promise((resolve) => setTimeout(resolve, 300)) // last cassette writes
      await recorder.close()
      await upstream.close()

      const files = filesUnder(cassettes)
      expect(
        files
          .filter((f) => f.endsWith('.har'))
          .map((f) => f.split('/').pop())
          .sort(),
      ).toEqual(PROVIDER_IDS.map((id) => `${id}.har`).sort())
      for (const file of files) {
        const content = readFileSync(file).toString('latin1')
        for (const key of Object.values(KEYS))
          expect(content.includes(key), `${key} in ${file}`).toBe(false)
      }

      const replay = await runContracts({
        CONTRACT_TARGET: 'replay',
        CONTRACT_IMAGE_URL: reference.url,
        CONTRACT_CASSETTES: cassettes,
        CONTRACT_REPORT_DIR: reports,
        // Other keys than those recorded, of another form: replay ignores the key.
        ...Object.fromEntries(
          PROVIDER_IDS.map((id) => [`${envName(id)}_API_KEY`, `replayed-${id}-key`]),
        ),
      })
      expect(replay.code, replay.output.slice(-3000)).toBe(0)
      const report = readFileSync(join(reports, 'drift-replay.md'), 'utf8')
      expect(report).toContain('## aivideoapi')
      expect(report).not.toMatch(/\| failed/)
    },
  )
})
