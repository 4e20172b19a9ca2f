/**
 * CRUN tasks over real HTTP: the lifecycle, each channel's fields, sizes and formats, and credits.
 */
import { describe, expect, it } from 'vitest'
import { useEmulator } from '../../support/emulator.js'
import { createSpecValidator } from '../../support/spec-validator.js'
import { decode } from '../../support/images.js'
import { crunClient, download } from './crun-client.js'

const server = useEmulator({ timing: 'instant' })
const spec = createSpecValidator('crun', '/crun')
const { headers, create, taskInfo, balance, untilDone, run } = crunClient(server, spec)

const STANDARD = 'openai/gpt-image-2'
const STABLE = 'openai/gpt-image-2-stable'
const PREMIUM = 'openai/gpt-image-2-premium'
/** Tasks that stay queued for the whole test, so nothing is rendered while credits are counted. */
const NEVER_RUNS = { 'x-emulator-timing': 'queue=600000;run=0' }

describe('CRUN task lifecycle', () => {
  it('goes pending -> running -> success, each polled, and serves a 1024x1024 PNG', async () => {
    // Each state lasts 600 ms: seen by a 20 ms poll even when the machine is busy.
    const h = headers({ 'x-emulator-timing': 'queue=600;run=600' })
    const created = await create(h, STANDARD, { prompt: 'A watercolor fox in a snowy forest' })
    expect(created.status).toBe(200)
    expect(created.json).toEqual({
      code: 200,
      message: 'success',
      data: { task_id: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    })
    const id = created.json.data.task_id

    const seen = await untilDone(h, id)
    expect(seen.map((data) => data.status)).toEqual(['pending', 'running', 'success'])
    expect(seen[0]).toEqual({
      task_id: id,
      provider: 'OpenAI',
      model_version: 'gpt-image-2',
      status: 'pending',
      param: {
        model: STANDARD,
        callback_url: null,
        input: { prompt: 'A watercolor fox in a snowy forest', aspect_ratio: '1:1' },
      },
      create_at: expect.any(Number),
      result: null,
      credits: 10,
      duration_s: null,
      complete_at: null,
      source: 'api',
    })
    expect(seen[1]).toMatchObject({
      status: 'running',
      result: null,
      duration_s: null,
      complete_at: null,
    })

    const done = seen.at(-1)
    expect(done).toMatchObject({
      status: 'success',
      result: {
        code: 200,
        message: 'generation success',
        media_urls: [expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/files\/.+\.png$/)],
      },
      credits: 10,
    })
    expect(done.duration_s).toBeGreaterThan(0.2)
    expect(done.duration_s).toBeLessThan(1)
    expect(done.complete_at).toBeGreaterThanOrEqual(done.create_at)

    const image = await download(done.result.media_urls[0])
    expect(image.contentType).toBe('image/png')
    expect(await decode(image.bytes)).toMatchObject({ format: 'png', width: 1024, height: 1024 })
  })

  it('echoes the callback_url in param when one is sent', async () => {
    const h = headers()
    const done = await run(
      h,
      STANDARD,
      { prompt: 'echo' },
      { callback_url: 'https://your-domain.com/api/callback' },
    )
    expect(done.param.callback_url).toBe('https://your-domain.com/api/callback')
  })

  it('keeps reference images by URL in param.input', async () => {
    const urls = ['https://files.crun.ai/resources/a.png', 'http://static.crunai.com/u/b.jpg']
    const done = await run(headers(), STANDARD, {
      prompt: 'blend these',
      img_urls: urls,
      aspect_ratio: '3:2',
    })
    expect(done.param.input).toEqual({ prompt: 'blend these', img_urls: urls, aspect_ratio: '3:2' })
    expect(done.status).toBe('success')
  })
})

