/**
 * The log a person follows, from a running emulator: a failed callback attempt with the next
 * one's time, the give-up, the faults that fired (by rule and by header), a reset connection
 * shown as such, the reason of a refusal; and `--log json` printing JSON only, from its first
 * line (the start event) to its last.
 */
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { once } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startServer, type RunningEmulator } from '../src/server.js'
import { jsonRequest } from './support/emulator.js'

/** A port nothing listens on (just freed): every attempt there is refused at once. */
async function deadHook(): Promise<string> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}/hook?token=s3cret`
}
const AIVIDEOAPI = '/aivideoapi/v1/images/generations'
const KEY = { authorization: 'Bearer sk-test' }

function captureStdout(): () => string {
  let out = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()
    return true
  })
  return () => out
}

async function until(read: () => string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  while (!pattern.test(read())) {
    if (Date.now() > deadline) throw new Error(`no line matching ${pattern} in:\n${read()}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return read()
}

let running: RunningEmulator | undefined
afterEach(async () => {
  vi.restoreAllMocks()
  await running?.close()
  running = undefined
})

/** Drives everything the log should show against `url`. */
async function exercise(url: string): Promise<string> {
  const added = await fetch(
    `${url}/__emulator/faults`,
    jsonRequest({ match: { provider: 'gptproto' }, error: 'rate_limit_exceeded', times: 1 }),
  )
  const rule = (await added.json()) as { id: string }
  await fetch(
    `${url}/gptproto/v1/images/generations`,
    jsonRequest({ model: 'gpt-image-2', prompt: 'a cat' }, { authorization: 'sk-test' }),
  )
  await fetch(
    `${url}${AIVIDEOAPI}`,
    jsonRequest(
      { model: 'gpt-image-2', input: { prompt: 'a cat' } },
      { ...KEY, 'x-emulator-error': 'insufficient_credits' },
    ),
  )
  await expect(
    fetch(`${url}${AIVIDEOAPI}`, jsonRequest({}, { ...KEY, 'x-emulator-fault': 'reset' })),
  ).rejects.toThrow()
  await fetch(`${url}${AIVIDEOAPI}`, jsonRequest({ model: 'gpt-image-2', input: {} }))
  await fetch(
    `${url}${AIVIDEOAPI}`,
    jsonRequest(
      { model: 'gpt-image-2', callback_url: await deadHook(), input: { prompt: 'a cat' } },
      KEY,
    ),
  )
  return rule.id
}

describe('the request log', () => {
  it('shows failed callbacks, the give-up, faults, resets and refusal reasons', async () => {
    const stdout = captureStdout()
    running = await startServer({
      port: 0,
      host: '127.0.0.1',
      log: 'pretty',
      timing: 'instant',
      callbacks: { maxAttempts: 2, backoffMs: 50, timeoutMs: 2_000 },
    })
    const ruleId = await exercise(running.url)
    const out = await until(stdout, /gave up/)
    const lines = out.split('\n')
    const line = (pattern: RegExp) => lines.find((l) => pattern.test(l))

    // The fault rule's request: the fault line names the rule and what it did; 429's reason.
    expect(
      line(new RegExp(`fault  rule ${ruleId} on POST /gptproto/v1/images/generations`)),
    ).toMatch(/: error rate_limit_exceeded$/)
    expect(line(/POST +429 .*\/gptproto\/v1\/images\/generations/)).toMatch(/rate_limit_exceeded: /)
    expect(
      line(/fault {2}header on POST \/aivideoapi.*: error insufficient_credits$/),
    ).toBeDefined()
    // A reset is no 204: no status was sent, and the line says what happened.
    expect(
      line(/POST +--- .*\/aivideoapi\/v1\/images\/generations {2}connection reset$/),
    ).toBeDefined()
    expect(line(/fault {2}header on POST \/aivideoapi.*: connection reset$/)).toBeDefined()
    expect(lines.some((l) => / 204 /.test(l))).toBe(false)
    // The refusal names why: no key.
    expect(line(/POST +401 /)).toMatch(/missing_api_key: /)
    // The callback: attempt 1 of 2 failed, with when the next is due; then the give-up.
    expect(line(/callback aivideoapi task \S+ task\.completed/)).toMatch(
      /to http:\/\/127\.0\.0\.1:\d+\/hook\?token=REDACTED: attempt 1\/2 failed \(ECONNREFUSED[^)]*\), next in 50 ms \(\d\d:\d\d:\d\d\.\d{3}\)$/,
    )
    expect(line(/attempt 2\/2 failed/)).toMatch(/: gave up$/)
    expect(out).not.toContain('s3cret')
  })

  it('is JSON only under log json, every line type included', async () => {
    const stdout = captureStdout()
    running = await startServer({
      port: 0,
      host: '127.0.0.1',
      log: 'json',
      timing: 'instant',
      callbacks: { maxAttempts: 2, backoffMs: 50, timeoutMs: 2_000 },
    })
    await exercise(running.url)
    const out = await until(stdout, /callback_gave_up/)
    const events = out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; time: string; status?: number | null })
    expect(new Set(events.map((e) => e.event))).toEqual(
      new Set(['request', 'fault', 'callback_failed', 'callback_gave_up']),
    )
    expect(events.find((e) => e.event === 'request' && 'dropped' in e)).toMatchObject({
      status: null,
      dropped: 'connection reset',
    })
    expect(events.find((e) => e.event === 'request' && e.status === 401)).toMatchObject({
      reason: expect.stringMatching(/^missing_api_key: /) as unknown,
    })
  })
})

describe('the command under --log json', () => {
  it('prints one JSON object per line from its very first line, start to stop', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', '--log', 'json', '--timing', 'instant'],
      {
        env: { ...process.env, PORT: '0', HOST: '0.0.0.0', EMULATOR_NOT_A_SETTING: 'x' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    try {
      const first = await until(() => stdout, /\n/, 20_000)
      const listening = JSON.parse(first.split('\n')[0]!) as { event: string; url: string }
      expect(listening).toMatchObject({
        event: 'listening',
        bind: expect.stringMatching(/^0\.0\.0\.0:\d+$/) as unknown,
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) as unknown,
      })
      await fetch(`${listening.url}${AIVIDEOAPI}`, jsonRequest({}))
      await until(() => stdout, /"event":"request"/)
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      await exited
    } finally {
      child.kill('SIGKILL')
    }
    const lines = [...stdout.trimEnd().split('\n'), ...stderr.trimEnd().split('\n')]
    for (const line of lines) expect(() => JSON.parse(line) as unknown, line).not.toThrow()
    const events = lines.map((l) => (JSON.parse(l) as { event: string }).event)
    expect(events).toEqual(
      expect.arrayContaining(['listening', 'request', 'stopping', 'stopped', 'warning']),
    )
  })
})
