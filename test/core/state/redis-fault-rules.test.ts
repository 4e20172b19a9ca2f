// Proves the Redis fault rules answer as the memory ones do, and hold across replicas: a rule
// added on one fires on the next request to another, and a limit holds under concurrent firing.
import { expect, it } from 'vitest'
import { createFaultRules, type FaultStore } from '../../../src/core/faults/fault-rules.js'
import { asAsync } from '../../../src/core/state/async.js'
import { createRedisFaultStore } from '../../../src/core/state/redis/fault-rules.js'
import { describeWithRedis } from '../../support/needs-redis.js'
import { useRedis } from '../../support/redis-replicas.js'
import { faultRequest, faultRule } from '../../support/store-fixtures.js'

const db = useRedis('faults')

/** Fault stores of replicas `a`, `b`, …: each its own connection, all under one fresh prefix. */
const replicas = (count: number, seed = 'seed') =>
  db.replicas(count, (context, i) =>
    createRedisFaultStore(context, seed, String.fromCharCode(97 + i)),
  )

const request = faultRequest
const rule = faultRule

/**
 * The same steps on memory rules and on replica `a` of a Redis store: what each answered. The
 * memory rules are seeded as replica `a` draws (`seed:a`).
 */
async function bothAnswer(steps: (rules: FaultStore) => Promise<unknown[]>, seed = 'seed') {
  const memory = await steps(asAsync(createFaultRules(`${seed}:a`)))
  const [redis] = await replicas(1, seed)
  return { memory, redis: await steps(redis!) }
}

describeWithRedis('Redis fault rules, as the memory ones', () => {
  it('match on each field, name the rules that fired in order and merge their plans', async () => {
    const { memory, redis } = await bothAnswer(async (rules) => {
      await rules.add(
        'default',
        rule({ plan: { error: 'first', latency: { minMs: 5, maxMs: 5 } } }),
      )
      await rules.add('default', rule({ match: { provider: 'gptproto' }, plan: { error: 'no' } }))
      await rules.add('default', rule({ match: { method: 'post' }, plan: { error: 'second' } }))
      await rules.add('default', rule({ match: { path: 'edits' }, plan: { error: 'edits' } }))
      await rules.add('default', rule({ match: { key: 'sk-test' }, plan: { callback: {} } }))
      await rules.add('default', rule({ match: { promptContains: 'RED FOX' }, plan: {} }))
      return [
        await rules.fire(request()),
        await rules.fire(request({ method: 'GET', key: 'sk-other', prompt: undefined })),
        await rules.fire(request({ path: '/v1/images/edits', provider: 'gptproto' })),
        await rules.list('default'),
      ]
    })
    expect(redis).toEqual(memory)
    expect(redis[0]).toEqual({
      plan: { error: 'second', latency: { minMs: 5, maxMs: 5 }, callback: {} },
      ruleIds: ['fault_1', 'fault_3', 'fault_5', 'fault_6'],
    })
  })

  it('fire at most `times` times, counting matches and firings', async () => {
    const { memory, redis } = await bothAnswer(async (rules) => {
      await rules.add('default', rule({ times: 2 }))
      await rules.add('default', rule({ times: 0, plan: { error: 'never' } }))
      const fired = []
      for (let i = 0; i < 4; i++) fired.push((await rules.fire(request())).plan.error ?? null)
      return [fired, await rules.list('default')]
    })
    expect(redis).toEqual(memory)
    expect(redis).toMatchObject([
      ['rate_limit_exceeded', 'rate_limit_exceeded', null, null],
      [
        { id: 'fault_1', matched: 2, fired: 2 },
        { id: 'fault_2', matched: 0, fired: 0 },
      ],
    ])
  })

  it('draw a probability rule as memory seeded `seed:replica` does, again after a reset', async () => {
    const draw = async (rules: FaultStore) => {
      await rules.add('default', rule({ probability: 0.5 }))
      let fired = ''
      for (let i = 0; i < 40; i++) fired += (await rules.fire(request())).plan.error ? '1' : '0'
      return fired
    }
    const { memory, redis } = await bothAnswer(async (rules) => {
      const first = await draw(rules)
      // Another rule added between matches: the first rule's sequence goes on unshifted.
      await rules.add('default', rule({ probability: 0 }))
      const more = await draw(rules)
      await rules.reset('default')
      return [first, more, await draw(rules), await rules.list('default')]
    })
    expect(redis).toEqual(memory)
    expect(redis[0]).toMatch(/0/)
    expect(redis[0]).toMatch(/1/)
    expect(redis[2]).toBe(redis[0])
    const [other] = await replicas(1, 'another-seed')
    expect(await draw(other!)).not.toBe(redis[0])
  })

  it('keep rules, ids and prompt needs per namespace, and reset one or all', async () => {
    const { memory, redis } = await bothAnswer(async (rules) => {
      const ids = [
        (await rules.add('a', rule({ plan: { error: 'from_a' } }))).id,
        (await rules.add('a', rule({ match: { promptContains: 'fox' } }))).id,
        (await rules.add('b', rule({ plan: { error: 'from_b' } }))).id,
      ]
      const needs = [await rules.needsPrompt('a'), await rules.needsPrompt('b')]
      const removed = [
        await rules.remove('a', 'fault_2'),
        await rules.remove('a', 'fault_2'),
        await rules.remove('b', 'fault_9'),
      ]
      const next = (await rules.add('a', rule())).id
      const fired = [
        await rules.fire(request({ namespace: 'a' })),
        await rules.fire(request({ namespace: 'b' })),
        await rules.fire(request({ namespace: 'c' })),
      ]
      await rules.reset('a')
      const afterReset = [
        await rules.list('a'),
        (await rules.add('a', rule())).id,
        await rules.fire(request({ namespace: 'b' })),
      ]
      await rules.reset()
      return [ids, needs, removed, next, fired, afterReset, await rules.list('b')]
    })
    expect(redis).toEqual(memory)
    expect(redis.slice(0, 4)).toEqual([
      ['fault_1', 'fault_2', 'fault_1'],
      [true, false],
      [true, false, false],
      'fault_3',
    ])
  })

  it('list rules with their input, namespace and counters', async () => {
    const input = rule({ match: { provider: 'crun' }, times: 3 })
    const { memory, redis } = await bothAnswer(async (rules) => {
      await rules.add('default', input)
      return [await rules.list('default')]
    })
    expect(redis).toEqual(memory)
    expect(redis).toEqual([
      [{ ...input, id: 'fault_1', namespace: 'default', matched: 0, fired: 0 }],
    ])
  })
})