describe('CRUN channels', () => {
  it('fills stable defaults: medium quality, auto background, png, low moderation', async () => {
    const done = await run(headers(), STABLE, { prompt: 'stable defaults' })
    expect(done.model_version).toBe('gpt-image-2-stable')
    expect(done.param).toEqual({
      model: STABLE,
      callback_url: null,
      input: {
        prompt: 'stable defaults',
        aspect_ratio: '1:1',
        quality: 'medium',
        background: 'auto',
        output_format: 'png',
        moderation: 'low',
      },
    })
    expect(done.credits).toBe(12)
  })

  it('echoes the stable fields as sent', async () => {
    const input = {
      prompt: 'stable as sent',
      aspect_ratio: '16:9',
      quality: 'high',
      background: 'opaque',
      output_format: 'webp',
      moderation: 'auto',
    }
    const done = await run(headers(), STABLE, input)
    expect(done.param.input).toEqual(input)
  })

  it('fills the premium channel defaults: high quality at 2K, rendered 2048x2048', async () => {
    const done = await run(headers(), PREMIUM, { prompt: 'premium defaults' })
    expect(done.model_version).toBe('gpt-image-2-premium')
    expect(done.param).toEqual({
      model: PREMIUM,
      callback_url: null,
      input: { prompt: 'premium defaults', aspect_ratio: '1:1', quality: 'high', resolution: '2K' },
    })
    expect(done.credits).toBe(20)
    expect(await decode((await download(done.result.media_urls[0])).bytes)).toMatchObject({
      format: 'png',
      width: 2048,
      height: 2048,
    })
  })

  it.each([
    [STANDARD, { aspect_ratio: 'auto' }, 1024, 1024],
    [STANDARD, { aspect_ratio: '16:9' }, 1536, 864],
    [STANDARD, { aspect_ratio: '21:9' }, 2016, 864],
    [STANDARD, { aspect_ratio: '2:3' }, 1024, 1536],
    [STABLE, { aspect_ratio: '3:4' }, 768, 1024],
    [STABLE, { aspect_ratio: '5:4', quality: 'low' }, 1280, 1024],
    [PREMIUM, { aspect_ratio: '4:5', resolution: '1K' }, 1024, 1280],
    [PREMIUM, { aspect_ratio: '9:21' }, 1152, 2688],
    [PREMIUM, { aspect_ratio: '16:9', resolution: '4K' }, 3840, 2160],
    [PREMIUM, { aspect_ratio: 'auto', resolution: '4K' }, 2880, 2880],
  ])('renders %s with %j at %ix%i', async (model, sizing, width, height) => {
    const done = await run(headers(), model, { prompt: 'sizes', ...sizing })
    expect(await decode((await download(done.result.media_urls[0])).bytes)).toMatchObject({
      width,
      height,
    })
  })

  it.each([
    ['jpeg', 'image/jpeg'],
    ['webp', 'image/webp'],
    ['png', 'image/png'],
  ])(
    'renders the stable channel as %s when output_format asks for it',
    async (format, contentType) => {
      const done = await run(headers(), STABLE, {
        prompt: 'formats',
        output_format: format,
        aspect_ratio: '4:3',
      })
      expect(done.result.media_urls[0]).toMatch(
        new RegExp(`\\.${format === 'jpeg' ? 'jpe?g' : format}$`),
      )
      const image = await download(done.result.media_urls[0])
      expect(image.contentType).toBe(contentType)
      expect(await decode(image.bytes)).toMatchObject({ format, width: 1024, height: 768 })
    },
  )

  it.each(['png', 'webp'])(
    'renders a transparent stable background in %s with an alpha channel',
    async (format) => {
      const done = await run(headers(), STABLE, {
        prompt: 'cut out',
        background: 'transparent',
        output_format: format,
      })
      expect(await decode((await download(done.result.media_urls[0])).bytes)).toMatchObject({
        format,
        hasAlpha: true,
      })
    },
  )

  it('renders the standard and premium channels as PNG', async () => {
    for (const model of [STANDARD, PREMIUM]) {
      const done = await run(headers(), model, {
        prompt: 'png only',
        ...(model === PREMIUM && { resolution: '1K' }),
      })
      expect((await download(done.result.media_urls[0])).contentType).toBe('image/png')
    }
  })
})

