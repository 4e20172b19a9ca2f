// Proves the task engine's timed lifecycle, listeners, cancellation, retention and reset.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createTaskEngine } from '../../../src/core/tasks/task-engine.js'
import type { Task, TaskFailure, TaskState } from '../../../src/core/tasks/task.js'
import { createImageFiles } from '../../../src/core/images/image-files.js'
import type { ImageSpec } from '../../../src/core/images/render-image.js'
import { createFakeTime } from '../../support/fake-time.js'
import { newTask } from '../../support/store-fixtures.js'

const START = Date.UTC(2026, 0, 1)
const FAILURE: TaskFailure = { code: 'upstream_error', message: 'The upstream failed.' }

function setup(options: { retention?: { maxTasks: number; maxAgeMs: number } } = {}) {
  const time = createFakeTime(START)
  const rendered: ImageSpec[] = []
  const renderer = {
    render: (spec: ImageSpec) => {
      rendered.push(spec)
      return Promise.resolve(Buffer.from(JSON.stringify(spec)))
    },
  }
  const files = createImageFiles({ renderer, uploadBytes: 1_000_000, looseRecipes: 10 })
  const engine = createTaskEngine({
    clock: time.clock,
    scheduler: time.scheduler,
    images: files,
    retention: options.retention ?? { maxTasks: 100, maxAgeMs: 24 * 60 * 60 * 1000 },
  })
  const seen: [string, TaskState, TaskState | undefined][] = []
  engine.subscribe((task, previous) => seen.push([task.id, task.state, previous]))
  return { time, engine, files, rendered, seen }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('task engine', () => {
  it('moves queued -> running at queueMs and running -> succeeded at queueMs + runMs', async () => {
    const { time, engine } = setup()
    const task = engine.create(newTask({ timing: { queueMs: 100, runMs: 300 } }))
    expect(task.state).toBe('queued')
    expect(task.createdAt).toBe(START)

    await time.advance(99)
    expect(task.state).toBe('queued')
    await time.advance(1)
    expect(task.state).toBe('running')
    expect(task.startedAt).toBe(START + 100)

    await time.advance(299)
    expect(task.state).toBe('running')
    expect(task.images).toBeUndefined()
    await time.advance(1)
    expect(task.state).toBe('succeeded')
    expect(task.completedAt).toBe(START + 400)
    expect(task.images).toHaveLength(2)
    for (const image of task.images!) {
      expect(image).toEqual({ file: image.file, width: 64, height: 48, format: 'png' })
    }
    expect(time.pending()).toBe(0)
  })

  it('renders nothing itself: its images are recipes, rendered when their files are read', async () => {
    const { time, engine, files, rendered } = setup()
    const task = engine.create(newTask())
    await time.runAll()
    expect(task.state).toBe('succeeded')
    expect(rendered).toHaveLength(0)
    const [first, second] = task.images!
    expect(first!.file).not.toBe(second!.file)
    const file = await files.read(second!.file)
    expect(file?.contentType).toBe('image/png')
    expect(rendered).toHaveLength(1)
    expect(rendered[0]).toMatchObject({ width: 64, height: 48, caption: '#2/2 "a red fox"' })
    expect(file?.bytes.toString()).toBe(JSON.stringify(rendered[0]))
  })

  it("keeps a task's image files servable exactly as long as the task is kept", async () => {
    const { time, engine, files } = setup({ retention: { maxTasks: 1, maxAgeMs: 24 * 3_600_000 } })
    const first = engine.create(newTask())
    await time.runAll()
    const name = first.images![0]!.file
    expect(await files.read(name)).toBeDefined()
    engine.create(newTask({ batch: { ...newTask().batch, prompt: 'another' } }))
    expect(engine.get(first.id)).toBeUndefined()
    expect(await files.read(name)).toBeUndefined()
  })

  it('keeps a file two tasks share until both are forgotten', async () => {
    const { time, engine, files } = setup()
    const a = engine.create(newTask({ namespace: 'a' }))
    const b = engine.create(newTask({ namespace: 'b' }))
    await time.runAll()
    const name = a.images![0]!.file
    expect(b.images![0]!.file).toBe(name)
    engine.reset('a')
    expect(await files.read(name)).toBeDefined()
    engine.reset('b')
    expect(await files.read(name)).toBeUndefined()
  })

  it('runs and finishes a task with no run time in one step, telling each transition', async () => {
    const { time, engine, seen } = setup()
    const task = engine.create(newTask({ timing: { queueMs: 0, runMs: 0 } }))
    expect(task.state).toBe('queued')
    await time.advance(0)
    expect(task.state).toBe('succeeded')
    expect(seen.map(([, state]) => state)).toEqual(['queued', 'running', 'succeeded'])
    expect(time.pending()).toBe(0)
  })

  it('tells listeners of the creation (no previous state), then of each transition', async () => {
    const { time, engine, seen } = setup()
    const task = engine.create(newTask())
    expect(seen).toEqual([[task.id, 'queued', undefined]])
    await time.runAll()
    expect(seen).toEqual([
      [task.id, 'queued', undefined],
      [task.id, 'running', 'queued'],
      [task.id, 'succeeded', 'running'],
    ])
  })

  it('stops telling a listener once unsubscribed, and survives one that throws', async () => {
    const { time, engine, seen } = setup()
    const late: TaskState[] = []
    const stop = engine.subscribe((task) => late.push(task.state))
    engine.subscribe(() => {
      throw new Error('listener bug')
    })
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const task = engine.create(newTask())
    stop()
    await time.runAll()
    expect(late).toEqual(['queued'])
    expect(task.state).toBe('succeeded')
    expect(seen.map(([, state]) => state)).toEqual(['queued', 'running', 'succeeded'])
    expect(log).toHaveBeenCalledTimes(3)
  })

  it('fails a task failing at queued when the queue time is up, without running it', async () => {
    const { time, engine, rendered, seen } = setup()
    const task = engine.create(
      newTask({ outcome: { kind: 'fail', stage: 'queued', failure: FAILURE } }),
    )
    await time.advance(99)
    expect(task.state).toBe('queued')
    await time.advance(1)
    expect(task.state).toBe('failed')
    expect(task.failure).toEqual(FAILURE)
    expect(task.startedAt).toBeUndefined()
    expect(task.completedAt).toBe(START + 100)
    expect(seen.map(([, state, previous]) => [state, previous])).toEqual([
      ['queued', undefined],
      ['failed', 'queued'],
    ])
    expect(rendered).toHaveLength(0)
    expect(time.pending()).toBe(0)
  })

  it('fails a task failing at running when the run time is up, with no images', async () => {
    const { time, engine } = setup()
    const task = engine.create(
      newTask({ outcome: { kind: 'fail', stage: 'running', failure: FAILURE } }),
    )
    await time.advance(100)
    expect(task.state).toBe('running')
    await time.advance(299)
    expect(task.state).toBe('running')
    await time.advance(1)
    expect(task.state).toBe('failed')
    expect(task.failure).toEqual(FAILURE)
    expect(task.images).toBeUndefined()
    expect(task.completedAt).toBe(START + 400)
  })

  it('cancels a queued task and stops its timers, so advancing later changes nothing', async () => {
    const { time, engine, seen, rendered } = setup()
    const task = engine.create(newTask())
    await time.advance(50)
    expect(engine.cancel(task.id)).toBe(task)
    expect(task.state).toBe('canceled')
    expect(task.completedAt).toBe(START + 50)
    expect(time.pending()).toBe(0)
    await time.advance(10_000)
    expect(task.state).toBe('canceled')
    expect(seen.map(([, state]) => state)).toEqual(['queued', 'canceled'])
    expect(rendered).toHaveLength(0)
  })

  it('fails a running task from outside and stops its timer, so it never succeeds', async () => {
    const { time, engine, seen } = setup()
    const task = engine.create(newTask())
    await time.advance(150)
    expect(task.state).toBe('running')
    engine.fail(task.id, FAILURE)
    expect(task.state).toBe('failed')
    expect(task.failure).toEqual(FAILURE)
    expect(time.pending()).toBe(0)
    await time.advance(10_000)
    expect(task.state).toBe('failed')
    expect(task.images).toBeUndefined()
    expect(seen.map(([, state]) => state)).toEqual(['queued', 'running', 'failed'])
  })

  it('leaves a finished task as it is when canceled or failed again', async () => {
    const { time, engine, seen } = setup()
    const task = engine.create(newTask())
    await time.runAll()
    expect(engine.cancel(task.id)?.state).toBe('succeeded')
    expect(engine.fail(task.id, FAILURE)?.state).toBe('succeeded')
    expect(task.failure).toBeUndefined()
    expect(seen).toHaveLength(3)
    expect(engine.cancel('no_such_task')).toBeUndefined()
  })

  it('completes a queued task at once, skipping what is left of its timing', async () => {
    const { time, engine, seen } = setup()
    const task = engine.create(
      newTask({
        timing: { queueMs: 5_000, runMs: 60_000 },
        outcome: { kind: 'fail', stage: 'running', failure: FAILURE },
      }),
    )
    await time.advance(10)
    expect(engine.complete(task.id)).toBe(task)
    expect(task.state).toBe('succeeded')
    expect(task.startedAt).toBe(START + 10)
    expect(task.completedAt).toBe(START + 10)
    expect(task.images).toHaveLength(2)
    expect(time.pending()).toBe(0)
    await time.advance(100_000)
    expect(seen.map(([, state]) => state)).toEqual(['queued', 'running', 'succeeded'])
  })

  it('completes a running task at once and leaves a finished one alone', async () => {
    const { time, engine, seen } = setup()
    const task = engine.create(newTask({ timing: { queueMs: 0, runMs: 60_000 } }))
    await time.advance(0)
    expect(task.state).toBe('running')
    engine.complete(task.id)
    expect(task.state).toBe('succeeded')
    expect(task.completedAt).toBe(START)
    expect(time.pending()).toBe(0)
    engine.complete(task.id)
    expect(seen.map(([, state]) => state)).toEqual(['queued', 'running', 'succeeded'])
  })

  it('drops the oldest finished tasks first over maxTasks, keeping unfinished ones', async () => {
    const { time, engine } = setup({ retention: { maxTasks: 3, maxAgeMs: 24 * 3_600_000 } })
    const a = engine.create(newTask({ timing: { queueMs: 0, runMs: 0 } }))
    await time.advance(1)
    const b = engine.create(newTask({ timing: { queueMs: 60_000, runMs: 0 } }))
    await time.advance(1)
    const c = engine.create(newTask({ timing: { queueMs: 0, runMs: 0 } }))
    await time.advance(1)
    expect([a.state, b.state, c.state]).toEqual(['succeeded', 'queued', 'succeeded'])

    const d = engine.create(newTask({ timing: { queueMs: 60_000, runMs: 0 } }))
    expect(engine.list().map((t) => t.id)).toEqual([b.id, c.id, d.id])
    const e = engine.create(newTask({ timing: { queueMs: 60_000, runMs: 0 } }))
    expect(engine.list().map((t) => t.id)).toEqual([b.id, d.id, e.id])
  })

  it('drops the oldest task, stopping its timer, when every kept task is unfinished', async () => {
    const { time, engine, seen } = setup({ retention: { maxTasks: 2, maxAgeMs: 24 * 3_600_000 } })
    const slow = { timing: { queueMs: 60_000, runMs: 0 } }
    const a = engine.create(newTask(slow))
    const b = engine.create(newTask(slow))
    const c = engine.create(newTask(slow))
    expect(engine.list().map((t) => t.id)).toEqual([b.id, c.id])
    expect(engine.get(a.id)).toBeUndefined()
    expect(time.pending()).toBe(2)
    await time.runAll()
    expect(a.state).toBe('queued')
    expect(seen.filter(([id]) => id === a.id)).toHaveLength(1)
  })

  it('on a create, drops finished tasks older than maxAgeMs, keeping unfinished ones', async () => {
    const { time, engine } = setup({ retention: { maxTasks: 100, maxAgeMs: 1_000 } })
    const old = engine.create(newTask({ timing: { queueMs: 0, runMs: 0 } }))
    const oldUnfinished = engine.create(newTask({ timing: { queueMs: 60_000, runMs: 0 } }))
    await time.advance(500)
    const young = engine.create(newTask({ timing: { queueMs: 0, runMs: 0 } }))
    await time.advance(500)
    expect(old.state).toBe('succeeded')

    engine.create(newTask())
    expect(engine.get(old.id)).toBe(old)
    await time.advance(1)
    engine.create(newTask())
    expect(engine.get(old.id)).toBeUndefined()
    expect(engine.get(oldUnfinished.id)).toBe(oldUnfinished)
    expect(engine.get(young.id)).toBe(young)

    await time.advance(499)
    engine.create(newTask())
    expect(engine.get(young.id)).toBe(young)
    await time.advance(1)
    engine.create(newTask())
    expect(engine.get(young.id)).toBeUndefined()
  })

  it('resets one namespace, stopping its timers, and leaves the others running', async () => {
    const { time, engine, seen } = setup()
    const mine = engine.create(newTask({ namespace: 'mine' }))
    const theirs = engine.create(newTask({ namespace: 'theirs' }))
    engine.reset('mine')
    expect(engine.get(mine.id)).toBeUndefined()
    expect(engine.list({ namespace: 'mine' })).toEqual([])
    expect(time.pending()).toBe(1)
    await time.runAll()
    expect(mine.state).toBe('queued')
    expect(theirs.state).toBe('succeeded')
    expect(engine.list({ namespace: 'theirs' })).toEqual([theirs])
    expect(seen.filter(([id]) => id === mine.id)).toHaveLength(1)

    engine.reset()
    expect(engine.list()).toEqual([])
  })

  it('lists tasks oldest first, filtered by provider, namespace, key and state', async () => {
    const { time, engine } = setup()
    const a = engine.create(newTask({ apiKey: 'k1', timing: { queueMs: 0, runMs: 0 } }))
    const b = engine.create(newTask({ apiKey: 'k2', provider: 'aivideoapi' }))
    const c = engine.create(newTask({ apiKey: 'k1' }))
    await time.advance(0)
    const ids = (tasks: Task[]) => tasks.map((t) => t.id)
    expect(ids(engine.list())).toEqual([a.id, b.id, c.id])
    expect(ids(engine.list({ apiKey: 'k1' }))).toEqual([a.id, c.id])
    expect(ids(engine.list({ provider: 'aivideoapi' }))).toEqual([b.id])
    expect(ids(engine.list({ states: ['succeeded'] }))).toEqual([a.id])
    expect(ids(engine.list({ states: ['queued'], apiKey: 'k1' }))).toEqual([c.id])
  })
})
