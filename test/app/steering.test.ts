/**
 * Steering is decoded once, before anything runs: a bad `X-Emulator-*` header gets the 400 naming
 * it on every provider's create and read routes, and the refused request changes nothing (no
 * charge, no task).
 */
import { describe, expect, it } from 'vitest'
import { createRuntime } from '../../src/runtime.js'
import { createApp } from '../../src/app.js'
import { resolveConfig } from '../../src/config.js'

const runtime = createRuntime(resolveConfig({ timing: 'instant' }))
const app = createApp(runtime)

interface Route {
  provider: string
  key: string
  auth: Record<string, string>
  create: { path: string; body: unknown }
  read: string
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` })
const ROUTES: Route[] = [
  {
    provider: 'skills-video',
    key: 'sk-steer',
    auth: bearer('sk-steer'),
    create: { path: '/api/v1/generation/openai/gpt-image-2', body: { prompt: 'a cat' } },
    read: '/api/v1/credits',
  },
  {
    provider: 'aivideoapi',
    key: 'sk-steer',
    auth: bearer('sk-steer'),
    create: {
      path: '/v1/images/generations',
      body: { model: 'gpt-image-2', input: { prompt: 'a cat' } },
    },
    read: '/v1/credits',
  },
  {
    provider: 'crun',
    key: 'ak_steer',
    auth: { 'x-api-key': 'ak_steer' },
    create: {
      path: '/api/v1/client/job/CreateTask',
      body: { model: 'openai/gpt-image-2', input: { prompt: 'a cat' } },
    },
    read: '/api/v1/client/account/balance',
  },
  {
    provider: 'gptproto',
    key: 'sk-steer',
    auth: bearer('sk-steer'),
    create: { path: '/v1/images/generations', body: { model: 'gpt-image-2', prompt: 'a cat' } },
    read: '/v1/images/generations',
  },
  {
    provider: 'oceanbase',
    key: 'sk-steer',
    auth: bearer('sk-steer'),
    create: {
      path: '/api/v1/images/generations',
      body: { model: 'gpt-image-2', prompt: 'a cat', size: '1024x1024', n: 1 },
    },
    read: '/api/v1/images/generations',
  },
]

const BAD_HEADERS: [name: string, value: string, field: string][] = [
  ['x-emulator-timing', 'bogus', 'X-Emulator-Timing'],
  ['x-emulator-seed', '', 'X-Emulator-Seed'],
  ['x-emulator-namespace', 'not a namespace!', 'X-Emulator-Namespace'],
  ['x-emulator-latency', 'soon', 'X-Emulator-Latency'],
  ['x-emulator-fault', 'explode', 'X-Emulator-Fault'],
  ['x-emulator-error', 'no_such_entry', 'X-Emulator-Error'],
  ['x-emulator-colour', 'blue', 'x-emulator-colour'],
]

async function consumed(route: Route): Promise<number> {
  const res = await app.request(`/__emulator/keys/${route.provider}/${route.key}`)
  const view = (await res.json()) as { credits: { consumed: number } }
  return view.credits.consumed
}

async function taskCount(): Promise<number> {
  const res = await app.request('/__emulator/tasks')
  return ((await res.json()) as { tasks: unknown[] }).tasks.length
}

describe.each(ROUTES)('$provider', (route) => {
  it.each(BAD_HEADERS)('refuses %s: %j on create, charging nothing', async (name, value, field) => {
    const res = await app.request(`/${route.provider}${route.create.path}`, {
      method: 'POST',
      headers: { ...route.auth, 'content-type': 'application/json', [name]: value },
      body: JSON.stringify(route.create.body),
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { emulator_error: { field: string } }
    expect(body.emulator_error.field).toBe(field)
    expect(res.headers.get('x-request-id')).toMatch(/^req_/)
    expect(await consumed(route)).toBe(0)
    expect(await taskCount()).toBe(0)
  })

  it('refuses a bad header on a read route too', async () => {
    const res = await app.request(`/${route.provider}${route.read}`, {
      headers: { ...route.auth, 'x-emulator-timing': 'bogus' },
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      emulator_error: { code: 'invalid_header', field: 'X-Emulator-Timing' },
    })
  })

  it('answers the same create when the header is good', async () => {
    const res = await app.request(`/${route.provider}${route.create.path}`, {
      method: 'POST',
      headers: {
        ...route.auth,
        'content-type': 'application/json',
        'x-emulator-namespace': `steer-${route.provider}`,
      },
      body: JSON.stringify(route.create.body),
    })
    expect(res.status).toBeLessThan(300)
  })
})

describe('the control plane', () => {
  it('refuses a bad steering header as well', async () => {
    const res = await app.request('/__emulator/tasks', {
      headers: { 'x-emulator-namespace': '../etc' },
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      emulator_error: { code: 'invalid_header', field: 'X-Emulator-Namespace' },
    })
  })
})
