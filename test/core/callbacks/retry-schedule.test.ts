/**
 * Proves each provider's callback retry schedule on fake time: seconds under `fast` (the core
 * `maxAttempts` and doubling `backoffMs`), minutes under `realistic` (aivideoapi's documented 3
 * and 10 minutes, skills.video's and CRUN's inferred ones), chosen per request by
 * `X-Emulator-Timing`, and overridden per provider by `<provider>.callbacks`.
 */
import { describe, expect, it } from 'vitest'
import { createRuntime } from '../../../src/runtime.js'
import { createApp } from '../../../src/app.js'
import { resolveConfig, type EmulatorConfigInput } from '../../../src/config.js'
import {
  doublingDelays,
  retryDelaysFor,
  MINUTES_RETRY_DELAYS,
} from '../../../src/core/callbacks/retry-schedule.js'
import { createFakeTime } from '../../support/fake-time.js'

const MIN = 60_000
const HOOK = 'http://127.0.0.1:9/hook'

/** A create request per provider, with its callback (or webhook endpoint) set to HOOK. */
const CREATES = {
  aivideoapi: {
    path: '/aivideoapi/v1/images/generations',
    headers: { authorization: 'Bearer sk-test' },
    body: { model: 'gpt-image-2', callback_url: HOOK, input: { prompt: 'a cat' } },
    event: 'task.completed',
  },
  crun: {
    path: '/crun/api/v1/client/job/CreateTask',
    headers: { 'x-api-key': 'ak_test' },
    body: { model: 'openai/gpt-image-2', callback_url: HOOK, input: { prompt: 'a cat' } },
    event: 'task.success',
  },
  'skills-video': {
    path: '/skills-video/api/v1/generation/openai/gpt-image-2',
    headers: { authorization: 'Bearer k' },
    body: { prompt: 'a cat', aspect_ratio: '1:1', resolution: '1K' },
    event: 'task.completed',
  },
} as const

/**
 * Creates one task of `provider` with `timing`, every callback attempt answered 500, and
 * returns when each attempt of its final callback was made, in ms after the first.
 */
async function attemptOffsets(
  provider: keyof typeof CREATES,
  timing: 'fast' | 'realistic',
  config: EmulatorConfigInput = {},
): Promise<number[]> {
  const time = createFakeTime(Date.parse('2026-01-01T00:00:00Z'))
  const runtime = createRuntime(resolveConfig({ seed: 'schedule', ...config }), {
    clock: time.clock,
    scheduler: time.scheduler,
    fetch: () => Promise.resolve(new Response(null, { status: 500 })),
  })
  const app = createApp(runtime)
  const json = { 'content-type': 'application/json' }
  if (provider === 'skills-video')
    await app.request('/__emulator/webhooks', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ url: HOOK }),
    })
  const create = CREATES[provider]
  const res = await app.request(create.path, {
    method: 'POST',
    headers: { ...json, ...create.headers, 'x-emulator-timing': timing },
    body: JSON.stringify(create.body),
  })
  expect(res.status).toBe(200)
  // The task finishes within a minute (realistic), then every retry falls due within hours.
  await time.advance(5 * 60 * MIN)
  const attempts = (await runtime.deliveries.attempts({ provider })).filter(
    (a) => a.event === create.event,
  )
  runtime.close()
  expect(attempts.at(-1)?.outcome).toBe('failed')
  return attempts.map((a) => a.at - attempts[0]!.at)
}

/** The offsets of the attempts a list of waits gives: 0, then each wait added. */
const offsets = (waits: readonly number[]) =>
  waits.reduce((acc, w) => [...acc, acc.at(-1)! + w], [0])

describe('callback retry schedules', () => {
  it('are seconds under instant and fast, from maxAttempts and doubling backoffMs', () => {
    const core = { maxAttempts: 3, backoffMs: 1000, realisticRetryDelaysMs: [MIN] }
    expect(retryDelaysFor('fast', undefined, core)).toEqual([1000, 2000])
    expect(retryDelaysFor('instant', {}, core)).toEqual([1000, 2000])
    // Explicit `queue=;run=` milliseconds take the quick schedule too.
    expect(retryDelaysFor(undefined, {}, core)).toEqual([1000, 2000])
    expect(retryDelaysFor('realistic', {}, core)).toEqual([MIN])
    expect(retryDelaysFor('fast', { retryDelaysMs: [5] }, core)).toEqual([5])
    expect(retryDelaysFor('realistic', { realisticRetryDelaysMs: [7] }, core)).toEqual([7])
    expect(doublingDelays(1, 1000)).toEqual([])
    expect(doublingDelays(4, 100)).toEqual([100, 200, 400])
  })

  it.each(['aivideoapi', 'crun', 'skills-video'] as const)(
    '%s retries after 1 s then 2 s under fast timing (3 attempts)',
    async (provider) => {
      expect(await attemptOffsets(provider, 'fast')).toEqual([0, 1000, 3000])
    },
  )

  it('aivideoapi retries after 3 then 10 minutes under realistic timing, as documented', async () => {
    expect(await attemptOffsets('aivideoapi', 'realistic')).toEqual([0, 3 * MIN, 13 * MIN])
  })

  it('CRUN, documenting none, retries after 1, 5 and 15 minutes under realistic timing', async () => {
    expect(await attemptOffsets('crun', 'realistic')).toEqual(offsets(MINUTES_RETRY_DELAYS))
  })

  it("skills.video retries after Svix's 5 s, 5 min and 30 min under realistic timing", async () => {
    expect(await attemptOffsets('skills-video', 'realistic')).toEqual(
      offsets([5_000, 5 * MIN, 30 * MIN]),
    )
  })

  it('takes the realistic timing from the server default too, not only the header', async () => {
    const time = await attemptOffsets('aivideoapi', 'realistic', { timing: 'realistic' })
    expect(time).toEqual([0, 3 * MIN, 13 * MIN])
  })

  it("follows the core settings and each provider's own callbacks section", async () => {
    const config: EmulatorConfigInput = {
      callbacks: { maxAttempts: 4, backoffMs: 100, realisticRetryDelaysMs: [2 * MIN] },
      aivideoapi: { callbacks: { retryDelaysMs: [50, 50], realisticRetryDelaysMs: [MIN] } },
    }
    expect(await attemptOffsets('crun', 'fast', config)).toEqual([0, 100, 300, 700])
    expect(await attemptOffsets('crun', 'realistic', config)).toEqual([0, 2 * MIN])
    expect(await attemptOffsets('aivideoapi', 'fast', config)).toEqual([0, 50, 100])
    expect(await attemptOffsets('aivideoapi', 'realistic', config)).toEqual([0, MIN])
  })
})
