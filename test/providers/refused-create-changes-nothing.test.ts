/**
 * A refused create changes nothing: no credits charged, no task made and, for skills.video's
 * multipart uploads, no file served under /files/.
 */
import { describe, expect, it } from 'vitest'
import { useEmulator } from '../support/emulator.js'
import { solidImage } from '../support/images.js'
import { fileNameFor } from '../../src/core/images/image-files.js'

const server = useEmulator({ timing: 'instant' })

interface AsyncProvider {
  id: string
  path: string
  key: string
  auth: (key: string) => Record<string, string>
  valid: Record<string, unknown>
  invalid: Record<string, unknown>
}

const providers: AsyncProvider[] = [
  {
    id: 'skills-video',
    path: '/skills-video/api/v1/generation/openai/gpt-image-2',
    key: 'sv-refused',
    auth: (key) => ({ authorization: `Bearer ${key}` }),
    valid: { prompt: 'a cat' },
    invalid: { prompt: 'a cat', resolution: '9K' },
  },
  {
    id: 'aivideoapi',
    path: '/aivideoapi/v1/images/generations',
    key: 'sk-refused',
    auth: (key) => ({ authorization: `Bearer ${key}` }),
    valid: { model: 'gpt-image-2', input: { prompt: 'a cat' } },
    invalid: { model: 'gpt-image-2', input: { prompt: 'a cat', aspect_ratio: '7:3' } },
  },
  {
    id: 'crun',
    path: '/crun/api/v1/client/job/CreateTask',
    key: 'ak_refused',
    auth: (key) => ({ 'x-api-key': key }),
    valid: { model: 'openai/gpt-image-2', input: { prompt: 'a cat' } },
    invalid: { model: 'openai/gpt-image-2', input: { prompt: 'a cat', size: 'huge' } },
  },
]

let namespaces = 0

describe.each(providers)('$id refused create', (p) => {
  const setup = () => {
    const ns = { 'x-emulator-namespace': `refused-${p.id}-${++namespaces}` }
    return { ns, headers: { ...ns, ...p.auth(p.key), 'content-type': 'application/json' } }
  }
  const state = async (ns: Record<string, string>) => {
    const key = await fetch(`${server.url}/__emulator/keys/${p.id}/${p.key}`, { headers: ns })
    const tasks = await fetch(`${server.url}/__emulator/tasks`, { headers: ns })
    const { credits } = (await key.json()) as { credits: { balance: number } }
    const { tasks: list } = (await tasks.json()) as { tasks: unknown[] }
    return { balance: credits.balance, tasks: list.length }
  }
  const create = (headers: Record<string, string>, body: unknown) =>
    fetch(server.url + p.path, { method: 'POST', headers, body: JSON.stringify(body) })

  it('for a bad field charges nothing and makes no task', async () => {
    const { ns, headers } = setup()
    const before = await state(ns)
    const response = await create(headers, p.invalid)
    expect(response.status).toBeLessThan(500)
    const body = JSON.stringify(await response.json())
    expect(body).toMatch(/aspect_ratio|resolution|size/)
    expect(await state(ns)).toEqual(before)
  })

  it('for insufficient credits charges nothing and makes no task', async () => {
    const { ns, headers } = setup()
    const put = await fetch(`${server.url}/__emulator/keys/${p.id}/${p.key}`, {
      method: 'PUT',
      headers: { ...ns, 'content-type': 'application/json' },
      body: JSON.stringify({ credits: 1 }),
    })
    expect(put.status).toBe(200)
    const response = await create(headers, p.valid)
    expect(response.status).toBeLessThan(500)
    expect(await state(ns)).toEqual({ balance: 1, tasks: 0 })
  })
})

describe('skills.video refused multipart create', () => {
  const path = '/skills-video/api/v1/generation/openai/gpt-image-2'
  const send = async (ns: string, fields: Record<string, string>, upload: Buffer) => {
    const form = new FormData()
    for (const [name, value] of Object.entries(fields)) form.append(name, value)
    form.append('image_urls', new Blob([new Uint8Array(upload)], { type: 'image/png' }), 'a.png')
    return fetch(server.url + path, {
      method: 'POST',
      headers: { authorization: 'Bearer sv-uploads', 'x-emulator-namespace': ns },
      body: form,
    })
  }
  const served = async (upload: Buffer) =>
    (await fetch(`${server.url}/files/${fileNameFor(upload, 'png')}`)).status

  it('keeps no upload when a field is refused', async () => {
    const upload = await solidImage(31, 17)
    const response = await send('uploads-bad-field', { prompt: 'x', resolution: '9K' }, upload)
    expect(response.status).toBe(400)
    expect(await served(upload)).toBe(404)
  })

  it('keeps no upload when the credits do not cover it', async () => {
    const upload = await solidImage(29, 13)
    await fetch(`${server.url}/__emulator/keys/skills-video/sv-uploads`, {
      method: 'PUT',
      headers: { 'x-emulator-namespace': 'uploads-poor', 'content-type': 'application/json' },
      body: JSON.stringify({ credits: 1 }),
    })
    const response = await send('uploads-poor', { prompt: 'x' }, upload)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(await served(upload)).toBe(404)
  })

  it('serves the upload once the create is accepted', async () => {
    const upload = await solidImage(23, 11)
    const response = await send('uploads-ok', { prompt: 'x' }, upload)
    expect(response.status).toBeLessThan(300)
    expect(await served(upload)).toBe(200)
  })
})
