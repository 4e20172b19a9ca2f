/**
 * CRUN refusals over real HTTP: validation, auth, credits, unknown tasks and every X-Emulator-Error
 * entry, with HTTP 200 and the outcome in the body `code` (the default), and with the body code as
 * the HTTP status (`crun.refusalStatus: mirror`). Ends by checking every documented response was
 * seen.
 */
import { describe, expect, it } from 'vitest'
import { useEmulator, jsonRequest } from '../../support/emulator.js'
import { createSpecValidator } from '../../support/spec-validator.js'
import { solidImage } from '../../support/images.js'
import { BALANCE, CREATE, TASK_INFO, crunClient } from './crun-client.js'

const spec = createSpecValidator('crun', '/crun')

const STANDARD = 'openai/gpt-image-2'
const STABLE = 'openai/gpt-image-2-stable'
const PREMIUM = 'openai/gpt-image-2-premium'
const MODELS = `${STANDARD}, ${STABLE}, ${PREMIUM}`
const RATIOS = 'auto, 1:1, 2:3, 3:2, 5:4, 4:5, 9:16, 16:9, 4:3, 3:4, 21:9'
const urls = (count: number) =>
  Array.from({ length: count }, (_, i) => `https://files.crun.ai/resources/${i}.png`)
const BAD_URL = (index: number) =>
  `'input.img_urls.${index}' must be an http(s) URL: ` +
  'upload the file and send its file_url, never Base64 or a data URI.'

const INVALID_BODIES: [string, unknown, string][] = [
  ['no model', { input: { prompt: 'x' } }, "'model' is required."],
  [
    'an unknown model',
    { model: 'openai/gpt-image-1', input: { prompt: 'x' } },
    `'model' must be one of: ${MODELS}.`,
  ],
  ['no input', { model: STANDARD }, "'input' is required."],
  ['an input that is no object', { model: STANDARD, input: 'a fox' }, "'input' must be an object."],
  ['no prompt', { model: STABLE, input: {} }, "'input.prompt' is required."],
  [
    'an empty prompt',
    { model: STANDARD, input: { prompt: '' } },
    "'input.prompt' must not be empty.",
  ],
  [
    'a 32,001-character prompt',
    { model: PREMIUM, input: { prompt: 'x'.repeat(32_001) } },
    "'input.prompt' must be at most 32000 characters.",
  ],
  [
    'img_urls that is no array',
    { model: STANDARD, input: { prompt: 'x', img_urls: 'https://e.com/a.png' } },
    "'input.img_urls' must be an array.",
  ],
  [
    'a data: URI in img_urls',
    {
      model: STANDARD,
      input: {
        prompt: 'x',
        img_urls: ['https://e.com/a.png', 'data:image/png;base64,iVBORw0KGgo='],
      },
    },
    BAD_URL(1),
  ],
  [
    'an ftp URL in img_urls',
    { model: STABLE, input: { prompt: 'x', img_urls: ['ftp://e.com/a.png'] } },
    BAD_URL(0),
  ],
  [
    'a local path in img_urls',
    { model: PREMIUM, input: { prompt: 'x', img_urls: ['/tmp/a.png'] } },
    BAD_URL(0),
  ],
  [
    '17 img_urls on standard',
    { model: STANDARD, input: { prompt: 'x', img_urls: urls(17) } },
    "'input.img_urls' must have at most 16 items.",
  ],
  [
    '17 img_urls on stable',
    { model: STABLE, input: { prompt: 'x', img_urls: urls(17) } },
    "'input.img_urls' must have at most 16 items.",
  ],
  [
    '15 img_urls on premium',
    { model: PREMIUM, input: { prompt: 'x', img_urls: urls(15) } },
    "'input.img_urls' must have at most 14 items.",
  ],
  [
    'aspect_ratio 9:21 on standard',
    { model: STANDARD, input: { prompt: 'x', aspect_ratio: '9:21' } },
    `'input.aspect_ratio' must be one of: ${RATIOS}.`,
  ],
  [
    'aspect_ratio 9:21 on stable',
    { model: STABLE, input: { prompt: 'x', aspect_ratio: '9:21' } },
    `'input.aspect_ratio' must be one of: ${RATIOS}.`,
  ],
  [
    'a pixel size as aspect_ratio on premium',
    { model: PREMIUM, input: { prompt: 'x', aspect_ratio: '1024x1024' } },
    `'input.aspect_ratio' must be one of: ${RATIOS}, 9:21.`,
  ],
  [
    'quality on standard',
    { model: STANDARD, input: { prompt: 'x', quality: 'high' } },
    "Unknown field 'input.quality'.",
  ],
  [
    'resolution on stable',
    { model: STABLE, input: { prompt: 'x', resolution: '2K' } },
    "Unknown field 'input.resolution'.",
  ],
  [
    'output_format on premium',
    { model: PREMIUM, input: { prompt: 'x', output_format: 'webp' } },
    "Unknown field 'input.output_format'.",
  ],
  [
    'resolution 8K on premium',
    { model: PREMIUM, input: { prompt: 'x', resolution: '8K' } },
    "'input.resolution' must be one of: 1K, 2K, 4K.",
  ],
  [
    'a lowercase resolution on premium',
    { model: PREMIUM, input: { prompt: 'x', resolution: '2k' } },
    "'input.resolution' must be one of: 1K, 2K, 4K.",
  ],
  [
    'quality ultra on stable',
    { model: STABLE, input: { prompt: 'x', quality: 'ultra' } },
    "'input.quality' must be one of: low, medium, high.",
  ],
  [
    'quality auto on premium',
    { model: PREMIUM, input: { prompt: 'x', quality: 'auto' } },
    "'input.quality' must be one of: low, medium, high.",
  ],
  [
    'background none on stable',
    { model: STABLE, input: { prompt: 'x', background: 'none' } },
    "'input.background' must be one of: auto, opaque, transparent.",
  ],
  [
    'output_format gif on stable',
    { model: STABLE, input: { prompt: 'x', output_format: 'gif' } },
    "'input.output_format' must be one of: png, jpeg, webp.",
  ],
  [
    'moderation high on stable',
    { model: STABLE, input: { prompt: 'x', moderation: 'high' } },
    "'input.moderation' must be one of: auto, low.",
  ],
  [
    'a transparent background in jpeg',
    { model: STABLE, input: { prompt: 'x', background: 'transparent', output_format: 'jpeg' } },
    "'input.background' transparent needs 'input.output_format' png or webp: " +
      'jpeg has no alpha channel.',
  ],
  [
    'a callback_url that is no URL',
    { model: STANDARD, input: { prompt: 'x' }, callback_url: 'not a url' },
    "'callback_url' must be a valid url.",
  ],
  [
    'an ftp callback_url',
    { model: STANDARD, input: { prompt: 'x' }, callback_url: 'ftp://e.com/cb' },
    "'callback_url' must be a valid url.",
  ],
  ['a body that is an array', [{ model: STANDARD }], 'The request body must be a JSON object.'],
]

