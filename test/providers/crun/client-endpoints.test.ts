/**
 * The endpoints CRUN's agent CLI (CrunTeam/crun-agent-skills, runtime/crun_cli.py) uses beside
 * CreateTask and TaskInfo: EstimateTask, Models, Models/{model}, and the upload-url / presigned
 * PUT / file URL round trip, called the way that CLI calls them.
 */
import { describe, expect, it } from 'vitest'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { useEmulator } from '../../support/emulator.js'
import { createSpecValidator } from '../../support/spec-validator.js'
import { solidImage } from '../../support/images.js'
import { crunClient, download } from './crun-client.js'

const spec = createSpecValidator('crun', '/crun')
const STANDARD = 'openai/gpt-image-2'
const STABLE = 'openai/gpt-image-2-stable'
const PREMIUM = 'openai/gpt-image-2-premium'
const ESTIMATE = '/api/v1/client/job/EstimateTask'
const MODELS = '/api/v1/client/job/Models'
const UPLOAD_URL = '/api/v1/client/files/upload-url'

/** A PUT as the CLI's put_file_to_presigned_url makes it: no API key, the content type. */
async function put(url: string, contentType: string, bytes: Uint8Array) {
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': contentType },
    body: new Uint8Array(bytes),
  })
  const text = await response.text()
  await spec.check('PUT', new URL(url).pathname, response, text)
  return { status: response.status, headers: response.headers, text }
}

describe('CRUN EstimateTask', () => {
  const server = useEmulator({ timing: 'instant', credits: { defaultBalance: 25 } })
  const { headers, call, create, balance } = crunClient(server, spec, 'estimate-')

  it.each([
    [STANDARD, {}, 10],
    [STABLE, { quality: 'high' }, 12],
    [PREMIUM, { resolution: '1K' }, 15],
    [PREMIUM, {}, 20],
    [PREMIUM, { resolution: '4K' }, 30],
  ])('prices %s %j as CreateTask charges it, charging nothing', async (model, input, price) => {
    const h = headers()
    const body = { model, input: { prompt: 'a fox', ...input } }
    const { status, json } = await call('POST', ESTIMATE, h, body)
    expect(status).toBe(200)
    expect(json).toEqual({
      code: 200,
      message: 'success',
      data: { estimated_credits: price, balance: 25, affordable: price <= 25 },
    })
    expect(await balance(h)).toBe(25)
    if (price > 25) return
    expect((await create(h, model, body.input)).json.code).toBe(200)
    expect(await balance(h)).toBe(25 - price)
  })

  it('says affordable: false when the balance falls short, and refuses nothing', async () => {
    const h = headers()
    expect((await create(h, STABLE, { prompt: 'a fox' })).json.code).toBe(200)
    const { json } = await call('POST', ESTIMATE, h, { model: STABLE, input: { prompt: 'x' } })
    expect(json.data).toEqual({ estimated_credits: 12, balance: 13, affordable: true })
    const short = await call('POST', ESTIMATE, h, { model: PREMIUM, input: { prompt: 'x' } })
    expect(short.json.data).toEqual({ estimated_credits: 20, balance: 13, affordable: false })
  })

  it.each([
    ['an unknown model', { model: 'openai/dall-e-3', input: { prompt: 'x' } }],
    ['no prompt', { model: STANDARD, input: {} }],
    ['a field of another channel', { model: STABLE, input: { prompt: 'x', resolution: '4K' } }],
    [
      'a data: URI',
      { model: STANDARD, input: { prompt: 'x', img_urls: ['data:image/png;base64,AA=='] } },
    ],
    [
      'a link-local callback_url',
      { model: STANDARD, input: { prompt: 'x' }, callback_url: 'http://169.254.169.254/cb' },
    ],
    ['an array body', [{ model: STANDARD }]],
  ])('refuses %s exactly as CreateTask does', async (_, body) => {
    const h = headers()
    const estimate = await call('POST', ESTIMATE, h, body)
    const created = await call('POST', '/api/v1/client/job/CreateTask', h, body)
    expect(estimate.json.code).toBe(422)
    expect(estimate.status).toBe(created.status)
    expect(estimate.json).toEqual(created.json)
    expect(await balance(h)).toBe(25)
  })
})