describe('CRUN task failures from faults and the control plane', () => {
  it('fails a task-fail:running task with result code 501, and refunds it', async () => {
    const h = headers({ 'x-emulator-fault': 'task-fail:running' })
    const { json } = await create(h, STABLE, { prompt: 'doomed' })
    const { 'x-emulator-fault': _, ...plain } = h
    const done = (await untilDone(plain, json.data.task_id)).at(-1)
    expect(done).toMatchObject({
      status: 'failed',
      credits: 0,
      result: { code: 501, message: 'Generation Failed', media_urls: [] },
    })
    expect(await balance(plain)).toBe(1000)
  })

  it('carries the numeric code a task-fail fault names into result.code', async () => {
    const h = headers({ 'x-emulator-fault': 'task-fail:queued:500' })
    const { json } = await create(h, STANDARD, { prompt: 'doomed early' })
    const done = (await untilDone(h, json.data.task_id)).at(-1)
    expect(done).toMatchObject({
      status: 'failed',
      result: { code: 500, message: 'Generation Failed' },
    })
  })

  it.each([
    ['fail', {}, { code: 501, message: 'Generation Failed' }],
    [
      'fail',
      { message: 'Upstream refused the prompt' },
      { code: 501, message: 'Upstream refused the prompt' },
    ],
    ['cancel', undefined, { code: 501, message: 'Generation Failed' }],
  ])(
    'reads a task ended by POST /__emulator/tasks/{id}/%s as failed',
    async (action, body, result) => {
      const h = headers(NEVER_RUNS)
      const { json } = await create(h, PREMIUM, { prompt: 'stopped', resolution: '1K' })
      const init =
        body === undefined
          ? { method: 'POST', headers: h }
          : {
              method: 'POST',
              headers: { ...h, 'content-type': 'application/json' },
              body: JSON.stringify(body),
            }
      expect(
        (await fetch(`${server.url}/__emulator/tasks/${json.data.task_id}/${action}`, init)).status,
      ).toBe(200)
      expect((await taskInfo(h, json.data.task_id)).json.data).toMatchObject({
        status: 'failed',
        credits: 0,
        result: { ...result, media_urls: [] },
      })
      expect(await balance(h)).toBe(1000)
    },
  )
})

describe('CRUN credits', () => {
  it('charges each channel its price and shows every charge on the balance', async () => {
    const h = headers(NEVER_RUNS)
    expect(await balance(h)).toBe(1000)
    const charges: [string, Record<string, unknown>, number][] = [
      [STANDARD, {}, 10],
      [STABLE, {}, 12],
      [PREMIUM, { resolution: '1K' }, 15],
      [PREMIUM, { resolution: '2K' }, 20],
      [PREMIUM, { resolution: '4K' }, 30],
    ]
    for (const [model, input, credits] of charges) {
      const { json } = await create(h, model, { prompt: 'priced', ...input })
      expect((await taskInfo(h, json.data.task_id)).json.data).toMatchObject({
        status: 'pending',
        credits,
      })
    }
    expect(await balance(h)).toBe(913)
  })

  it.each([STANDARD, STABLE, PREMIUM])(
    'refunds a %s task that fails on a trigger term: result code 501, credits 0',
    async (model) => {
      const h = headers({ 'x-emulator-timing': 'queue=30;run=150' })
      const { json } = await create(h, model, { prompt: 'this is unsafe-content' })
      const seen = await untilDone(h, json.data.task_id)
      expect(seen.map((data) => data.status)).toEqual(['pending', 'running', 'failed'])
      expect(seen[1].credits).toBeGreaterThan(0)
      expect(seen.at(-1)).toMatchObject({
        status: 'failed',
        result: { code: 501, message: 'Generation Failed', media_urls: [] },
        credits: 0,
        duration_s: expect.any(Number),
        complete_at: expect.any(Number),
      })
      expect(await balance(h)).toBe(1000)
    },
  )

  it('answers a short balance with HTTP 200, body code 402, charging nothing', async () => {
    const h = headers(NEVER_RUNS)
    for (let i = 0; i < 33; i++)
      expect((await create(h, PREMIUM, { prompt: 'spend', resolution: '4K' })).json.code).toBe(200)
    const refused = await create(h, PREMIUM, { prompt: 'one too many', resolution: '4K' })
    expect(refused.status).toBe(200)
    expect(refused.json).toEqual({ code: 402, message: 'Insufficient Credits', data: null })
    expect(await balance(h)).toBe(10)
    expect((await create(h, STANDARD, { prompt: 'still affordable' })).json.code).toBe(200)
    expect(await balance(h)).toBe(0)
  })

  it('keeps separate balances per key', async () => {
    const h = headers(NEVER_RUNS)
    await create(h, STABLE, { prompt: 'mine' })
    expect(await balance(h)).toBe(988)
    expect(await balance({ ...h, 'x-api-key': 'ak_someone_else' })).toBe(1000)
  })
})
