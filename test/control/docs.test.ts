/** `/__emulator/docs`: Redoc pages served from the emulator, specs as JSON pointed at it. */
import { request } from 'node:http'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useEmulator } from '../support/emulator.js'
import { SPEC_IDS } from '../../src/specs.js'
import { copyRedoc, rewriteRedoc } from '../../scripts/redoc-asset.mjs'

const server = useEmulator()
const published = useEmulator({ publicUrl: 'https://emulator.example.test/base/' })

/** A GET with a chosen Host header (fetch does not let a caller set it). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { host } }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
      .on('error', reject)
      .end()
  })
}

/** Every URL a page's markup would load or link to. */
function attributeUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href|data-spec)="([^"]*)"/g)].map((m) => m[1]!)
}

describe('API reference pages', () => {
  it('lists every spec with its title, page and YAML', async () => {
    const response = await fetch(`${server.url}/__emulator/docs`)
    expect(response.status).toBe(200)
    const html = await response.text()
    for (const id of SPEC_IDS) {
      expect(html).toContain(`href="/__emulator/docs/${id}"`)
      expect(html).toContain(`href="/__emulator/specs/${id}.openapi.yaml"`)
    }
    expect(html).toContain('CRUN GPT-Image-2')
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
  })

  it.each(SPEC_IDS)('serves %s as a same-origin Redoc page under the CSP', async (id) => {
    const response = await fetch(`${server.url}/__emulator/docs/${id}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; " +
        "worker-src 'self' blob:; connect-src 'self'",
    )
    const html = await response.text()
    expect(html).toMatch(/^<!doctype html><html lang="en">/)
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    expect(html).toContain('<script src="/__emulator/assets/redoc.standalone.js"></script>')
    expect(html).toContain('<script src="/__emulator/docs/init.js"></script>')
    expect(html).toContain(`data-spec="/__emulator/docs/${id}/spec.json"`)
    // No inline script: the CSP's default-src 'self' would block it.
    expect(html.match(/<script[^>]*>/g)?.every((tag) => tag.includes(' src="'))).toBe(true)
    const urls = attributeUrls(html)
    expect(urls.length).toBeGreaterThan(3)
    for (const url of urls) expect(url).toMatch(/^(\/(?!\/)|data:)/)
  })

  it('serves the init script as JavaScript, calling Redoc with the inferred flags shown', async () => {
    const response = await fetch(`${server.url}/__emulator/docs/init.js`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/)
    const script = await response.text()
    expect(script).toContain('Redoc.init(')
    expect(script).toContain("'x-emulator-inferred'")
    expect(script).not.toMatch(/https?:\/\//)
  })

  it('answers an unknown spec with 404 in the control-plane envelope', async () => {
    for (const path of ['/__emulator/docs/nope', '/__emulator/docs/nope/spec.json']) {
      const response = await fetch(server.url + path)
      expect(response.status).toBe(404)
      expect(await response.json()).toMatchObject({
        emulator_error: { code: 'not_found', field: 'id', allowed: [...SPEC_IDS] },
      })
    }
  })
})

describe('spec JSON', () => {
  it("points the emulator's server entry at the request's host and port", async () => {
    const port = new URL(server.url).port
    const crun = JSON.parse(
      (await getWithHost(`${server.url}/__emulator/docs/crun/spec.json`, `localhost:${port}`)).body,
    )
    expect(crun.servers[0]).toEqual({
      url: `http://localhost:${port}/crun`,
      description: 'gpt-image-emulator (this server)',
    })
    // The real service stays; the spec's own fixed emulator entry is gone.
    expect(crun.servers.map((s: { url: string }) => s.url)).toContain('https://api.crun.ai')
    expect(JSON.stringify(crun.servers)).not.toContain('127.0.0.1:4010')

    const other = JSON.parse(
      (await getWithHost(`${server.url}/__emulator/docs/openai/spec.json`, 'docs.test:9999')).body,
    )
    expect(other.servers[0].url).toBe('http://docs.test:9999/openai')

    const control: any = await (
      await fetch(`${server.url}/__emulator/docs/emulator/spec.json`)
    ).json()
    expect(control.servers).toEqual([
      { url: server.url, description: 'gpt-image-emulator (this server)' },
    ])
  })

  it('uses EMULATOR_PUBLIC_URL when set, whatever the Host', async () => {
    const crun = JSON.parse(
      (await getWithHost(`${published.url}/__emulator/docs/crun/spec.json`, 'elsewhere:1')).body,
    )
    expect(crun.servers[0].url).toBe('https://emulator.example.test/base/crun')
    const control: any = await (
      await fetch(`${published.url}/__emulator/docs/emulator/spec.json`)
    ).json()
    expect(control.servers[0].url).toBe('https://emulator.example.test/base')
  })

  it("keeps CRUN CreateTask's oneOf request body with its fields", async () => {
    const response = await fetch(`${server.url}/__emulator/docs/crun/spec.json`)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const spec: any = await response.json()
    const body =
      spec.paths['/api/v1/client/job/CreateTask'].post.requestBody.content['application/json']
    const deref = (node: { $ref?: string }) =>
      node.$ref
        ? node.$ref
            .slice(2)
            .split('/')
            .reduce((n: any, part: string) => n[part], spec)
        : node
    const request = deref(body.schema)
    expect(request.oneOf).toHaveLength(3)
    expect(request['x-emulator-inferred']).toBe(true)
    for (const alternative of request.oneOf.map(deref)) {
      expect(alternative.required).toEqual(['model', 'input'])
      expect(Object.keys(alternative.properties)).toEqual(
        expect.arrayContaining(['model', 'input', 'callback_url']),
      )
      expect(deref(alternative.properties.input).properties).toHaveProperty('prompt')
    }
  })
})

describe('the Redoc asset', () => {
  it('is built without the CDN logo or any other fetched external URL', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'redoc-asset-'))
    try {
      const built = await readFile(await copyRedoc(dir), 'utf8')
      expect(built.length).toBeGreaterThan(500_000)
      expect(built).not.toContain('cdn.redoc.ly')
      expect(built).toContain('src:"data:image/svg+xml,')
      // Positions a browser fetches from: element sources, CSS url() and @import, scripts, fetch.
      expect(built).not.toMatch(
        /(?:\bsrc\s*[:=]\s*|\burl\(\s*|@import\s+|\bimportScripts\(\s*|\bfetch\(\s*)["'`]?(?:https?:)?\/\//,
      )
      expect(built).not.toMatch(/fonts\.(googleapis|gstatic)\.com|unpkg\.com|jsdelivr\.net/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('refuses a bundle whose logo moved or that fetches from elsewhere', () => {
    const logo = 'src:"https://cdn.redoc.ly/redoc/logo-mini.svg"'
    expect(() => rewriteRedoc('no logo here')).toThrow(/expected 1 footer logo/)
    expect(() => rewriteRedoc(logo + logo)).toThrow(/found 2/)
    expect(() =>
      rewriteRedoc(`${logo};css\`@import url(https://fonts.googleapis.com/x)\``),
    ).toThrow(/fetched URL/)
    expect(() => rewriteRedoc(`${logo};const a="https://cdn.example.net/x.js"`)).toThrow(
      /unreviewed URL: https:\/\/cdn\.example\.net/,
    )
    expect(rewriteRedoc(`${logo};const ns="http://www.w3.org/2000/svg"`)).not.toContain('https:')
  })
})
