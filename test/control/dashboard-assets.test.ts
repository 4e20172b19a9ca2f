/**
 * The dashboard's shell and assets: the build writes them, the shell links only to this origin,
 * and `/__emulator/assets/:file` serves an allowlist with the right types, 404 for any other
 * name and 503 (with what to do) before a build.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildUi } from '../../scripts/build-ui.mjs'
import { createAssetRoutes } from '../../src/ui-assets.js'
import { answerError } from '../../src/core/errors/answer-error.js'
import { useEmulator } from '../support/emulator.js'

const server = useEmulator()

let built: string
let empty: string
let sizes: Awaited<ReturnType<typeof buildUi>>
beforeAll(async () => {
  built = await mkdtemp(join(tmpdir(), 'ui-built-'))
  empty = await mkdtemp(join(tmpdir(), 'ui-empty-'))
  sizes = await buildUi(built)
}, 60_000)
afterAll(async () => {
  await rm(built, { recursive: true, force: true })
  await rm(empty, { recursive: true, force: true })
})

/** The asset routes over a folder, mounted where the control plane mounts them. */
function assetsFrom(dir: string) {
  const app = new Hono()
  app.route('/__emulator', createAssetRoutes(pathToFileURL(`${dir}/`)))
  app.onError(answerError)
  return (file: string) => app.request(`/__emulator/assets/${file}`)
}

describe('dashboard build', () => {
  it('writes the dashboard bundle, its stylesheet and Redoc, the bundle small', async () => {
    expect(Object.keys(sizes).sort()).toEqual(['dashboard.css', 'dashboard.js'])
    expect(sizes['dashboard.js']!.gzip).toBeLessThan(40 * 1024)
    const redoc = await readFile(join(built, 'redoc.standalone.js'), 'utf8')
    expect(redoc.length).toBeGreaterThan(0)
  })

  it('bundles no URL of another origin (namespace URIs of the DOM only)', async () => {
    const js = await readFile(join(built, 'dashboard.js'), 'utf8')
    const urls = new Set(js.match(/https?:\/\/[^"'`\s)]+/g) ?? [])
    for (const url of urls) expect(url).toMatch(/^http:\/\/www\.w3\.org\//)
  })
})

describe('dashboard shell', () => {
  it('is an HTML page with a viewport, a policy and same-origin references only', async () => {
    const response = await fetch(`${server.url}/__emulator/ui`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
    const html = await response.text()
    expect(html).toMatch(/^<!doctype html>/i)
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    expect(html).toContain('<noscript>')
    const refs = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!)
    expect(refs).toContain('/__emulator/assets/dashboard.js')
    expect(refs).toContain('/__emulator/assets/dashboard.css')
    for (const ref of refs) expect(ref).toMatch(/^(\/[^/]|data:)/)
  })
})

describe('asset route', () => {
  it('serves the built files with their content types, revalidated on each load', async () => {
    const get = assetsFrom(built)
    const js = await get('dashboard.js')
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(js.headers.get('cache-control')).toBe('no-cache')
    expect(await js.text()).toBe(await readFile(join(built, 'dashboard.js'), 'utf8'))
    const css = await get('dashboard.css')
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8')
    const redoc = await get('redoc.standalone.js')
    expect(redoc.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it('answers 404 in the control-plane envelope for any other name', async () => {
    const get = assetsFrom(built)
    for (const name of ['nope.js', '..%2Fdashboard.js', 'dashboard.js.map', '__proto__']) {
      const response = await get(name)
      expect(response.status).toBe(404)
      const body = (await response.json()) as {
        emulator_error: { code: string; allowed: string[] }
      }
      expect(body.emulator_error.code).toBe('not_found')
      expect(body.emulator_error.allowed).toContain('dashboard.js')
    }
    const live = await fetch(`${server.url}/__emulator/assets/nope.js`)
    expect(live.status).toBe(404)
  })

  it('answers 503 with what to do when the assets are not built', async () => {
    const response = await assetsFrom(empty)('dashboard.js')
    expect(response.status).toBe(503)
    const body = (await response.json()) as { emulator_error: { code: string; message: string } }
    expect(body.emulator_error.code).toBe('assets_not_built')
    expect(body.emulator_error.message).toContain('npm run build')
  })
})
