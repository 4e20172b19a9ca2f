/**
 * Bad input is never a 5xx: bodies nested thousands deep, part names that are Object.prototype's,
 * JSON labelled as multipart and requests node cannot even read all get a 4xx in an envelope,
 * and the journal still answers afterwards.
 */
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { useEmulator } from '../support/emulator.js'
import { solidImage } from '../support/images.js'

const server = useEmulator({ limits: { jsonBodyBytes: 64 * 1024, multipartBodyBytes: 512 * 1024 } })

const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels)
const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels)

interface Target {
  path: string
  headers: Record<string, string>
  /** A valid body but for the field `deep` is spliced into, as `"field": <deep>`. */
  body: (deep: string) => string
}

const targets: Record<string, Target> = {
  gptproto: {
    path: '/gptproto/v1/images/generations',
    headers: { authorization: 'sk-deep' },
    body: (deep) => `{"model":"gpt-image-2","prompt":"x","quality":${deep}}`,
  },
  oceanbase: {
    path: '/oceanbase/api/v1/images/generations',
    headers: { authorization: 'Bearer ob-deep' },
    body: (deep) => `{"model":"gpt-image-2","prompt":"x","size":${deep}}`,
  },
  openai: {
    path: '/openai/v1/images/generations',
    headers: { authorization: 'Bearer sk-deep' },
    body: (deep) => `{"model":"gpt-image-2","prompt":"x","background":${deep}}`,
  },
  aivideoapi: {
    path: '/aivideoapi/v1/images/generations',
    headers: { authorization: 'Bearer sk-deep' },
    body: (deep) => `{"model":"gpt-image-2","input":{"prompt":"x","aspect_ratio":${deep}}}`,
  },
  crun: {
    path: '/crun/api/v1/client/job/CreateTask',
    headers: { 'x-api-key': 'ak_deep' },
    body: (deep) => `{"model":"openai/gpt-image-2","input":{"prompt":"x","size":${deep}}}`,
  },
  'skills-video': {
    path: '/skills-video/api/v1/generation/openai/gpt-image-2',
    headers: { authorization: 'Bearer sv-deep' },
    body: (deep) => `{"prompt":"x","resolution":${deep}}`,
  },
}

/** The status as the provider means it: CRUN answers HTTP 200 with the status in `code`. */
const statusOf = async (id: string, response: Response): Promise<number> =>
  id === 'crun' ? ((await response.clone().json()) as { code: number }).code : response.status

const post = (target: Target, body: string, headers: Record<string, string> = {}) =>
  fetch(server.url + target.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers, ...headers },
    body,
  })

const journalAnswers = async (namespace: string) => {
  const response = await fetch(`${server.url}/__emulator/journal`, {
    headers: { 'x-emulator-namespace': namespace },
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { entries: { status: number; body: unknown }[] }).entries
}

describe.each(Object.entries(targets))('%s deep bodies', (id, target) => {
  it('refuses an object nested 6,000 deep with a 4xx, and the journal still answers', async () => {
    const ns = { 'x-emulator-namespace': `deep-object-${id}` }
    const response = await post(target, deepObject(6000), ns)
    const status = await statusOf(id, response)
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
    expect(await response.text()).toMatch(/nested/)
    expect((await journalAnswers(ns['x-emulator-namespace'])).length).toBe(1)
  })

  it('refuses arrays nested 4,000 deep in an enum field with a 4xx', async () => {
    const response = await post(target, target.body(deepArray(4000)))
    const status = await statusOf(id, response)
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
  })

  it('still takes a body nested a few levels deep', async () => {
    const response = await post(target, target.body('[[["x"]]]'))
    expect(response.status).toBeLessThan(500)
    expect(await response.text()).not.toMatch(/nested/)
  })
})

describe('wording of a refused value', () => {
  it('quotes at most 100 characters of it', async () => {
    const quality = 'q'.repeat(3000)
    const response = await post(
      targets.gptproto!,
      JSON.stringify({ model: 'gpt-image-2', prompt: 'x', quality }),
    )
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as { error: { message: string } }
    expect(error.message).toContain(`'${'q'.repeat(100)}…'`)
    expect(error.message.length).toBeLessThan(400)
  })

  it('quotes an array deep inside the depth limit without recursing through it', async () => {
    const response = await post(targets.gptproto!, targets.gptproto!.body(deepArray(60)))
    expect(response.status).toBe(400)
  })
})

describe('multipart part names from Object.prototype', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'answers a %s part with a 400 naming it',
    async (name) => {
      const image = await solidImage(8, 8)
      for (const asFile of [false, true]) {
        const form = new FormData()
        form.append('model', 'gpt-image-2')
        form.append('prompt', 'x')
        form.append('image', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'a.png')
        if (asFile) form.append(name, new Blob([new Uint8Array(image)]), 'b.png')
        else form.append(name, 'x')
        const response = await fetch(`${server.url}/gptproto/v1/images/edits`, {
          method: 'POST',
          headers: { authorization: 'sk-proto', 'x-emulator-namespace': `proto-${name}` },
          body: form,
        })
        expect(response.status).toBe(400)
        const { error } = (await response.json()) as { error: { param: string } }
        expect(error.param).toBe(name)
      }
      expect((await journalAnswers(`proto-${name}`)).length).toBe(2)
    },
  )
})