describe('CRUN Models', () => {
  const server = useEmulator()
  const { headers, call } = crunClient(server, spec, 'models-')

  it('lists the three gpt-image-2 channels, filtered by modality and operation', async () => {
    const all = await call('GET', MODELS, headers())
    expect(all.json.data.total).toBe(3)
    expect(all.json.data.models.map((m: { model: string }) => m.model)).toEqual([
      STANDARD,
      STABLE,
      PREMIUM,
    ])
    const edits = await call('GET', `${MODELS}?modality=image&operation=image-edit`, headers())
    expect(edits.json.data.total).toBe(3)
    const videos = await call('GET', `${MODELS}?modality=video`, headers())
    expect(videos.json.data).toEqual({ total: 0, models: [] })
  })

  it('describes a model by its slashed name, as sent raw by the CLI or escaped', async () => {
    const raw = await fetch(`${server.url}/crun${MODELS}/${PREMIUM}`, { headers: headers() })
    const text = await raw.text()
    await spec.check('GET', `/crun${MODELS}/${encodeURIComponent(PREMIUM)}`, raw, text)
    const described = JSON.parse(text)
    expect(described.data).toMatchObject({
      model: PREMIUM,
      quality_tier: 'high',
      required_input_fields: ['prompt'],
    })
    expect(described.data.input_schema.properties.resolution.enum).toEqual(['1K', '2K', '4K'])
    const escaped = await call('GET', `${MODELS}/${encodeURIComponent(STABLE)}`, headers())
    expect(escaped.json.data.input_schema.properties.output_format.enum).toEqual([
      'png',
      'jpeg',
      'webp',
    ])
  })

  it('gives input schemas that accept what CreateTask accepts and refuse what it refuses', async () => {
    const { json } = await call('GET', `${MODELS}/${encodeURIComponent(STABLE)}`, headers())
    const validate = new Ajv2020({ strict: false }).compile(json.data.input_schema)
    expect(validate({ prompt: 'x', quality: 'high' })).toBe(true)
    expect(validate({ prompt: 'x', resolution: '4K' })).toBe(false)
    expect(validate({})).toBe(false)
  })

  it("answers an unknown model with CRUN's 404", async () => {
    const { status, json } = await call(
      'GET',
      `${MODELS}/${encodeURIComponent('openai/dall-e-3')}`,
      headers(),
    )
    expect(status).toBe(404)
    expect(json).toEqual({ code: 404, message: 'Model not found: openai/dall-e-3', data: null })
  })
})

