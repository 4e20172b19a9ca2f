/**
 * Proves the log's lines, readable and JSON: a request with its refusal reason or dropped
 * connection, a fired fault with its rule or header, failed callback attempts with the next
 * attempt's time, the give-up, and the start banner's bind address and JSON event.
 */
import { describe, expect, it } from 'vitest'
import { createLog, formatWait, renderEntry } from '../../../src/core/log/log.js'
import { faultEntry, faultSource, requestEntry } from '../../../src/core/log/request-lines.js'
import { deliveryEntry } from '../../../src/core/log/delivery-lines.js'
import type { DeliveryAttempt } from '../../../src/core/callbacks/delivery.js'
import { startBanner, startEvents } from '../../../src/cli/banner.js'
import { resolveConfig } from '../../../src/config.js'
import type { RunningEmulator } from '../../../src/server.js'

const TIME = Date.parse('2026-01-01T12:00:00.000Z')
const REQUEST = {
  time: TIME,
  requestId: 'req_1',
  method: 'POST',
  path: '/aivideoapi/v1/images/generations',
  provider: 'aivideoapi',
}

const json = (entry: Parameters<typeof renderEntry>[1]) =>
  JSON.parse(renderEntry('json', entry)) as Record<string, unknown>

describe('request lines', () => {
  it('name why a request was refused', () => {
    const entry = requestEntry({
      ...REQUEST,
      status: 401,
      latencyMs: 1.5,
      reason: 'missing_api_key: Missing API key: send it in the Authorization header.',
    })
    expect(renderEntry('pretty', entry)).toBe(
      '12:00:00.000 POST   401     1.5 ms  /aivideoapi/v1/images/generations  ' +
        'missing_api_key: Missing API key: send it in the Authorization header.',
    )
    expect(json(entry)).toEqual({
      time: '2026-01-01T12:00:00.000Z',
      event: 'request',
      request_id: 'req_1',
      method: 'POST',
      path: '/aivideoapi/v1/images/generations',
      provider: 'aivideoapi',
      status: 401,
      latency_ms: 1.5,
      reason: 'missing_api_key: Missing API key: send it in the Authorization header.',
    })
  })

  it('show a dropped connection as such, with no status', () => {
    const entry = requestEntry({
      ...REQUEST,
      status: null,
      latencyMs: 2,
      dropped: 'connection reset',
    })
    expect(entry.text).toBe(
      '12:00:00.000 POST   ---       2 ms  /aivideoapi/v1/images/generations  connection reset',
    )
    expect(json(entry)).toMatchObject({ status: null, dropped: 'connection reset' })
  })

  it('name the fault that fired: its rules, or the header, and what it did', () => {
    expect(faultSource({ ruleIds: ['f_1'], header: false })).toBe('rule f_1')
    expect(faultSource({ ruleIds: ['f_1', 'f_2'], header: false })).toBe('rules f_1, f_2')
    expect(faultSource({ ruleIds: [], header: true })).toBe('header')
    expect(faultSource({ ruleIds: ['f_1'], header: true })).toBe('rule f_1 and header')
    const entry = faultEntry(
      { ruleIds: ['f_1'], header: false, action: 'error rate_limit_exceeded' },
      REQUEST,
    )
    expect(entry.text).toBe(
      '12:00:00.000 fault  rule f_1 on POST /aivideoapi/v1/images/generations: ' +
        'error rate_limit_exceeded',
    )
    expect(json(entry)).toMatchObject({
      event: 'fault',
      request_id: 'req_1',
      rules: ['f_1'],
      header: false,
      action: 'error rate_limit_exceeded',
    })
  })
})