/** name, body code, message, HTTP status under refusalStatus '200'. */
const CATALOGUE: [string, number, string, number][] = [
  ['unauthorized', 401, 'Unauthorized', 200],
  ['insufficient_credits', 402, 'Insufficient Credits', 200],
  ['not_found', 404, 'Not Found', 404],
  ['validation_error', 422, 'Validation Error: Invalid parameters', 200],
  ['rate_limited', 429, 'Rate Limited', 200],
  ['maintenance', 455, 'Service Unavailable: the system is undergoing maintenance', 200],
  ['server_error', 500, 'Server Error', 500],
  ['generation_failed', 501, 'Generation Failed', 200],
  ['feature_disabled', 505, 'Feature Disabled', 200],
]
const entry = (name: string) => CATALOGUE.find(([n]) => n === name)!
const ON_TASK_INFO = [
  'unauthorized',
  'not_found',
  'validation_error',
  'rate_limited',
  'maintenance',
  'server_error',
  'feature_disabled',
].map(entry)
const ON_BALANCE = [
  'unauthorized',
  'rate_limited',
  'maintenance',
  'server_error',
  'feature_disabled',
].map(entry)
const ESTIMATE = '/api/v1/client/job/EstimateTask'
const MODELS_PATH = '/api/v1/client/job/Models'
const UPLOAD_URL = '/api/v1/client/files/upload-url?content_type=image/png&ext=.png'
/** The CLI's other endpoints, each with the X-Emulator-Error entries its spec documents. */
const ON_CLIENT_ENDPOINTS: ['GET' | 'POST', string, ReturnType<typeof entry>[]][] = [
  ['POST', ESTIMATE, [...ON_BALANCE, entry('validation_error')]],
  ['GET', MODELS_PATH, ON_BALANCE],
  ['GET', `${MODELS_PATH}/${encodeURIComponent(STANDARD)}`, ON_BALANCE],
  ['GET', UPLOAD_URL, [...ON_BALANCE, entry('validation_error')]],
]

