/** The control plane and /files, checked against specs/emulator.openapi.yaml, every response covered. */
import { describe, expect, it } from 'vitest'
import { useEmulator, jsonRequest } from '../support/emulator.js'
import { createSpecValidator } from '../support/spec-validator.js'

const server = useEmulator()
const spec = createSpecValidator('emulator')

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const init = body === undefined ? { method, headers } : { ...jsonRequest(body, headers), method }
  const response = await fetch(server.url + path, init)
  const text = await response.text()
  await spec.check(method, path, response, text)
  return { status: response.status, json: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text }
}

describe('control plane', () => {
  it('reports health with every mounted provider', async () => {
    const { status, json } = await call('GET', '/__emulator/health')
    expect(status).toBe(200)
    expect(json.providers.map((p: { id: string }) => p.id).sort()).toEqual(['aivideoapi', 'crun', 'gptproto', 'oceanbase', 'skills-video'])
  })

  it('lists the specs and serves each as YAML', async () => {
    const { json } = await call('GET', '/__emulator/specs')
    expect(json.specs.map((s: { id: string }) => s.id)).toContain('gptproto')
    const yaml = await call('GET', '/__emulator/specs/gptproto.openapi.yaml')
    expect(yaml.json).toMatch(/^openapi: 3\.1\.0/)
    const missing = await call('GET', '/__emulator/specs/nope.openapi.yaml')
    expect(missing.status).toBe(404)
    expect(missing.json.emulator_error.allowed).toContain('gptproto.openapi.yaml')
  })

  it('serves generated files and answers 404 for unknown ones', async () => {
    const generated = await fetch(`${server.url}/oceanbase/api/v1/images/generations`, jsonRequest({ model: 'gpt-image-2', prompt: 'file', size: '1024x1024', n: 1 }, { authorization: 'Bearer k' }))
    const url = new URL(((await generated.json()) as any).data[0].url)
    expect((await call('GET', url.pathname)).status).toBe(200)
    expect((await call('GET', '/files/00000000000000000000000000000000.png')).status).toBe(404)
  })

  it('adds, lists and removes webhook endpoints per namespace, generating a secret', async () => {
    const ns = { 'x-emulator-namespace': 'webhooks-a' }
    const added = await call('POST', '/__emulator/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['task.completed'] }, ns)
    expect(added.status).toBe(201)
    expect(added.json).toMatchObject({ provider: 'skills-video', url: 'http://127.0.0.1:9/hook', events: ['task.completed'], secret: expect.stringMatching(/^whsec_/) })
    expect((await call('GET', '/__emulator/webhooks', undefined, ns)).json.endpoints).toHaveLength(1)
    expect((await call('GET', '/__emulator/webhooks', undefined, { 'x-emulator-namespace': 'webhooks-b' })).json.endpoints).toHaveLength(0)
    expect((await call('DELETE', `/__emulator/webhooks/${added.json.id}`, undefined, ns)).status).toBe(204)
    expect((await call('DELETE', `/__emulator/webhooks/${added.json.id}`, undefined, ns)).status).toBe(404)
  })

  it('refuses a bad endpoint naming the field and its allowed values', async () => {
    const badEvent = await call('POST', '/__emulator/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['task.exploded'] })
    expect(badEvent.status).toBe(422)
    expect(badEvent.json.emulator_error).toMatchObject({ code: 'invalid_field', field: 'events.0', allowed: expect.arrayContaining(['task.completed']) })
    expect((await call('POST', '/__emulator/webhooks', { url: 'not a url' })).json.emulator_error.field).toBe('url')
    expect((await call('POST', '/__emulator/webhooks', '{oops')).status).toBe(400)
  })

  it('lists deliveries of the namespace', async () => {
    const { status, json } = await call('GET', '/__emulator/deliveries?provider=aivideoapi', undefined, { 'x-emulator-namespace': 'empty' })
    expect(status).toBe(200)
    expect(json).toEqual({ deliveries: [] })
  })

  it('answers an unknown route outside the providers in its own envelope', async () => {
    const response = await fetch(`${server.url}/nope`)
    expect(response.status).toBe(404)
    expect(((await response.json()) as any).emulator_error.code).toBe('not_found')
  })

  it('covers every response the spec documents', () => {
    expect(spec.unexercised()).toEqual([])
  })
})
