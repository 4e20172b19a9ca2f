/**
 * Runs tasks through queued -> running -> succeeded | failed | canceled on timers, renders their
 * images when they run, and tells listeners (callbacks, webhooks, credits) of every transition.
 * Tasks are kept until reset or until retention drops them: oldest finished ones first.
 */
import type { Clock } from '../clock.js'
import type { Scheduler } from '../scheduler.js'
import type { FileStore } from '../images/file-store.js'
import type { ImageRenderer } from '../images/render-image.js'
import { labelledImageSpec } from '../images/labelled-images.js'
import { isTerminal, type Task, type TaskFailure, type TaskImage, type TaskState } from './task.js'

export type NewTask<Details> = Omit<
  Task<Details>,
  'state' | 'createdAt' | 'startedAt' | 'completedAt' | 'images' | 'failure'
> & {
  /** The failure recorded if rendering itself breaks (a bug, or sharp out of memory). */
  internalFailure: TaskFailure
}

/** Called on creation (`previous` undefined) and on every transition. */
export type TaskListener = (task: Task, previous: TaskState | undefined) => void

export interface TaskFilter {
  provider?: string
  namespace?: string
  apiKey?: string
  states?: readonly TaskState[]
}

export interface TaskEngine {
  create<Details>(task: NewTask<Details>): Task<Details>
  get(id: string): Task | undefined
  /** Tasks matching the filter, oldest first. */
  list(filter?: TaskFilter): Task[]
  /** Ends a task that has not ended: `canceled`, or `failed` with the given failure. */
  cancel(id: string): Task | undefined
  fail(id: string, failure: TaskFailure): Task | undefined
  /** Finishes a task now, successfully, skipping what is left of its timing. */
  complete(id: string): Promise<Task | undefined>
  /** Calls `listener` on every transition; returns a function that stops it. */
  subscribe(listener: TaskListener): () => void
  /** Forgets tasks (all, or one namespace's) and stops their timers. */
  reset(namespace?: string): void
}

export interface TaskEngineOptions {
  clock: Clock
  scheduler: Scheduler
  images: ImageRenderer
  files: FileStore
  retention: { maxTasks: number; maxAgeMs: number }
}

interface Internal {
  newTask: NewTask<unknown>
  cancelTimer?: () => void
  rendering?: Promise<TaskImage[]>
}

export function createTaskEngine({
  clock,
  scheduler,
  images,
  files,
  retention,
}: TaskEngineOptions): TaskEngine {
  const tasks = new Map<string, Task>()
  const internals = new Map<string, Internal>()
  const listeners = new Set<TaskListener>()

  function transition(task: Task, to: TaskState, changes: Partial<Task> = {}): void {
    const previous = task.state
    Object.assign(task, changes, { state: to })
    if (isTerminal(to)) {
      task.completedAt = clock.now()
      clearTimer(task.id)
    }
    notify(task, previous)
  }

  function notify(task: Task, previous: TaskState | undefined): void {
    for (const listener of listeners) {
      try {
        listener(task, previous)
      } catch (err) {
        console.error('[gpt-image-emulator] task listener failed:', err)
      }
    }
  }

  function schedule(task: Task, delayMs: number, step: () => void): void {
    const internal = internals.get(task.id)!
    internal.cancelTimer = scheduler.after(delayMs, step)
  }

  function clearTimer(id: string): void {
    const internal = internals.get(id)
    internal?.cancelTimer?.()
  }

  function render(task: Task): Promise<TaskImage[]> {
    const internal = internals.get(task.id)!
    internal.rendering ??= Promise.all(
      Array.from({ length: task.batch.count }, async (_, index): Promise<TaskImage> => {
        const spec = labelledImageSpec(task.batch, index)
        const bytes = await images.render(spec)
        return {
          file: files.put(bytes, spec.format),
          width: spec.width,
          height: spec.height,
          format: spec.format,
          bytes: bytes.length,
        }
      }),
    )
    return internal.rendering
  }

  function start(task: Task): void {
    if (task.state !== 'queued') return
    if (task.outcome.kind === 'fail' && task.outcome.stage === 'queued') {
      transition(task, 'failed', { failure: task.outcome.failure })
      return
    }
    transition(task, 'running', { startedAt: clock.now() })
    void render(task).catch(() => {}) // begin now; finish() awaits it
    schedule(task, task.timing.runMs, () => void finish(task))
  }

  async function finish(task: Task): Promise<void> {
    if (task.state !== 'running') return
    if (task.outcome.kind === 'fail') {
      transition(task, 'failed', { failure: task.outcome.failure })
      return
    }
    try {
      const rendered = await render(task)
      if (stillRunning(task)) transition(task, 'succeeded', { images: rendered })
    } catch (err) {
      console.error(`[gpt-image-emulator] rendering task ${task.id} failed:`, err)
      if (stillRunning(task))
        transition(task, 'failed', { failure: internals.get(task.id)!.newTask.internalFailure })
    }
  }

  /**
   * Whether the task is still running after an await: it may have been cancelled meanwhile, which
   * the narrowing from before the await cannot know.
   */
  function stillRunning(task: Task): boolean {
    return task.state === 'running'
  }

  function forget(id: string): void {
    clearTimer(id)
    tasks.delete(id)
    internals.delete(id)
  }

  function prune(): void {
    const oldest = clock.now() - retention.maxAgeMs
    for (const task of tasks.values()) {
      if (task.createdAt >= oldest) break
      if (isTerminal(task.state)) forget(task.id)
    }
    if (tasks.size <= retention.maxTasks) return
    for (const task of tasks.values()) {
      if (tasks.size <= retention.maxTasks) return
      if (isTerminal(task.state)) forget(task.id)
    }
    // Still over: drop the oldest even if unfinished, rather than grow without bound.
    for (const id of tasks.keys()) {
      if (tasks.size <= retention.maxTasks) return
      forget(id)
    }
  }

  return {
    create<Details>(newTask: NewTask<Details>): Task<Details> {
      const { internalFailure: _, ...fields } = newTask
      const task: Task<Details> = { ...fields, state: 'queued', createdAt: clock.now() }
      tasks.set(task.id, task)
      internals.set(task.id, { newTask })
      prune()
      schedule(task, task.timing.queueMs, () => start(task))
      notify(task, undefined)
      return task
    },
    get: (id) => tasks.get(id),
    list(filter = {}) {
      return [...tasks.values()].filter(
        (t) =>
          (filter.provider === undefined || t.provider === filter.provider) &&
          (filter.namespace === undefined || t.namespace === filter.namespace) &&
          (filter.apiKey === undefined || t.apiKey === filter.apiKey) &&
          (filter.states === undefined || filter.states.includes(t.state)),
      )
    },
    cancel(id) {
      const task = tasks.get(id)
      if (task && !isTerminal(task.state)) transition(task, 'canceled')
      return task
    },
    fail(id, failure) {
      const task = tasks.get(id)
      if (task && !isTerminal(task.state)) transition(task, 'failed', { failure })
      return task
    },
    async complete(id) {
      const task = tasks.get(id)
      if (!task || isTerminal(task.state)) return task
      clearTimer(id)
      if (task.state === 'queued') transition(task, 'running', { startedAt: clock.now() })
      task.outcome = { kind: 'succeed' }
      await finish(task)
      return task
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    reset(namespace) {
      for (const task of [...tasks.values()])
        if (namespace === undefined || task.namespace === namespace) forget(task.id)
    },
  }
}