describe.each([
  ['200', 'HTTP 200 and the body code'],
  ['mirror', 'the body code as the HTTP status'],
] as const)('CRUN refusals with crun.refusalStatus %s: %s', (refusalStatus, _meaning) => {
  // A small balance, so a short balance takes two tasks; each test still gets its own namespace.
  const server = useEmulator({
    timing: 'instant',
    credits: { defaultBalance: 25 },
    crun: { refusalStatus },
  })
  const { headers, call, create, taskInfo, balance } = crunClient(
    server,
    spec,
    `r${refusalStatus}-`,
  )
  /** The HTTP status of a refusal with this body code under this setting. */
  const statusOf = (code: number, under200: number) => (refusalStatus === '200' ? under200 : code)

  it.each(INVALID_BODIES)(
    'answers %s with body code 422 naming the problem',
    async (_, body, what) => {
      const h = headers()
      const { status, json } = await call('POST', CREATE, h, body)
      expect(status).toBe(statusOf(422, 200))
      expect(json).toEqual({ code: 422, message: `Validation Error: ${what}`, data: null })
      expect(await balance(h)).toBe(25)
    },
  )

  it('answers malformed JSON with body code 422', async () => {
    const { status, json } = await call(
      'POST',
      CREATE,
      headers(),
      '{"model": "openai/gpt-image-2",',
    )
    expect(status).toBe(statusOf(422, 200))
    expect(json).toMatchObject({
      code: 422,
      message: expect.stringMatching(/^Validation Error: We could not parse the JSON body/),
      data: null,
    })
  })

  it.each<[string, string, Record<string, unknown>, Record<string, unknown>?]>([
    ['16 img_urls on standard', STANDARD, { img_urls: urls(16) }],
    ['14 img_urls on premium', PREMIUM, { img_urls: urls(14), resolution: '1K' }],
    ['aspect_ratio 9:21 on premium', PREMIUM, { aspect_ratio: '9:21', resolution: '1K' }],
    ['a 32,000-character prompt', STANDARD, { prompt: 'x'.repeat(32_000) }],
    ['unknown top-level fields', STANDARD, {}, { webhook_secret: 'ignored' }],
  ])('accepts %s', async (_, model, input, extra = {}) => {
    const { status, json } = await create(
      headers({ 'x-emulator-timing': 'queue=600000;run=0' }),
      model,
      { prompt: 'edge', ...input },
      extra,
    )
    expect(status).toBe(200)
    expect(json.code).toBe(200)
  })

  it.each([
    ['without task_id', TASK_INFO, "'task_id' is required."],
    ['with an empty task_id', `${TASK_INFO}?task_id=`, "'task_id' must not be empty."],
  ])('answers TaskInfo %s with body code 422', async (_, path, what) => {
    const { status, json } = await call('GET', path, headers())
    expect(status).toBe(statusOf(422, 200))
    expect(json).toEqual({ code: 422, message: `Validation Error: ${what}`, data: null })
  })

  it.each([
    ['no x-api-key header', {}],
    ['an empty x-api-key', { 'x-api-key': '' }],
    ['a blank x-api-key', { 'x-api-key': '   ' }],
    ['the key as a Bearer token', { authorization: `Bearer ak_${'0'.repeat(32)}` }],
  ])('answers %s with body code 401 Unauthorized on every route', async (_, auth) => {
    const unauthorized = { code: 401, message: 'Unauthorized', data: null }
    for (const [method, path] of [
      ['POST', CREATE],
      ['GET', `${TASK_INFO}?task_id=x`],
      ['GET', BALANCE],
      ['POST', ESTIMATE],
      ['GET', MODELS_PATH],
      ['GET', `${MODELS_PATH}/${encodeURIComponent(STANDARD)}`],
      ['GET', UPLOAD_URL],
    ] as const) {
      const { status, json } = await call(
        method,
        path,
        auth,
        method === 'POST' ? { model: STANDARD, input: { prompt: 'x' } } : undefined,
      )
      expect(status).toBe(statusOf(401, 200))
      expect(json).toEqual(unauthorized)
    }
  })

  it('answers body code 402 Insufficient Credits to a short balance, charges nothing', async () => {
    const h = headers()
    expect((await create(h, STABLE, { prompt: 'one' })).json.code).toBe(200)
    expect((await create(h, STABLE, { prompt: 'two' })).json.code).toBe(200)
    const refused = await create(h, STABLE, { prompt: 'three' })
    expect(refused.status).toBe(statusOf(402, 200))
    expect(refused.json).toEqual({ code: 402, message: 'Insufficient Credits', data: null })
    expect(await balance(h)).toBe(1)
  })

  it("answers an unknown task, another key's or namespace's with a real HTTP 404", async () => {
    const h = headers()
    const notFound = { code: 404, message: 'Task not found', data: null }
    expect(await taskInfo(h, 'no-such-task')).toMatchObject({ status: 404, json: notFound })
    const { json } = await create(h, STANDARD, { prompt: 'mine' })
    expect((await taskInfo(h, json.data.task_id)).status).toBe(200)
    expect(
      await taskInfo({ ...h, 'x-api-key': 'ak_someone_else' }, json.data.task_id),
    ).toMatchObject({ status: 404, json: notFound })
    expect(
      await taskInfo({ ...h, 'x-emulator-namespace': 'elsewhere' }, json.data.task_id),
    ).toMatchObject({ status: 404, json: notFound })
  })

  it.each(CATALOGUE)(
    'answers CreateTask with X-Emulator-Error: %s as body code %i, and creates nothing',
    async (name, code, message, under200) => {
      const h = headers({ 'x-emulator-error': name })
      const { status, headers: answered, json } = await create(h, STANDARD, { prompt: 'forced' })
      expect(status).toBe(statusOf(code, under200))
      expect(json).toEqual({ code, message, data: null })
      expect(answered.get('retry-after')).toBe(code === 429 ? '1' : null)
      const { 'x-emulator-error': _, ...plain } = h
      expect(await balance(plain)).toBe(25)
    },
  )

  it.each(ON_TASK_INFO)(
    'answers TaskInfo with X-Emulator-Error: %s as body code %i',
    async (name, code, message, under200) => {
      const { status, json } = await taskInfo(headers({ 'x-emulator-error': name }), 'any')
      expect(status).toBe(statusOf(code, under200))
      expect(json).toEqual({ code, message, data: null })
    },
  )

  it.each(ON_BALANCE)(
    'answers the balance with X-Emulator-Error: %s as body code %i',
    async (name, code, message, under200) => {
      const {
        status,
        headers: answered,
        json,
      } = await call('GET', BALANCE, headers({ 'x-emulator-error': name }))
      expect(status).toBe(statusOf(code, under200))
      expect(json).toEqual({ code, message, data: null })
      if (code === 429) expect(answered.get('retry-after')).toBe('1')
    },
  )

  it.each(ON_CLIENT_ENDPOINTS)(
    'answers %s %s with every documented X-Emulator-Error',
    async (method, path, entries) => {
      for (const [name, code, message, under200] of entries) {
        const body = method === 'POST' ? { model: STANDARD, input: { prompt: 'x' } } : undefined
        const answer = await call(method, path, headers({ 'x-emulator-error': name }), body)
        expect(answer.status).toBe(statusOf(code, under200))
        expect(answer.json).toEqual({ code, message, data: null })
      }
    },
  )

  it('answers an estimate over the body limit with HTTP 413, as CreateTask', async () => {
    const body = { model: STANDARD, input: { prompt: 'x'.repeat(1_100_000) } }
    const { status, json } = await call('POST', ESTIMATE, headers(), body)
    expect(status).toBe(413)
    expect(json.code).toBe(422)
  })

  it('answers a body over the limit with HTTP 413 and body code 422 naming the limit', async () => {
    const { status, json } = await create(headers(), STANDARD, { prompt: 'x'.repeat(1_100_000) })
    expect(status).toBe(413)
    expect(json).toEqual({
      code: 422,
      message: 'Validation Error: Request body too large. The maximum size is 1048576 bytes.',
      data: null,
    })
  })
})

