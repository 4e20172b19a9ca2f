// Proves decodeSteering reads each X-Emulator-* header and refuses unknown headers and bad values.
import { describe, expect, it } from 'vitest'
import { checkErrorName, decodeSteering, type Steering } from '../../src/core/steering/decode.js'
import { EmulatorError } from '../../src/core/errors/emulator-error.js'
import { FAULT_TOKENS } from '../../src/core/faults/fault-actions.js'

const KNOWN = [
  'x-emulator-namespace',
  'x-emulator-seed',
  'x-emulator-timing',
  'x-emulator-error',
  'x-emulator-latency',
  'x-emulator-fault',
]

const decode = (headers: Record<string, string>) => decodeSteering(new Headers(headers))

/** The EmulatorError decoding these headers throws (fails the test if none is thrown). */
function refusal(headers: Record<string, string>): EmulatorError {
  try {
    decode(headers)
  } catch (err) {
    expect(err).toBeInstanceOf(EmulatorError)
    return err as EmulatorError
  }
  throw new Error(`expected ${JSON.stringify(headers)} to be refused`)
}

describe('decodeSteering', () => {
  it('gives the default namespace and no faults when no emulator header is sent', () => {
    expect(decode({ authorization: 'Bearer sk', 'x-request-id': 'r1' })).toEqual({
      namespace: 'default',
      namespaceNamed: false,
      faults: {},
    })
  })

  it("tells a namespace named 'default' from none named", () => {
    expect(decode({ 'x-emulator-namespace': 'default' }).namespaceNamed).toBe(true)
    expect(decode({}).namespaceNamed).toBe(false)
  })

  it('decodes each header into the steering value', () => {
    expect(
      decode({
        'X-Emulator-Namespace': 'suite-1.a_b',
        'X-Emulator-Seed': ' any seed, even with spaces ',
        'X-Emulator-Timing': ' fast ',
        'X-Emulator-Error': ' rate_limit_exceeded ',
        'X-Emulator-Latency': '100-400',
        'X-Emulator-Fault': 'truncate, task-fail:running:E42, callback-fail:2, callback-duplicate',
      }),
    ).toEqual<Steering>({
      namespace: 'suite-1.a_b',
      namespaceNamed: true,
      seed: 'any seed, even with spaces',
      timing: 'fast',
      faults: {
        error: 'rate_limit_exceeded',
        latency: { minMs: 100, maxMs: 400 },
        connection: { kind: 'truncate' },
        task: { stage: 'running', code: 'E42' },
        callback: { failFirst: 2, duplicate: true },
      },
    })
  })

  it('decodes explicit timing in milliseconds and a single latency', () => {
    expect(decode({ 'x-emulator-timing': 'queue = 0; run=1500' }).timing).toEqual({
      queueMs: 0,
      runMs: 1_500,
    })
    expect(decode({ 'x-emulator-latency': '250' }).faults.latency).toEqual({
      minMs: 250,
      maxMs: 250,
    })
  })

  it('decodes every fault token', () => {
    const faults = (token: string) => decode({ 'x-emulator-fault': token }).faults
    expect(faults('reset')).toEqual({ connection: { kind: 'reset' } })
    expect(faults('empty')).toEqual({ connection: { kind: 'empty' } })
    expect(faults('malformed')).toEqual({ connection: { kind: 'malformed' } })
    expect(faults('stream-cut:3')).toEqual({ connection: { kind: 'stream-cut', afterEvents: 3 } })
    expect(faults('task-fail:queued')).toEqual({ task: { stage: 'queued' } })
    expect(faults('callback-out-of-order')).toEqual({ callback: { outOfOrder: true } })
  })

  it('keeps X-Emulator-Error and -Latency beside a fault token list', () => {
    expect(
      decode({ 'x-emulator-fault': 'empty', 'x-emulator-error': 'e', 'x-emulator-latency': '5' })
        .faults,
    ).toEqual({ error: 'e', latency: { minMs: 5, maxMs: 5 }, connection: { kind: 'empty' } })
  })

  it('refuses an unknown X-Emulator-* header with unknown_header, listing the known ones', () => {
    const err = refusal({ 'X-Emulator-Namespace': 'ok', 'X-Emulator-Speed': 'fast' })
    expect(err.status).toBe(400)
    expect(err.toBody()).toEqual({
      emulator_error: {
        code: 'unknown_header',
        message: "Unknown emulator header 'x-emulator-speed'.",
        field: 'x-emulator-speed',
        allowed: KNOWN,
      },
    })
  })

  it.each([
    ['X-Emulator-Namespace', ''],
    ['X-Emulator-Namespace', 'has space'],
    ['X-Emulator-Namespace', 'x'.repeat(65)],
    ['X-Emulator-Namespace', 'a/b'],
    ['X-Emulator-Seed', ''],
    ['X-Emulator-Seed', '   '],
    ['X-Emulator-Seed', 's'.repeat(201)],
    ['X-Emulator-Timing', 'slow'],
    ['X-Emulator-Timing', 'queue=1;run='],
    ['X-Emulator-Timing', 'queue=12345678;run=1'],
    ['X-Emulator-Error', '  '],
    ['X-Emulator-Latency', 'soon'],
    ['X-Emulator-Latency', '400-100'],
    ['X-Emulator-Latency', '60001'],
    ['X-Emulator-Latency', '-5'],
    ['X-Emulator-Fault', 'explode'],
    ['X-Emulator-Fault', 'stream-cut:0'],
    ['X-Emulator-Fault', 'callback-fail:21'],
    ['X-Emulator-Fault', 'task-fail:later'],
    ['X-Emulator-Fault', 'reset,'],
  ])('refuses %s: %j with invalid_header naming the header', (header, value) => {
    const err = refusal({ [header]: value })
    expect(err.status).toBe(400)
    expect(err.code).toBe('invalid_header')
    expect(err.extra.field).toBe(header)
    expect(err.message).toContain(header)
  })

  it('accepts a seed of exactly 200 characters and a namespace of exactly 64', () => {
    const seed = 's'.repeat(200)
    const namespace = 'n'.repeat(64)
    expect(decode({ 'x-emulator-seed': seed, 'x-emulator-namespace': namespace })).toMatchObject({
      seed,
      namespace,
    })
  })

  it('lists what the header accepts for a bad timing or fault token', () => {
    expect(refusal({ 'x-emulator-timing': 'slow' }).extra.allowed).toEqual([
      'instant',
      'fast',
      'realistic',
      'queue=<ms>;run=<ms>',
    ])
    expect(refusal({ 'x-emulator-fault': 'explode' }).extra.allowed).toEqual([...FAULT_TOKENS])
    expect(refusal({ 'x-emulator-seed': '' }).extra.allowed).toBeUndefined()
  })

  it('refuses the first bad header in a fixed order, whatever order they were sent in', () => {
    const bad = { 'x-emulator-fault': 'explode', 'x-emulator-namespace': 'a b' }
    expect(refusal(bad).extra.field).toBe('X-Emulator-Namespace')
    expect(
      refusal({ 'x-emulator-namespace': 'a b', 'x-emulator-fault': 'explode' }).extra.field,
    ).toBe('X-Emulator-Namespace')
  })
})

describe('checkErrorName', () => {
  const steering = (error?: string): Steering => ({
    namespace: 'default',
    namespaceNamed: false,
    faults: error === undefined ? {} : { error },
  })

  it("accepts an X-Emulator-Error naming an entry of the provider's catalogue, or none", () => {
    expect(() =>
      checkErrorName(steering('rate_limited'), ['rate_limited', 'server_error']),
    ).not.toThrow()
    expect(() => checkErrorName(steering(), [])).not.toThrow()
  })

  it('refuses an X-Emulator-Error outside the catalogue: invalid_header, listing names', () => {
    let thrown: unknown
    try {
      checkErrorName(steering('nope'), ['rate_limited', 'server_error'])
    } catch (err) {
      thrown = err
    }
    expect(thrown).toBeInstanceOf(EmulatorError)
    expect((thrown as EmulatorError).status).toBe(400)
    expect((thrown as EmulatorError).toBody()).toEqual({
      emulator_error: {
        code: 'invalid_header',
        message: "Invalid X-Emulator-Error 'nope' for this provider.",
        field: 'X-Emulator-Error',
        allowed: ['rate_limited', 'server_error'],
      },
    })
  })
})
