// Proves the task store shared on Redis: the in-memory engine's lifecycle, outcomes, cancel,
// complete, lists, reset and retention; and across two replicas (two clients), each transition
// made and told by exactly one of them, a stopped replica's task finished by the other (after the
// lease when it had claimed the step), and cancel racing the timed finish ending one way only.
import { afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest'
import type { Redis } from 'ioredis'
import { systemClock, type Clock } from '../../../src/core/clock.js'
import { timerScheduler } from '../../../src/core/scheduler.js'
import { asAsync } from '../../../src/core/state/async.js'
import {
  createRedisTaskStore,
  type RedisTaskStore,
  type RedisTaskStoreOptions,
} from '../../../src/core/state/redis/tasks.js'
import {
  createTaskEngine,
  type NewTask,
  type TaskStore,
} from '../../../src/core/tasks/task-engine.js'
import type { Task, TaskFailure, TaskState } from '../../../src/core/tasks/task.js'
import { recipeFileName, recipesOf, type ImageRecipe } from '../../../src/core/images/recipe.js'
import { describeWithRedis } from '../../support/needs-redis.js'
import { useRedis } from '../../support/redis-replicas.js'
import { pollUntil } from '../../support/poll.js'
import { newTask as aTask } from '../../support/store-fixtures.js'

const DAY_MS = 24 * 60 * 60 * 1000
const FAILURE: TaskFailure = { code: 'upstream_error', message: 'The upstream failed.' }
const SLOW = { timing: { queueMs: 60_000, runMs: 60_000 } }
const INSTANT = { timing: { queueMs: 0, runMs: 0 } }

const db = useRedis('tasks-test')
let one: Redis
let two: Redis
let prefix = ''
const opened: RedisTaskStore[] = []

beforeAll(async () => {
  ;[one, two] = await Promise.all([db.connect(), db.connect()])
})

beforeEach(() => {
  prefix = db.freshPrefix()
})

afterEach(() => {
  for (const store of opened.splice(0)) store.stop()
  vi.restoreAllMocks()
})

/** The shared fixture, with nested details (they must survive JSON) and short timings. */
const newTask = (overrides: Partial<NewTask<unknown>> = {}) =>
  aTask({
    details: { model: 'gpt-image-2', nested: { n: [1, 2.5, 'x'] } },
    timing: { queueMs: 20, runMs: 30 },
    ...overrides,
  })

/**
 * `images` whose holds wait for `gate` (run once): a replica paused in the middle of a step, after
 * reading or claiming the task and before writing it, while the test moves the task on elsewhere.
 */
function holdsAfter(images: ReturnType<typeof countingImages>, gate: () => Promise<unknown>) {
  let opened: Promise<unknown> | undefined
  return {
    async hold(recipe: ImageRecipe) {
      await (opened ??= gate())
      return images.hold(recipe)
    },
    release: (names: readonly string[]) => {
      images.release(names)
      return Promise.resolve()
    },
  }
}

/** Image holds counted by name, shared by the replicas as a shared image store would be. */
function countingImages() {
  const holds = new Map<string, number>()
  let made = 0
  return {
    hold(recipe: ImageRecipe) {
      made++
      const name = recipeFileName(recipe)
      holds.set(name, (holds.get(name) ?? 0) + 1)
      return name
    },
    release(names: readonly string[]) {
      for (const name of names) {
        const left = (holds.get(name) ?? 0) - 1
        if (left > 0) holds.set(name, left)
        else holds.delete(name)
      }
    },
    /** Holds not yet released. */
    total: () => [...holds.values()].reduce((sum, count) => sum + count, 0),
    /** Holds ever made. */
    made: () => made,
  }
}

type Seen = [id: string, state: TaskState, previous: TaskState | undefined][]

function listen(store: TaskStore): Seen {
  const seen: Seen = []
  store.subscribe((task, previous) => seen.push([task.id, task.state, previous]))
  return seen
}

interface ReplicaOptions extends Partial<RedisTaskStoreOptions> {
  redis?: Redis
}

/** One replica's store on `redis` (client one by default) under this case's prefix. */
function replica(images = countingImages(), options: ReplicaOptions = {}) {
  const { redis = one, ...overrides } = options
  const store = createRedisTaskStore(
    { redis, prefix },
    {
      clock: systemClock,
      scheduler: timerScheduler,
      images: asAsync(images),
      retention: { maxTasks: 100, maxAgeMs: DAY_MS },
      pollMs: 10,
      leaseMs: 200,
      ...overrides,
    },
  )
  opened.push(store)
  return { store, images, seen: listen(store) }
}

function memoryEngine(images = countingImages()) {
  const engine = createTaskEngine({
    clock: systemClock,
    scheduler: timerScheduler,
    images,
    retention: { maxTasks: 100, maxAgeMs: DAY_MS },
  })
  const store: TaskStore = asAsync(engine, ['subscribe'])
  return { store, images, seen: listen(store) }
}

const ids = (tasks: Task[]) => tasks.map((task) => task.id)

async function untilEnded(store: TaskStore, id: string): Promise<Task> {
  const seen = await pollUntil(
    () => store.get(id),
    (task) => task !== undefined && ['succeeded', 'failed', 'canceled'].includes(task.state),
    { intervalMs: 2, timeoutMs: 10_000 },
  )
  return seen.at(-1)!
}

/** A finished task with its timestamps replaced by whether they are set, to compare stores. */
function withoutTimes(task: Task) {
  return {
    ...task,
    createdAt: typeof task.createdAt,
    startedAt: typeof task.startedAt,
    completedAt: typeof task.completedAt,
  }
}

/** What the replicas told of one task, once they have told `count` transitions in all. */
async function toldOf(replicas: { seen: Seen }[], id: string, count: number) {
  const told = () => replicas.flatMap(({ seen }) => seen.filter(([seenId]) => seenId === id))
  await pollUntil(
    () => Promise.resolve(told().length),
    (length) => length >= count,
    { intervalMs: 2, timeoutMs: 10_000 },
  )
  return told().map(([, state, previous]) => [state, previous])
}

const ALL_TOLD = [
  ['queued', undefined],
  ['running', 'queued'],
  ['succeeded', 'running'],
]

const dueSteps = (redis: Redis) => redis.zrange(`${prefix}tasks:due`, '0', '-1')

describeWithRedis('redis task store, one replica', () => {
  it('moves queued -> running -> succeeded on time, naming the images like memory', async () => {
    const { store, images, seen } = replica()
    // Read when the start is told: on the same connection, that read goes to Redis before the
    // finish can be claimed (its timer is set after the start is written), so it sees `running`
    // however slowly the machine runs.
    const readWhileRunning: Promise<Task | undefined>[] = []
    store.subscribe((task) => {
      if (task.state === 'running') readWhileRunning.push(store.get(task.id))
    })
    const created = await store.create(newTask({ timing: { queueMs: 30, runMs: 40 } }))
    expect(created.state).toBe('queued')
    expect(created.startedAt).toBeUndefined()
    const states = await pollUntil(
      () => store.get(created.id),
      (task) => task?.state === 'succeeded',
      { intervalMs: 2, timeoutMs: 10_000 },
    )
    // What polling saw moved forward only (it may miss `running` on a slow machine)...
    const order = ['queued', 'running', 'succeeded']
    const polled = states.map((task) => order.indexOf(task!.state))
    expect(polled).toEqual([...polled].sort())
    expect(polled[0]).toBe(0)
    // ...and a read while it ran found it running.
    expect(readWhileRunning).toHaveLength(1)
    expect((await readWhileRunning[0])?.state).toBe('running')
    const task = states.at(-1)!
    // Timer resolution: a millisecond early on the wall clock at most.
    expect(task.startedAt! - task.createdAt).toBeGreaterThanOrEqual(29)
    expect(task.completedAt! - task.startedAt!).toBeGreaterThanOrEqual(39)
    const recipes = recipesOf(task.batch)
    expect(task.images).toEqual(
      recipes.map((recipe) => ({
        file: recipeFileName(recipe),
        width: 64,
        height: 48,
        format: 'png',
      })),
    )
    expect(images.total()).toBe(2)
    expect(seen).toEqual([
      [task.id, 'queued', undefined],
      [task.id, 'running', 'queued'],
      [task.id, 'succeeded', 'running'],
    ])
    expect(task.details).toEqual(created.details)
    expect(Object.keys(task)).toEqual(Object.keys(created))
    expect(await dueSteps(one)).toEqual([])
  })

  it('ends every outcome exactly as the in-memory engine does', async () => {
    const scenarios: Partial<NewTask<unknown>>[] = [
      { timing: { queueMs: 10, runMs: 10 } },
      { timing: { queueMs: 10, runMs: 0 } },
      { timing: { queueMs: 0, runMs: 10 } },
      INSTANT,
      {
        timing: { queueMs: 10, runMs: 10 },
        outcome: { kind: 'fail', stage: 'queued', failure: FAILURE },
      },
      { ...INSTANT, outcome: { kind: 'fail', stage: 'queued', failure: FAILURE } },
      {
        timing: { queueMs: 10, runMs: 10 },
        outcome: { kind: 'fail', stage: 'running', failure: FAILURE },
      },
      { ...INSTANT, outcome: { kind: 'fail', stage: 'running', failure: FAILURE } },
    ]
    const memory = memoryEngine()
    const redis = replica()
    for (const scenario of scenarios) {
      const template = newTask(scenario)
      const inMemory = await memory.store.create({ ...template, id: `${template.id}-memory` })
      // The memory engine answers its live task: compare it as it was when created.
      const createdInMemory = withoutTimes(structuredClone(inMemory))
      const onRedis = await redis.store.create(template)
      expect(withoutTimes(onRedis)).toEqual({ ...createdInMemory, id: template.id })
      const endedInMemory = await untilEnded(memory.store, inMemory.id)
      const endedOnRedis = await untilEnded(redis.store, onRedis.id)
      expect(withoutTimes(endedOnRedis)).toEqual({
        ...withoutTimes(endedInMemory),
        id: template.id,
      })
      const transitions = (seen: Seen, id: string) =>
        seen.filter(([seenId]) => seenId === id).map(([, state, previous]) => [state, previous])
      expect(transitions(redis.seen, onRedis.id)).toEqual(transitions(memory.seen, inMemory.id))
    }
    expect(redis.images.total()).toBe(memory.images.total())
  })

  it('finishes a task with no queue or run time before create answers', async () => {
    const { store, seen } = replica()
    const created = await store.create(newTask(INSTANT))
    expect(created.state).toBe('queued')
    const task = await store.get(created.id)
    expect(task?.state).toBe('succeeded')
    expect(task?.startedAt).toBe(task?.createdAt)
    expect(seen.map(([, state]) => state)).toEqual(['queued', 'running', 'succeeded'])
    const running = await store.create(newTask({ timing: { queueMs: 0, runMs: 60_000 } }))
    expect((await store.get(running.id))?.state).toBe('running')
    expect(await dueSteps(one)).toEqual([running.id])
  })

  it('cancels an unfinished task once, drops its step, and leaves ended ones as they are', async () => {
    const { store, seen, images } = replica()
    const task = await store.create(newTask(SLOW))
    const canceled = await store.cancel(task.id)
    expect(canceled?.state).toBe('canceled')
    expect(canceled!.completedAt).toBeGreaterThanOrEqual(task.createdAt)
    expect(await store.get(task.id)).toEqual(canceled)
    expect(await dueSteps(one)).toEqual([])
    expect(await store.cancel(task.id)).toEqual(canceled)
    expect(await store.fail(task.id, FAILURE)).toEqual(canceled)
    expect(await store.complete(task.id)).toEqual(canceled)
    expect(await store.cancel('no_such_task')).toBeUndefined()
    expect(seen.map(([, state]) => state)).toEqual(['queued', 'canceled'])
    expect(images.total()).toBe(0)
  })

  it('fails a running task from outside, so it never succeeds', async () => {
    const { store, seen } = replica()
    // A finish not due before the fail, however slow the machine.
    const task = await store.create(newTask({ timing: { queueMs: 0, runMs: 60_000 } }))
    const failed = await store.fail(task.id, FAILURE)
    expect(failed).toMatchObject({ state: 'failed', failure: FAILURE, images: undefined })
    expect(await dueSteps(one)).toEqual([])
    // Even a finish that falls due now (as one racing the fail would) leaves it failed.
    await one.zadd(`${prefix}tasks:due`, Date.now(), task.id)
    await pollUntil(
      () => dueSteps(one),
      (due) => due.length === 0,
      { intervalMs: 2, timeoutMs: 10_000 },
    )
    expect(await store.get(task.id)).toEqual(failed)
    expect(seen.map(([, state]) => state)).toEqual(['queued', 'running', 'failed'])
  })

  it('completes a queued or running task at once, succeeding whatever its outcome', async () => {
    const { store, seen, images } = replica()
    const queued = await store.create(
      newTask({ ...SLOW, outcome: { kind: 'fail', stage: 'running', failure: FAILURE } }),
    )
    const completed = await store.complete(queued.id)
    expect(completed).toMatchObject({ state: 'succeeded', outcome: { kind: 'succeed' } })
    expect(completed!.startedAt).toBe(completed!.completedAt)
    expect(completed!.images).toHaveLength(2)
    expect(await store.complete(queued.id)).toEqual(completed)

    const running = await store.create(newTask({ timing: { queueMs: 0, runMs: 60_000 } }))
    expect((await store.complete(running.id))?.state).toBe('succeeded')
    expect(await dueSteps(one)).toEqual([])
    expect(seen.map(([, state]) => state)).toEqual([
      ...['queued', 'running', 'succeeded'],
      ...['queued', 'running', 'succeeded'],
    ])
    // One name for both tasks' first image, held once by each.
    expect(images.total()).toBe(4)
  })

  it('lists tasks oldest first, filtered by provider, namespace, key and state', async () => {
    const { store } = replica()
    const a = await store.create(newTask({ apiKey: 'k1', ...INSTANT }))
    const b = await store.create(newTask({ apiKey: 'k2', provider: 'aivideoapi', ...SLOW }))
    const c = await store.create(newTask({ apiKey: 'k1', namespace: 'other', ...SLOW }))
    expect(ids(await store.list())).toEqual([a.id, b.id, c.id])
    expect(ids(await store.list({ apiKey: 'k1' }))).toEqual([a.id, c.id])
    expect(ids(await store.list({ provider: 'aivideoapi' }))).toEqual([b.id])
    expect(ids(await store.list({ namespace: 'other' }))).toEqual([c.id])
    expect(ids(await store.list({ states: ['succeeded'] }))).toEqual([a.id])
    expect(ids(await store.list({ states: ['queued'], apiKey: 'k1' }))).toEqual([c.id])
    expect(ids(await store.list({ states: [] }))).toEqual([])
    expect(await store.list({ namespace: 'nobody' })).toEqual([])
  })

  it("resets one namespace, dropping its steps and images, and leaves the others' running", async () => {
    const { store, seen, images } = replica()
    const mine = await store.create(newTask({ namespace: 'mine', ...INSTANT }))
    // Steps that cannot fall due before the reset, however slow the machine: a step under way
    // during a reset would hold images until its write loses, after the reset answered.
    const mineSlow = await store.create(newTask({ namespace: 'mine', ...SLOW }))
    const theirs = await store.create(
      newTask({ namespace: 'theirs', timing: { queueMs: 60_000, runMs: 0 } }),
    )
    await store.reset('mine')
    expect(await store.get(mine.id)).toBeUndefined()
    expect(await store.list({ namespace: 'mine' })).toEqual([])
    expect(images.total()).toBe(0)
    expect(await dueSteps(one)).toEqual([theirs.id])
    // Their step, still pending, runs once due (the poll takes it).
    await one.zadd(`${prefix}tasks:due`, 'XX', Date.now(), theirs.id)
    await untilEnded(store, theirs.id)
    expect(seen.filter(([id]) => id === mineSlow.id)).toHaveLength(1)
    expect(ids(await store.list())).toEqual([theirs.id])

    await store.reset()
    expect(await store.list()).toEqual([])
    expect(images.total()).toBe(0)
    // Nothing left behind but the creation counter.
    expect(await one.keys(`${prefix}*`)).toEqual([`${prefix}tasks:seq`])
  })

  it('drops the oldest finished tasks first over maxTasks, keeping unfinished ones', async () => {
    const { store, images } = replica(countingImages(), {
      retention: { maxTasks: 3, maxAgeMs: DAY_MS },
    })
    const a = await store.create(newTask(INSTANT))
    const b = await store.create(newTask(SLOW))
    const c = await store.create(newTask(INSTANT))
    const d = await store.create(newTask(SLOW))
    expect(ids(await store.list())).toEqual([b.id, c.id, d.id])
    expect(images.total()).toBe(2)
    const e = await store.create(newTask(SLOW))
    expect(ids(await store.list())).toEqual([b.id, d.id, e.id])
    expect(images.total()).toBe(0)
    expect(await store.get(a.id)).toBeUndefined()
  })

  it('drops the oldest task and its step when every kept task is unfinished', async () => {
    // A's step (due in 30 ms) may be claimed before C's create forgets A on a slow machine: its
    // holds wait for that create, so its write comes after A is forgotten, and loses.
    let created: () => void = () => {}
    const cCreated = new Promise<void>((resolve) => (created = resolve))
    const images = countingImages()
    const { store, seen } = replica(images, {
      retention: { maxTasks: 2, maxAgeMs: DAY_MS },
      images: holdsAfter(images, () => cCreated),
    })
    const a = await store.create(newTask({ timing: { queueMs: 30, runMs: 0 } }))
    const b = await store.create(newTask(SLOW))
    const c = await store.create(newTask(SLOW))
    created()
    expect(ids(await store.list())).toEqual([b.id, c.id])
    expect((await dueSteps(one)).sort()).toEqual([b.id, c.id].sort())
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(seen.filter(([id]) => id === a.id)).toHaveLength(1)
    // Any holds its step made were let go.
    await pollUntil(
      () => Promise.resolve(images.total()),
      (total) => total === 0,
      { intervalMs: 2, timeoutMs: 10_000 },
    )
  })

  it('on a create, drops finished tasks older than maxAgeMs, keeping unfinished ones', async () => {
    // Time moves only when the test says: real time passing on a slow machine would age tasks.
    let skewMs = 0
    const start = Date.now()
    const clock: Clock = { now: () => start + skewMs }
    const { store } = replica(countingImages(), {
      clock,
      retention: { maxTasks: 100, maxAgeMs: 1_000 },
    })
    const old = await store.create(newTask(INSTANT))
    const oldUnfinished = await store.create(newTask(SLOW))
    skewMs += 500
    const young = await store.create(newTask(INSTANT))
    skewMs += 400
    await store.create(newTask(SLOW))
    expect(await store.get(old.id)).toBeDefined()
    skewMs += 200
    await store.create(newTask(SLOW))
    expect(await store.get(old.id)).toBeUndefined()
    expect(await store.get(oldUnfinished.id)).toBeDefined()
    expect(await store.get(young.id)).toBeDefined()
    skewMs += 500
    await store.create(newTask(SLOW))
    expect(await store.get(young.id)).toBeUndefined()
  })

  it('tells every listener even when one throws or rejects, and stops one unsubscribed', async () => {
    const { store, seen } = replica()
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    store.subscribe(() => {
      throw new Error('listener bug')
    })
    store.subscribe(() => Promise.reject(new Error('async listener bug')))
    const late: TaskState[] = []
    const stop = store.subscribe((task) => late.push(task.state))
    const task = await store.create(newTask({ timing: { queueMs: 5, runMs: 5 } }))
    stop()
    await untilEnded(store, task.id)
    await new Promise((resolve) => setImmediate(resolve))
    expect(late).toEqual(['queued'])
    expect(seen.map(([, state]) => state)).toEqual(['queued', 'running', 'succeeded'])
    expect(log).toHaveBeenCalledTimes(6)
  })
})

describeWithRedis('redis task store, Redis away', () => {
  it('rejects at once and logs its failing poll once, not every poll', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const redis = await db.connect()
    redis.disconnect()
    // Polls counted by their claims (the only scripts sent on their own here).
    const sent = vi.spyOn(redis, 'call')
    const { store } = replica(countingImages(), { redis })
    await expect(store.get('task_1')).rejects.toThrow()
    await expect(store.create(newTask())).rejects.toThrow()
    await expect(store.cancel('task_1')).rejects.toThrow()
    const afterCreate = sent.mock.calls.length
    await pollUntil(
      () => Promise.resolve(sent.mock.calls.length - afterCreate),
      (polls) => polls >= 5,
      { intervalMs: 5, timeoutMs: 10_000 },
    )
    expect(log).toHaveBeenCalledTimes(1)
    expect(String(log.mock.calls[0]![0])).toContain('polling task steps failed')
  })
})