describe('CRUN routes and keys', () => {
  const server = useEmulator({ timing: 'instant' })
  const { headers, call, create } = crunClient(server, spec, 'routes-')

  it.each([
    ['GET', '/crun/api/v1/client/job/CancelTask'],
    ['GET', '/crun/api/v1/client/job/CreateTask'],
    ['POST', '/crun/api/v1/client/job/TaskInfo'],
    ['GET', '/crun/v1/images/generations'],
  ])(
    'answers %s %s, which it does not serve, with a real HTTP 404 in the envelope',
    async (method, path) => {
      const response = await fetch(
        server.url + path,
        method === 'POST' ? jsonRequest({}, headers()) : { headers: headers() },
      )
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual({ code: 404, message: 'Not Found', data: null })
    },
  )

  it('accepts the key header in any casing and a key of any form', async () => {
    const { 'x-api-key': _, ...rest } = headers()
    const { status, json } = await create({ ...rest, 'X-API-KEY': 'not-an-ak-key' }, STANDARD, {
      prompt: 'any key',
    })
    expect(status).toBe(200)
    expect(json.code).toBe(200)
  })

  it.each([
    ['a disabled key', { disabled: true }, { code: 401, message: 'Unauthorized' }],
    [
      'an address outside the IP allowlist',
      { ip_allowlist: ['10.0.0.0/8'] },
      { code: 401, message: 'Unauthorized' },
    ],
    [
      'a spend limit reached',
      { spend_limits: { total: 5 } },
      { code: 402, message: 'Insufficient Credits' },
    ],
  ])(
    "answers %s, set on the control plane, in CRUN's envelope with HTTP 200",
    async (_, patch, refusal) => {
      const h = headers()
      const put = await fetch(`${server.url}/__emulator/keys/crun/${h['x-api-key']}`, {
        method: 'PUT',
        headers: { ...h, 'content-type': 'application/json' },
        body: JSON.stringify(patch),
      })
      expect(put.status).toBe(200)
      const { status, json } = await create(h, STANDARD, { prompt: 'policy' })
      expect(status).toBe(200)
      expect(json).toEqual({ ...refusal, data: null })
    },
  )

  it('answers a key over its control-plane rate limit: body code 429, retry-after', async () => {
    const h = headers()
    const patch = { rate_limit: { capacity: 1, refill_per_second: 0.01 } }
    await fetch(`${server.url}/__emulator/keys/crun/${h['x-api-key']}`, {
      method: 'PUT',
      headers: { ...h, 'content-type': 'application/json' },
      body: JSON.stringify(patch),
    })
    expect((await call('GET', BALANCE, h)).json.code).toBe(200)
    const limited = await call('GET', BALANCE, h)
    expect(limited.status).toBe(200)
    expect(limited.json).toEqual({ code: 429, message: 'Rate Limited', data: null })
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
  })

  it("refuses an unknown X-Emulator-Error with the emulator's 400 listing the names", async () => {
    const response = await fetch(
      server.url + '/crun' + CREATE,
      jsonRequest(
        { model: STANDARD, input: { prompt: 'x' } },
        headers({ 'x-emulator-error': 'nope' }),
      ),
    )
    expect(response.status).toBe(400)
    const body = (await response.json()) as any
    expect(body.emulator_error.allowed).toEqual(CATALOGUE.map(([name]) => name))
  })
})