describe('JSON labelled multipart/form-data, with a prompt_contains rule', () => {
  const namespace = 'mislabelled'
  const ns = { 'x-emulator-namespace': namespace }
  const label = { 'content-type': 'multipart/form-data; boundary=xyz', ...ns }

  it.each(['gptproto', 'oceanbase', 'openai', 'aivideoapi', 'crun', 'skills-video'])(
    '%s answers 400 malformed, and 413 over the JSON limit',
    async (id) => {
      const rule = await fetch(`${server.url}/__emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...ns },
        body: JSON.stringify({ match: { prompt_contains: 'never-sent' }, latency_ms: 0 }),
      })
      expect(rule.status).toBeLessThan(300)
      const target = targets[id]!
      const small = await post(target, target.body('"x"'), label)
      expect(await statusOf(id, small)).toBe(id === 'crun' ? 422 : 400)
      const big = await post(target, target.body(JSON.stringify('x'.repeat(80 * 1024))), label)
      expect(await statusOf(id, big)).toBe(id === 'crun' ? 422 : 413)
    },
  )
})

/** Sends raw bytes and returns the status line and body. */
const raw = (request: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const { port } = new URL(server.url)
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(request))
    let text = ''
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')))
    socket.on('error', reject)
    socket.on('close', () => {
      const [head = '', ...rest] = text.split('\r\n\r\n')
      resolve({ status: Number(head.split(' ')[1]), body: rest.join('\r\n\r\n') })
    })
  })

describe('requests node cannot read as a URL', () => {
  it.each([
    ['an invalid Host header', 'GET /__emulator/health HTTP/1.1\r\nHost: bad host!'],
    ['an unclosed IPv6 host', 'GET /gptproto/v1/images/generations HTTP/1.1\r\nHost: [::1'],
    ['a backslash in the path', 'GET /gptproto\\v1 HTTP/1.1\r\nHost: 127.0.0.1'],
    ['an asterisk target', 'GET * HTTP/1.1\r\nHost: 127.0.0.1'],
  ])('answer %s with a 400 in the emulator envelope', async (_, head) => {
    const { status, body } = await raw(`${head}\r\nConnection: close\r\n\r\n`)
    expect(status).toBe(400)
    expect(body).toContain('"emulator_error"')
  })

  it.each(['//', '/%zz', '/gptproto//', '/__emulator/%zz', '//__emulator/health'])(
    'answers the odd path %s in an envelope, never a 5xx',
    async (path) => {
      const { status, body } = await raw(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`)
      expect(status).toBeGreaterThanOrEqual(400)
      expect(status).toBeLessThan(500)
      expect(body).toMatch(/"(emulator_)?error"/)
    },
  )
})