describe('delivery lines', () => {
  const attempt = (overrides: Partial<DeliveryAttempt>): DeliveryAttempt => ({
    deliveryId: 'cb_1',
    provider: 'aivideoapi',
    namespace: 'default',
    taskId: 't1',
    event: 'task.completed',
    url: 'http://app.test/hook?token=s3cret',
    attempt: 1,
    at: TIME,
    status: 500,
    latencyMs: 3,
    error: 'HTTP 500',
    outcome: 'retrying',
    ...overrides,
  })

  it('give a failed attempt, its place, its error and when the next is due; url redacted', () => {
    const entry = deliveryEntry(
      attempt({}),
      { kind: 'scheduled', maxAttempts: 3, nextAttemptInMs: 180_000 },
      TIME,
    )!
    expect(entry.text).toBe(
      '12:00:00.000 callback aivideoapi task t1 task.completed to ' +
        'http://app.test/hook?token=REDACTED: attempt 1/3 failed (HTTP 500), next in 3 min ' +
        '(12:03:00.000)',
    )
    expect(json(entry)).toMatchObject({
      event: 'callback_failed',
      provider: 'aivideoapi',
      task_id: 't1',
      callback_event: 'task.completed',
      url: 'http://app.test/hook?token=REDACTED',
      attempt: 1,
      max_attempts: 3,
      status: 500,
      error: 'HTTP 500',
      next_attempt_in_ms: 180_000,
      next_attempt_at: '2026-01-01T12:03:00.000Z',
    })
  })

  it('give the give-up, and a delivery that got through after failing', () => {
    const gaveUp = deliveryEntry(
      attempt({ attempt: 3, status: null, error: 'ECONNREFUSED: connect', outcome: 'failed' }),
      { kind: 'scheduled', maxAttempts: 3, nextAttemptInMs: null },
      TIME,
    )!
    expect(gaveUp.event).toBe('callback_gave_up')
    expect(gaveUp.text).toMatch(/: attempt 3\/3 failed \(ECONNREFUSED: connect\): gave up$/)
    const late = deliveryEntry(
      attempt({ attempt: 2, status: 200, error: null, outcome: 'delivered' }),
      { kind: 'scheduled', maxAttempts: 3, nextAttemptInMs: null },
      TIME,
    )!
    expect(late.text).toMatch(/: delivered on attempt 2\/3$/)
  })

  it('leave out first attempts that got through: the deliveries view has them', () => {
    const report = { kind: 'scheduled', maxAttempts: 3, nextAttemptInMs: null } as const
    expect(
      deliveryEntry(attempt({ status: 200, error: null, outcome: 'delivered' }), report, TIME),
    ).toBeNull()
  })
})

describe('the log', () => {
  it('writes nothing when off, and each entry in its format otherwise', () => {
    const lines: string[] = []
    const entry = requestEntry({ ...REQUEST, status: 200, latencyMs: 1 })
    createLog('off', (line) => lines.push(line)).write(entry)
    expect(lines).toEqual([])
    createLog('json', (line) => lines.push(line)).write(entry)
    createLog('pretty', (line) => lines.push(line)).write(entry)
    expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'request', status: 200 })
    expect(lines[1]).toBe(entry.text)
  })

  it('words waits in the unit a person reads', () => {
    expect([250, 2_000, 1_500, 180_000, 90_000, 5_400_000].map(formatWait)).toEqual([
      '250 ms',
      '2 s',
      '1.5 s',
      '3 min',
      '1.5 min',
      '1.5 h',
    ])
  })
})

describe('the start banner', () => {
  const running = (host: string): RunningEmulator =>
    ({
      url: 'http://127.0.0.1:4010',
      port: 4010,
      runtime: { config: resolveConfig({ host, providers: ['crun'] }) },
    }) as unknown as RunningEmulator

  it('names the bind address and how to reach it when bound to every interface', () => {
    const { out, err } = startBanner(running('0.0.0.0'))
    expect(out[0]).toMatch(
      /listening on 0\.0\.0\.0:4010 \(emulate, timing fast\); reach it at http:\/\/127\.0\.0\.1:4010 from this machine, or http:\/\/<host>:4010 from a container network/,
    )
    expect(out).toContain('  crun          http://127.0.0.1:4010/crun')
    expect(err).toEqual([expect.stringMatching(/^warning: listening on 0\.0\.0\.0, reachable/)])
  })

  it('keeps the one URL when bound to loopback', () => {
    expect(startBanner(running('127.0.0.1')).out[0]).toMatch(
      /listening on http:\/\/127\.0\.0\.1:4010 \(emulate, timing fast\)$/,
    )
  })

  it('is one JSON object per line under --log json', () => {
    const { out, err } = startEvents(running('0.0.0.0'))
    expect(json(out[0]!)).toMatchObject({
      event: 'listening',
      url: 'http://127.0.0.1:4010',
      bind: '0.0.0.0:4010',
      mode: 'emulate',
      timing: 'fast',
      providers: [{ id: 'crun', url: 'http://127.0.0.1:4010/crun' }],
    })
    expect(err.map(json)).toEqual([
      expect.objectContaining({
        event: 'warning',
        message: expect.stringMatching(/^listening on/),
      }),
    ])
  })
})