describe('CRUN uploads', () => {
  const server = useEmulator({ timing: 'instant', limits: { multipartBodyBytes: 4096 } })
  const { headers, call, run } = crunClient(server, spec, 'uploads-')
  const uploadUrl = (h: Record<string, string>, query: string) =>
    call('GET', `${UPLOAD_URL}?${query}`, h)

  it('uploads a PNG the way the CLI does and takes its file_url in img_urls', async () => {
    const h = headers()
    const png = await solidImage(32, 24)
    const { json } = await uploadUrl(h, 'content_type=image%2Fpng&ext=.png')
    expect(json.code).toBe(200)
    const { presigned_url: presigned, file_url: fileUrl } = json.data
    expect(presigned).toMatch(new RegExp(`^${server.url}/crun/__uploads/[0-9a-f]{32}$`))
    expect(fileUrl).toMatch(new RegExp(`^${server.url}/crun/resources/[0-9a-f]{32}\\.png$`))

    const stored = await put(presigned, 'image/png', png)
    expect(stored.status).toBe(200)
    expect(stored.text).toBe('')
    expect(stored.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/)

    const served = await fetch(fileUrl)
    await spec.check('GET', new URL(fileUrl).pathname, served.clone())
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true)

    const task = await run(h, STANDARD, { prompt: 'a hat on it', img_urls: [fileUrl] })
    expect(task.status).toBe('success')
    expect((await download(task.result.media_urls[0])).contentType).toBe('image/png')
  })

  it('takes jpeg with .jpg or jpeg, and names the file with the first extension by default', async () => {
    const h = headers()
    expect((await uploadUrl(h, 'content_type=image/jpeg&ext=jpg')).json.data.file_url).toMatch(
      /\.jpg$/,
    )
    expect((await uploadUrl(h, 'content_type=image/jpeg&ext=.JPEG')).json.data.file_url).toMatch(
      /\.jpeg$/,
    )
    expect((await uploadUrl(h, 'content_type=image/webp')).json.data.file_url).toMatch(/\.webp$/)
  })

  it.each([
    ['no content_type', 'ext=.png', "'content_type' is required."],
    [
      'a content_type it does not take',
      'content_type=video/mp4&ext=.mp4',
      "'content_type' must be one of: image/png, image/jpeg, image/webp.",
    ],
    [
      'an ext that does not fit',
      'content_type=image/png&ext=.jpg',
      "'ext' does not match content_type image/png: use .png.",
    ],
  ])('refuses an upload URL with %s: body code 422', async (_, query, what) => {
    const { status, json } = await uploadUrl(headers(), query)
    expect(status).toBe(200)
    expect(json).toEqual({ code: 422, message: `Validation Error: ${what}`, data: null })
  })

  it('needs the API key for an upload URL, but not for the PUT or the file', async () => {
    const refused = await fetch(`${server.url}/crun${UPLOAD_URL}?content_type=image/png`)
    expect(((await refused.json()) as { code: number }).code).toBe(401)
  })

  it('refuses a PUT of another type, of bytes that are not the image, or too large: real 4xx', async () => {
    const { json } = await uploadUrl(headers(), 'content_type=image/png&ext=.png')
    const { presigned_url: presigned, file_url: fileUrl } = json.data
    const wrongType = await put(presigned, 'image/jpeg', await solidImage(8, 8, 'jpeg'))
    expect(wrongType.status).toBe(422)
    expect(JSON.parse(wrongType.text)).toEqual({
      code: 422,
      message:
        'Validation Error: Content-Type must be image/png, the type the upload URL was issued for.',
      data: null,
    })
    const notPng = await put(presigned, 'image/png', Buffer.from('not a png at all'))
    expect(notPng.status).toBe(422)
    expect(JSON.parse(notPng.text).message).toBe('Validation Error: the body is not a png image.')
    const large = await put(presigned, 'image/png', new Uint8Array(5000))
    expect(large.status).toBe(413)
    expect(JSON.parse(large.text)).toEqual({
      code: 422,
      message: 'Validation Error: Request body too large. The maximum size is 4096 bytes.',
      data: null,
    })
    // Nothing refused was kept.
    const file = await fetch(fileUrl)
    const text = await file.text()
    await spec.check('GET', new URL(fileUrl).pathname, file, text)
    expect(file.status).toBe(404)
    expect(JSON.parse(text)).toEqual({ code: 404, message: 'File not found', data: null })
  })

  it("forgets a namespace's uploads when it is reset, and only that namespace's", async () => {
    const png = await solidImage(8, 8)
    const upload = async (h: Record<string, string>) => {
      const { presigned_url: presigned, file_url: fileUrl } = (
        await uploadUrl(h, 'content_type=image/png')
      ).json.data
      expect((await put(presigned, 'image/png', png)).status).toBe(200)
      return { presigned, fileUrl }
    }
    const [a, b] = [headers(), headers()]
    const [inA, inB] = [await upload(a), await upload(b)]
    const reset = await fetch(`${server.url}/__emulator/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ namespace: a['x-emulator-namespace'] }),
    })
    expect(reset.status).toBe(200)
    expect((await fetch(inA.fileUrl)).status).toBe(404)
    expect((await put(inA.presigned, 'image/png', png)).status).toBe(404)
    expect((await fetch(inB.fileUrl)).status).toBe(200)
  })

  it('answers a PUT to a token never issued with a 404', async () => {
    const unknown = await put(
      `${server.url}/crun/__uploads/${'0'.repeat(32)}`,
      'image/png',
      await solidImage(8, 8),
    )
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.text)).toEqual({
      code: 404,
      message: 'Upload URL not found or expired',
      data: null,
    })
  })
})