describe('CRUN models and uploads, every documented answer', () => {
  const server = useEmulator({ limits: { multipartBodyBytes: 4096 } })
  const { headers, call } = crunClient(server, spec, 'client-')
  const put = async (url: string, contentType: string, bytes: Uint8Array) => {
    const response = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': contentType },
      body: new Uint8Array(bytes),
    })
    const text = await response.text()
    await spec.check('PUT', new URL(url).pathname, response, text)
    return response.status
  }
  const get = async (url: string) => {
    const response = await fetch(url)
    await spec.check('GET', new URL(url).pathname, response, await response.text())
    return response.status
  }

  it('lists, describes, estimates, and refuses an unknown model with a 404', async () => {
    expect((await call('GET', '/api/v1/client/job/Models', headers())).json.code).toBe(200)
    const estimate = await call('POST', '/api/v1/client/job/EstimateTask', headers(), {
      model: STANDARD,
      input: { prompt: 'x' },
    })
    expect(estimate.json.data.affordable).toBe(true)
    const models = '/api/v1/client/job/Models/'
    const known = await call('GET', models + encodeURIComponent(PREMIUM), headers())
    expect(known.json.data.model).toBe(PREMIUM)
    const unknown = await call('GET', models + 'flux-2-pro', headers())
    expect(unknown.status).toBe(404)
  })

  it('answers the presigned PUT and the file URL, refusals with real 4xx', async () => {
    const { json } = await call(
      'GET',
      '/api/v1/client/files/upload-url?content_type=image/png',
      headers(),
    )
    const { presigned_url: presigned, file_url: fileUrl } = json.data
    expect(await get(fileUrl)).toBe(404)
    expect(await put(presigned, 'image/webp', await solidImage(4, 4, 'webp'))).toBe(422)
    expect(await put(presigned, 'image/png', new Uint8Array(5000))).toBe(413)
    expect(await put(`${presigned.slice(0, -1)}x`, 'image/png', await solidImage(4, 4))).toBe(404)
    expect(await put(presigned, 'image/png', await solidImage(4, 4))).toBe(200)
    expect(await get(fileUrl)).toBe(200)
  })
})

describe('CRUN spec coverage', () => {
  it('covers every response the spec documents', () => {
    expect(spec.unexercised()).toEqual([])
  })
})
