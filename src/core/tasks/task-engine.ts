/**
 * Runs tasks through queued -> running -> succeeded | failed | canceled on timers, names their
 * images when they succeed, and tells listeners (callbacks, webhooks, credits) of every
 * transition. Tasks are kept until reset or until retention drops them: oldest finished ones
 * first. Images are recipes: a task renders nothing; its URLs render when fetched, for as long as
 * the task is kept.
 */
import type { Clock } from '../clock.js'
import type { Scheduler } from '../scheduler.js'
import type { ImageFiles } from '../images/image-files.js'
import { recipesOf } from '../images/recipe.js'
import { isTerminal, type Task, type TaskFailure, type TaskImage, type TaskState } from './task.js'

export type NewTask<Details> = Omit<
  Task<Details>,
  'state' | 'createdAt' | 'startedAt' | 'completedAt' | 'images' | 'failure'
>

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
  complete(id: string): Task | undefined
  /** Calls `listener` on every transition; returns a function that stops it. */
  subscribe(listener: TaskListener): () => void
  /** Forgets tasks (all, or one namespace's) and stops their timers. */
  reset(namespace?: string): void
}

export interface TaskEngineOptions {
  clock: Clock
  scheduler: Scheduler
  /** Where a task's images are named, and let go of when the task is forgotten. */
  images: Pick<ImageFiles, 'hold' | 'release'>
  retention: { maxTasks: number; maxAgeMs: number }
}

interface Internal {
  cancelTimer?: () => void
}

export function createTaskEngine({
  clock,
  scheduler,
  images,
  retention,
}: TaskEngineOptions): TaskEngine {
  const tasks = new Map<string, Task>()
  const internals = new Map<string, Internal>()
  const listeners = new Set<TaskListener>()

  function transition(
    task: Task,
    to: TaskState,
    changes: Pick<Partial<Task>, 'startedAt' | 'images' | 'failure'> = {},
  ): void {
    const previous = task.state
    if (changes.startedAt !== undefined) task.startedAt = changes.startedAt
    if (changes.images !== undefined) task.images = changes.images
    if (changes.failure !== undefined) task.failure = changes.failure
    task.state = to
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

  function publishImages(task: Task): TaskImage[] {
    return recipesOf(task.batch).map((recipe) => ({
      file: images.hold(recipe),
      width: recipe.size.width,
      height: recipe.size.height,
      format: recipe.format,
    }))
  }

  function start(task: Task): void {
    if (task.state !== 'queued') return
    if (task.outcome.kind === 'fail' && task.outcome.stage === 'queued') {
      transition(task, 'failed', { failure: task.outcome.failure })
      return
    }
    transition(task, 'running', { startedAt: clock.now() })
    // No run time: done in the same turn, so a poll right after the create finds it finished.
    if (task.timing.runMs <= 0) finish(task)
    else schedule(task, task.timing.runMs, () => finish(task))
  }

  function finish(task: Task): void {
    if (task.state !== 'running') return
    if (task.outcome.kind === 'fail') transition(task, 'failed', { failure: task.outcome.failure })
    else transition(task, 'succeeded', { images: publishImages(task) })
  }

  function forget(id: string): void {
    clearTimer(id)
    images.release(tasks.get(id)?.images?.map((image) => image.file) ?? [])
    tasks.delete(id)
    internals.delete(id)
  }

  /**
   * Tasks in creation order, oldest first, from `head`, for retention. A Map iterated from its
   * start walks past every entry deleted since its last rehash, thousands at steady load, on
   * every create; this queue drops forgotten tasks from its front once.
   */
  let order: Task[] = []
  let head = 0
  const isKept = (task: Task) => tasks.get(task.id) === task

  function dropForgottenFront(): void {
    while (head < order.length && !isKept(order[head]!)) head++
    if (head > 1024 && head * 2 > order.length) {
      order = order.slice(head)
      head = 0
    }
  }

  function prune(): void {
    dropForgottenFront()
    const oldest = clock.now() - retention.maxAgeMs
    for (let i = head; i < order.length; i++) {
      const task = order[i]!
      if (!isKept(task)) continue
      if (task.createdAt >= oldest) break
      if (isTerminal(task.state)) forget(task.id)
    }
    // Over the count: the oldest finished tasks go first...
    for (let i = head; i < order.length && tasks.size > retention.maxTasks; i++) {
      const task = order[i]!
      if (isKept(task) && isTerminal(task.state)) forget(task.id)
    }
    // ...and if still over, the oldest even if unfinished, rather than grow without bound.
    for (let i = head; i < order.length && tasks.size > retention.maxTasks; i++) {
      const task = order[i]!
      if (isKept(task)) forget(task.id)
    }
    dropForgottenFront()
  }

  return {
    create<Details>(newTask: NewTask<Details>): Task<Details> {
      // Every field set now, in one order: tasks share one shape however their states went.
      const task: Task<Details> = {
        id: newTask.id,
        provider: newTask.provider,
        namespace: newTask.namespace,
        apiKey: newTask.apiKey,
        state: 'queued',
        details: newTask.details,
        batch: newTask.batch,
        outcome: newTask.outcome,
        timing: newTask.timing,
        timingProfile: newTask.timingProfile,
        charge: newTask.charge,
        callbackUrl: newTask.callbackUrl,
        callbackFaults: newTask.callbackFaults,
        createdAt: clock.now(),
        startedAt: undefined,
        completedAt: undefined,
        images: undefined,
        failure: undefined,
      }
      tasks.set(task.id, task)
      order.push(task)
      internals.set(task.id, {})
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
    complete(id) {
      const task = tasks.get(id)
      if (!task || isTerminal(task.state)) return task
      clearTimer(id)
      if (task.state === 'queued') transition(task, 'running', { startedAt: clock.now() })
      task.outcome = { kind: 'succeed' }
      finish(task)
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