describeWithRedis('Redis fault rules, shared by replicas', () => {
  it('fire a rule added on one replica on the very next request to another', async () => {
    const [a, b] = await replicas(2)
    expect((await b!.fire(request())).ruleIds).toEqual([])
    const added = await a!.add('default', rule())
    expect(await b!.fire(request())).toEqual({
      plan: { error: 'rate_limit_exceeded' },
      ruleIds: [added.id],
    })
    expect(await b!.needsPrompt('default')).toBe(false)
    await a!.add('default', rule({ match: { promptContains: 'fox' } }))
    expect(await b!.needsPrompt('default')).toBe(true)
    await a!.remove('default', added.id)
    await a!.reset('default')
    expect(await b!.fire(request())).toEqual({ plan: {}, ruleIds: [] })
    expect((await b!.add('default', rule())).id).toBe('fault_1')
    expect((await a!.fire(request())).ruleIds).toEqual(['fault_1'])
  })

  it('number the rules of a namespace across replicas', async () => {
    const [a, b] = await replicas(2)
    const ids = await Promise.all([a!, b!, a!, b!].map(async (r) => (await r.add('x', rule())).id))
    expect(ids.sort()).toEqual(['fault_1', 'fault_2', 'fault_3', 'fault_4'])
    expect((await a!.list('x')).map((r) => r.id)).toEqual([
      'fault_1',
      'fault_2',
      'fault_3',
      'fault_4',
    ])
  })

  it('fire a rule limited to N times exactly N times under concurrent requests to both', async () => {
    const [a, b] = await replicas(2)
    await a!.add('default', rule({ times: 5 }))
    await a!.add('default', rule({ plan: { latency: { minMs: 1, maxMs: 1 } }, probability: 0.5 }))
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? a! : b!).fire(request())),
    )
    const limited = results.filter((r) => r.ruleIds.includes('fault_1')).length
    const drawn = results.filter((r) => r.ruleIds.includes('fault_2')).length
    expect(limited).toBe(5)
    expect(await b!.list('default')).toMatchObject([
      { id: 'fault_1', matched: 5, fired: 5 },
      { id: 'fault_2', matched: 60, fired: drawn },
    ])
  })

  it('answer a request however often the rules change under it', async () => {
    const prefix = db.freshPrefix()
    const [redisA, redisB] = await Promise.all([db.connect(), db.connect()])
    const adder = createRedisFaultStore({ redis: redisA, prefix }, 'seed', 'a')
    // Before each of B's commands, A adds a rule: B's rules are stale at every round.
    let meddling = true
    let changes = 0
    const meddled = new Proxy(redisB, {
      get(target, name) {
        const value = Reflect.get(target, name, target) as unknown
        if (name !== 'call' || typeof value !== 'function') return value
        return async (...args: unknown[]) => {
          if (meddling) {
            changes++
            await adder.add('default', rule({ times: 1 }))
          }
          return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)
        }
      },
    })
    const b = createRedisFaultStore({ redis: meddled, prefix }, 'seed', 'b')
    const fired = await b.fire(request())
    meddling = false
    // It fired the rules it learned during the request, each once; the later ones fire next time.
    expect(fired.ruleIds.length).toBeGreaterThan(0)
    const after = await b.fire(request())
    const listed = await adder.list('default')
    expect(listed).toHaveLength(changes)
    expect(listed.every((r) => r.fired === 1)).toBe(true)
    expect([...fired.ruleIds, ...after.ruleIds].sort()).toEqual(listed.map((r) => r.id).sort())
  })

  it('skip a rule removed between the rounds of a request, leaving no counter behind', async () => {
    const prefix = db.freshPrefix()
    const [redisA, redisB] = await Promise.all([db.connect(), db.connect()])
    const admin = createRedisFaultStore({ redis: redisA, prefix }, 'seed', 'a')
    // Before B's first round a rule is added (so that round is stale); before its second, removed.
    const steps = [() => admin.add('default', rule()), () => admin.remove('default', 'fault_1')]
    const meddled = new Proxy(redisB, {
      get(target, name) {
        const value = Reflect.get(target, name, target) as unknown
        if (name !== 'call' || typeof value !== 'function') return value
        return async (...args: unknown[]) => {
          await steps.shift()?.()
          return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)
        }
      },
    })
    const b = createRedisFaultStore({ redis: meddled, prefix }, 'seed', 'b')
    expect(await b.fire(request())).toEqual({ plan: {}, ruleIds: [] })
    expect(await admin.list('default')).toEqual([])
    expect(await redisA.hgetall(`${prefix}faults:counts:default`)).toEqual({})
  })

  it('follow rules that change while requests are in flight', async () => {
    const [a, b] = await replicas(2)
    const firing = Promise.all(Array.from({ length: 40 }, () => b!.fire(request())))
    for (let i = 0; i < 10; i++) await a!.add('default', rule({ times: 1 }))
    await firing
    const after = await b!.fire(request())
    const listed = await a!.list('default')
    // Every rule fires once in all: during the burst or on the request after it.
    expect(listed.reduce((sum, r) => sum + r.fired, 0)).toBe(10)
    expect(listed.every((r) => r.fired === 1)).toBe(true)
    expect(after.ruleIds.length).toBeLessThanOrEqual(10)
  })
})

describeWithRedis('Redis fault rules without Redis', () => {
  it('reject at once', async () => {
    const redis = await db.unreachable()
    const rules = createRedisFaultStore({ redis, prefix: 'down:' }, 'seed', 'a')
    await expect(rules.fire(request())).rejects.toThrow()
    await expect(rules.add('default', rule())).rejects.toThrow()
  })
})
