/**
 * examples/scale-out/: the wiring that makes two replicas behind nginx one emulator, read from
 * compose.yaml and nginx.conf without a container engine. Running it for real is in its README.
 */
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { resolveConfig } from '../../src/config.js'
import { configFromEnv, unknownEnvWarnings } from '../../src/env.js'

const dir = new URL('../../examples/scale-out/', import.meta.url)
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8')

interface Service {
  image?: string
  build?: string
  command?: string[]
  environment?: Record<string, string>
  ports?: string[]
  volumes?: string[]
  depends_on?: Record<string, { condition: string }>
  healthcheck?: { test: string[] }
}

const compose = parse(read('compose.yaml'), { merge: true }) as {
  services: Record<string, Service>
}
const services = compose.services
/** The emulator replicas: the services built from the repository's Dockerfile. */
const replicas = Object.entries(services).filter(([, s]) => s.build === '../..')
const nginx = services.nginx!

/** nginx.conf without comments. */
const conf = read('nginx.conf').replace(/#.*$/gm, '')
const directive = (name: string, text = conf) =>
  [...text.matchAll(new RegExp(`(?:^|[\\s{;])${name}\\s+([^;]*);`, 'g'))].map((m) => m[1]!.trim())
const block = (head: string) => {
  const start = conf.search(new RegExp(`${head}\\s*\\{`))
  expect(start, head).toBeGreaterThanOrEqual(0)
  let depth = 0
  for (let i = conf.indexOf('{', start); i < conf.length; i++) {
    if (conf[i] === '{') depth++
    if (conf[i] === '}' && --depth === 0) return conf.slice(start, i + 1)
  }
  throw new Error(`${head}: no closing brace`)
}

/** nginx sizes: 50m is 50 MiB. */
const bytes = (size: string) => {
  const m = /^(\d+)([kmg]?)$/i.exec(size)
  expect(m, size).not.toBeNull()
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m![2]!.toLowerCase() as 'k']
  return Number(m![1]) * unit
}

/** nginx times: 1h is 3600 s. */
const seconds = (time: string) => {
  const m = /^(\d+)(ms|s|m|h|d)?$/.exec(time)
  expect(m, time).not.toBeNull()
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[(m![2] ?? 's') as 's']
  return Number(m![1]) * unit
}

describe('examples/scale-out', () => {
  it('runs two emulator replicas, Redis and nginx', () => {
    expect(replicas.map(([name]) => name)).toHaveLength(2)
    expect(services.redis?.image).toMatch(/^redis:7/)
    expect(services.redis?.healthcheck?.test.join(' ')).toContain('ping')
    // Scratch state: nothing saved to disk.
    expect(services.redis?.command?.join(' ')).toMatch(/--save\s+--appendonly no/)
    expect(nginx.image).toMatch(/^nginx(:|$)/)
  })

  it('points every replica at the one Redis, and waits for it', () => {
    const urls = new Set(replicas.map(([, s]) => s.environment?.EMULATOR_REDIS_URL))
    expect([...urls]).toHaveLength(1)
    const url = new URL([...urls][0]!)
    expect(url.protocol).toBe('redis:')
    expect(Object.keys(services)).toContain(url.hostname)
    for (const [name, s] of replicas) {
      expect(s.depends_on?.[url.hostname]?.condition, name).toBe('service_healthy')
      expect(s.healthcheck?.test.join(' '), name).toContain('/__emulator/health')
      expect(s.ports, `${name}: only nginx is published`).toBeUndefined()
    }
  })

  it('gives the replicas settings the emulator takes', () => {
    for (const [name, s] of replicas) {
      // As the image runs it: its Dockerfile sets HOST and PORT.
      const env = { HOST: '0.0.0.0', PORT: '4010', ...s.environment }
      expect(unknownEnvWarnings(env), name).toEqual([])
      const config = resolveConfig(configFromEnv(env))
      expect(config.redis.url, name).toBe(s.environment?.EMULATOR_REDIS_URL)
    }
  })

  it("names nginx's published address in EMULATOR_PUBLIC_URL", () => {
    expect(nginx.ports).toHaveLength(1)
    const [hostPort, containerPort] = nginx.ports![0]!.split(':').slice(-2)
    for (const [name, s] of replicas) {
      const publicUrl = new URL(s.environment?.EMULATOR_PUBLIC_URL ?? '')
      expect(publicUrl.port, name).toBe(hostPort)
      expect(publicUrl.pathname, name).toBe('/')
    }
    expect(directive('listen')).toEqual([containerPort])
  })

  it('mounts nginx.conf read-only and starts nginx after healthy replicas', () => {
    expect(nginx.volumes).toContain('./nginx.conf:/etc/nginx/nginx.conf:ro')
    expect(existsSync(new URL('nginx.conf', dir))).toBe(true)
    for (const [name] of replicas)
      expect(nginx.depends_on?.[name]?.condition).toBe('service_healthy')
  })

  it('balances over every replica, with keep-alive and unbuffered streams', () => {
    const [upstream] = directive('proxy_pass').map((target) => new URL(target).hostname)
    const servers = directive('server', block(`upstream\\s+${upstream}`))
    expect(servers.sort()).toEqual(replicas.map(([name]) => `${name}:4010`).sort())
    expect(directive('keepalive')).toHaveLength(1)
    expect(directive('proxy_http_version')).toEqual(['1.1'])
    expect(directive('proxy_set_header')).toContain('Connection ""')
    expect(directive('proxy_buffering')).toEqual(['off'])
    // Longer than the quietest stream: `realistic` timing runs a generation up to 60 s.
    expect(seconds(directive('proxy_read_timeout')[0]!)).toBeGreaterThanOrEqual(600)
    for (const header of ['Host', 'X-Forwarded-For', 'X-Forwarded-Proto', 'X-Forwarded-Host'])
      expect(
        directive('proxy_set_header').some((h) => h.startsWith(`${header} `)),
        header,
      ).toBe(true)
  })

  it('lets through any body the emulator takes, and no larger (it decides the limit)', () => {
    const { limits } = resolveConfig({})
    const [size] = directive('client_max_body_size')
    expect(bytes(size!)).toBe(Math.max(limits.multipartBodyBytes, limits.jsonBodyBytes))
  })

  it('says how to run it', () => {
    const readme = read('README.md')
    expect(readme).toContain('docker compose up --build')
    expect(readme).toContain('--scale')
  })
})
