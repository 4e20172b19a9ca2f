// Proves fault rules match requests, fire a limited number of times, repeat by seed, per namespace.
import { describe, expect, it } from 'vitest'
import { createFaultRules } from '../../../src/core/faults/fault-rules.js'
import { faultRequest, faultRule } from '../../support/store-fixtures.js'

const request = faultRequest
const rule = faultRule

describe('fault rules', () => {
  it('names the rules that fired, in the order they were added', () => {
    const rules = createFaultRules('seed')
    const first = rules.add('default', rule({ plan: { latency: { minMs: 5, maxMs: 5 } } }))
    rules.add('default', rule({ match: { provider: 'gptproto' } }))
    const third = rules.add('default', rule())
    expect(rules.fire(request()).ruleIds).toEqual([first.id, third.id])
  })

  it('fires a rule with an empty match on every request of its namespace', () => {
    const rules = createFaultRules('seed')
    rules.add('default', rule())
    expect(rules.fire(request()).plan).toEqual({ error: 'rate_limit_exceeded' })
    expect(rules.fire(request({ provider: 'gptproto', method: 'GET' })).plan).toEqual({
      error: 'rate_limit_exceeded',
    })
  })

  it.each([
    ['provider', { provider: 'crun' }, { provider: 'aivideoapi' }],
    ['method, in any case', { method: 'post' }, { method: 'GET' }],
    ['a substring of the path', { path: 'generations' }, { path: '/v1/images/edits' }],
    ['the key exactly', { key: 'sk-test' }, { key: 'sk-test-2' }],
    [
      'a case-insensitive substring of the prompt',
      { promptContains: 'RED FOX' },
      { prompt: 'a blue fox' },
    ],
  ] as const)('matches on %s and not on other requests', (_, match, miss) => {
    const rules = createFaultRules('seed')
    rules.add('default', rule({ match }))
    expect(rules.fire(request()).plan).toEqual({ error: 'rate_limit_exceeded' })
    expect(rules.fire(request(miss)).plan).toEqual({})
  })

  it('does not match a prompt rule when the request has no prompt', () => {
    const rules = createFaultRules('seed')
    rules.add('default', rule({ match: { promptContains: 'fox' } }))
    expect(rules.fire(request({ prompt: undefined })).plan).toEqual({})
    expect(rules.needsPrompt('default')).toBe(true)
    expect(rules.needsPrompt('other')).toBe(false)
  })

  it('needs every field of the match to agree', () => {
    const rules = createFaultRules('seed')
    rules.add('default', rule({ match: { provider: 'crun', key: 'sk-test', path: '/edits' } }))
    expect(rules.fire(request()).plan).toEqual({})
    expect(rules.fire(request({ path: '/v1/images/edits' })).plan).toEqual({
      error: 'rate_limit_exceeded',
    })
  })

  it('fires at most `times` times, counting matches and firings', () => {
    const rules = createFaultRules('seed')
    const { id } = rules.add('default', rule({ times: 2 }))
    const fired = Array.from({ length: 4 }, () => rules.fire(request()).plan.error ?? null)
    expect(fired).toEqual(['rate_limit_exceeded', 'rate_limit_exceeded', null, null])
    expect(rules.list('default')).toMatchObject([{ id, matched: 2, fired: 2 }])
  })

  it('merges the plans of every rule that fires, later rules winning', () => {
    const rules = createFaultRules('seed')
    rules.add('default', rule({ plan: { error: 'first', latency: { minMs: 5, maxMs: 5 } } }))
    rules.add('default', rule({ plan: { error: 'second', task: { stage: 'queued' } } }))
    rules.add('default', rule({ match: { provider: 'other' }, plan: { error: 'never' } }))
    expect(rules.fire(request()).plan).toEqual({
      error: 'second',
      latency: { minMs: 5, maxMs: 5 },
      task: { stage: 'queued' },
    })
  })

  it('merges the callback faults of rules that both set some', () => {
    const rules = createFaultRules('seed')
    rules.add('default', rule({ plan: { callback: { failFirst: 2 } } }))
    rules.add('default', rule({ plan: { callback: { duplicate: true } } }))
    expect(rules.fire(request()).plan).toEqual({ callback: { failFirst: 2, duplicate: true } })
  })

  it('fires a probability rule on a seeded sequence that repeats exactly after reset', () => {
    const draw = (rules: ReturnType<typeof createFaultRules>) => {
      rules.add('default', rule({ probability: 0.5 }))
      return Array.from({ length: 40 }, () => (rules.fire(request()).plan.error ? 1 : 0)).join('')
    }
    const rules = createFaultRules('seed-a')
    const first = draw(rules)
    expect(first).toMatch(/1/)
    expect(first).toMatch(/0/)
    rules.reset('default')
    expect(draw(rules)).toBe(first)
    expect(draw(createFaultRules('seed-a'))).toBe(first)
    expect(draw(createFaultRules('seed-b'))).not.toBe(first)
    expect(rules.list('default')[0]).toMatchObject({
      matched: 40,
      fired: first.split('1').length - 1,
    })
  })

  it('never fires a rule with probability 0, yet counts its matches', () => {
    const rules = createFaultRules('seed')
    rules.add('default', rule({ probability: 0 }))
    for (let i = 0; i < 20; i++) expect(rules.fire(request()).plan).toEqual({})
    expect(rules.list('default')[0]).toMatchObject({ matched: 20, fired: 0 })
  })

  it("keeps rules per namespace: one namespace's rules never fire for another", () => {
    const rules = createFaultRules('seed')
    rules.add('a', rule({ plan: { error: 'from_a' } }))
    rules.add('b', rule({ plan: { error: 'from_b' } }))
    expect(rules.fire(request({ namespace: 'a' })).plan).toEqual({ error: 'from_a' })
    expect(rules.fire(request({ namespace: 'b' })).plan).toEqual({ error: 'from_b' })
    expect(rules.fire(request({ namespace: 'c' })).plan).toEqual({})

    rules.reset('a')
    expect(rules.list('a')).toEqual([])
    expect(rules.fire(request({ namespace: 'a' })).plan).toEqual({})
    expect(rules.fire(request({ namespace: 'b' })).plan).toEqual({ error: 'from_b' })
    rules.reset()
    expect(rules.list('b')).toEqual([])
  })

  it('numbers rules per namespace, never reusing an id until the namespace is reset', () => {
    const rules = createFaultRules('seed')
    expect(rules.add('a', rule()).id).toBe('fault_1')
    expect(rules.add('a', rule()).id).toBe('fault_2')
    expect(rules.add('b', rule()).id).toBe('fault_1')

    expect(rules.remove('a', 'fault_2')).toBe(true)
    expect(rules.remove('a', 'fault_2')).toBe(false)
    expect(rules.remove('b', 'fault_9')).toBe(false)
    expect(rules.add('a', rule()).id).toBe('fault_3')
    expect(rules.list('a').map((r) => r.id)).toEqual(['fault_1', 'fault_3'])
    expect(rules.list('b').map((r) => r.id)).toEqual(['fault_1'])

    rules.reset('a')
    expect(rules.add('a', rule()).id).toBe('fault_1')
    expect(rules.add('b', rule()).id).toBe('fault_2')
  })

  it('lists rules without their generator, with namespace and counters', () => {
    const rules = createFaultRules('seed')
    const input = rule({ match: { provider: 'crun' }, times: 3 })
    rules.add('default', input)
    expect(rules.list('default')).toEqual([
      { ...input, id: 'fault_1', namespace: 'default', matched: 0, fired: 0 },
    ])
  })
})