describeWithRedis('redis task store, two replicas', () => {
  it('finishes a task created on one replica, told once in all, readable on both', async () => {
    const images = countingImages()
    const a = replica(images, { redis: one })
    const b = replica(images, { redis: two })
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        a.store.create(newTask({ timing: { queueMs: 10 + i, runMs: 10 } })),
      ),
    )
    expect(ids(await b.store.list())).toEqual(ids(created))
    for (const task of created) {
      const ended = await untilEnded(b.store, task.id)
      expect(ended.state).toBe('succeeded')
      expect(await a.store.get(task.id)).toEqual(ended)
      // Each transition told by whichever replica made it, and only by it.
      expect((await toldOf([a, b], task.id, 3)).sort()).toEqual([...ALL_TOLD].sort())
      expect(a.seen).toContainEqual([task.id, 'queued', undefined])
    }
    expect(images.total()).toBe(20)
  })

  it("finishes the task of a replica stopped mid-task (killed) on the other's poll", async () => {
    const a = replica(countingImages(), { redis: one })
    // A start not due until A has stopped, however slow the machine; then due at once.
    const task = await a.store.create(newTask({ timing: { queueMs: 60_000, runMs: 20 } }))
    a.store.stop()
    await one.zadd(`${prefix}tasks:due`, 'XX', Date.now(), task.id)
    const b = replica(countingImages(), { redis: two })
    expect((await untilEnded(b.store, task.id)).state).toBe('succeeded')
    expect(a.seen).toEqual([[task.id, 'queued', undefined]])
    expect(b.seen).toEqual([
      [task.id, 'running', 'queued'],
      [task.id, 'succeeded', 'running'],
    ])
  })

  it('takes a step a dead replica had claimed only once its lease has run out', async () => {
    const a = replica(countingImages(), { redis: one })
    const task = await a.store.create(newTask({ timing: { queueMs: 0, runMs: 60_000 } }))
    a.store.stop()
    // What A's claim of the finish does: the step is A's until the lease ends; then A died.
    const leaseEnds = Date.now() + 150
    await one.zadd(`${prefix}tasks:due`, 'XX', leaseEnds, task.id)
    const b = replica(countingImages(), { redis: two, leaseMs: 150 })
    const ended = await untilEnded(b.store, task.id)
    expect(ended.state).toBe('succeeded')
    expect(ended.completedAt).toBeGreaterThanOrEqual(leaseEnds)
    expect(b.seen).toEqual([[task.id, 'succeeded', 'running']])
  })

  it('ends a task one way only when a cancel on one replica races the finish on the other', async () => {
    const images = countingImages()
    const a = replica(images, { redis: one })
    const b = replica(images, { redis: two })
    const created = await Promise.all(
      Array.from({ length: 16 }, () =>
        a.store.create(newTask({ timing: { queueMs: 0, runMs: 20 } })),
      ),
    )
    // Cancels spread over the moment each task is due to finish.
    const answers = await Promise.all(
      created.map(
        (task, i) =>
          new Promise<Task | undefined>((resolve, reject) => {
            setTimeout(
              () => {
                b.store.cancel(task.id).then(resolve, reject)
              },
              8 + 2 * i,
            )
          }),
      ),
    )
    let succeeded = 0
    for (const [i, task] of created.entries()) {
      const ended = await untilEnded(a.store, task.id)
      expect(answers[i]).toEqual(ended)
      expect(await b.store.get(task.id)).toEqual(ended)
      const told = await toldOf([a, b], task.id, 3)
      expect(told.slice(2)).toEqual([[ended.state, 'running']])
      if (ended.state === 'succeeded') succeeded++
      else expect(ended.images).toBeUndefined()
    }
    // A loser's holds were let go: only the succeeded tasks hold images.
    expect(images.total()).toBe(2 * succeeded)
    expect(await dueSteps(one)).toEqual([])
  })

  it('lets the loser of a race go of its image holds: a cancel while the finish is under way', async () => {
    const images = countingImages()
    // The id as soon as the create answers: on a slow machine A's poll may claim the finish in
    // the same reply as the create's, and reach its holds before the test has the id.
    let named: (id: string) => void = () => {}
    const idOfTask = new Promise<string>((resolve) => (named = resolve))
    const b = replica(images, { redis: two, pollMs: 60_000 })
    // A has claimed the finish and is holding its images when B cancels the task.
    const a = replica(images, {
      redis: one,
      images: holdsAfter(images, async () => b.store.cancel(await idOfTask)),
    })
    const taskId = (await a.store.create(newTask({ timing: { queueMs: 0, runMs: 10 } }))).id
    named(taskId)
    // A's holds were made, then let go when its compare-and-set lost.
    await pollUntil(
      () => Promise.resolve([images.made(), images.total()]),
      ([made, held]) => made === 2 && held === 0,
      { intervalMs: 2, timeoutMs: 10_000 },
    )
    const canceled = await a.store.get(taskId)
    expect(canceled?.state).toBe('canceled')
    expect(await b.store.get(taskId)).toEqual(canceled)
    expect(await dueSteps(one)).toEqual([])
    expect(await toldOf([a, b], taskId, 3)).toEqual([
      ['queued', undefined],
      ['running', 'queued'],
      ['canceled', 'running'],
    ])
  })

  it("answers a complete that lost to the timed finish with the winner's task", async () => {
    const images = countingImages()
    let taskId = ''
    const a = replica(images, { redis: one })
    // B has read the task running and is holding images when A's poll finishes it.
    const b = replica(images, {
      redis: two,
      pollMs: 60_000,
      images: holdsAfter(images, async () => {
        await one.zadd(`${prefix}tasks:due`, 'XX', Date.now(), taskId)
        await untilEnded(a.store, taskId)
      }),
    })
    taskId = (await a.store.create(newTask({ timing: { queueMs: 0, runMs: 60_000 } }))).id
    const completed = await b.store.complete(taskId)
    const finished = await a.store.get(taskId)
    expect(finished?.state).toBe('succeeded')
    expect(completed).toEqual(finished)
    expect(images.made()).toBe(4)
    expect(images.total()).toBe(2)
    expect(b.seen).toEqual([])
    expect(a.seen.map(([, state]) => state)).toEqual(['queued', 'running', 'succeeded'])
  })

  it('completes from one replica while the other is due to start it, once', async () => {
    const a = replica(countingImages(), { redis: one })
    const b = replica(countingImages(), { redis: two })
    const tasks = await Promise.all(
      Array.from({ length: 8 }, () =>
        a.store.create(newTask({ timing: { queueMs: 15, runMs: 15 } })),
      ),
    )
    await new Promise((resolve) => setTimeout(resolve, 14))
    const completed = await Promise.all(tasks.map((task) => b.store.complete(task.id)))
    for (const [i, task] of tasks.entries()) {
      expect(completed[i]?.state).toBe('succeeded')
      expect((await toldOf([a, b], task.id, 3)).sort()).toEqual([...ALL_TOLD].sort())
    }
  })
})
