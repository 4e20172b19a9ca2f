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
import {
  isTerminal,
  type NewTask,
  type Task,
  type TaskFailure,
  type TaskListener,
  type TaskState,
} from './task.js'
import {
  applyTransition,
  completion,
  ending,
  nextStepDelayMs,
  notifyListeners,
  publishImages,
  queuedTask,
  timedStep,
  type Transition,
} from './task-steps.js'
import type { Async } from '../state/async.js'

export type { NewTask, TaskListener }

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

/** The task engine as every store answers it (in memory, or shared on Redis). */
export type TaskStore = Async<TaskEngine, 'subscribe'>

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

  /**
   * Moves a live task through `transitions`, telling listeners of each. Stops where the task is
   * no longer where a transition starts: a listener ended it in between.
   */
  function apply(task: Task, transitions: readonly Transition[]): void {
    for (const transition of transitions) {
      if (task.state !== transition.from) return
      const named = transition.publishesImages
        ? publishImages(task.batch, (recipe) => images.hold(recipe))
        : undefined
      const previous = applyTransition(task, transition, clock.now(), named)
      if (isTerminal(task.state)) clearTimer(task.id)
      notifyListeners(listeners, task, previous)
    }
  }

  /** Runs the step due now, then waits for the next one, if the task is still kept and unfinished. */
  function step(task: Task): void {
    apply(task, timedStep(task, clock.now()))
    scheduleNextStep(task)
  }

  function scheduleNextStep(task: Task): void {
    const internal = internals.get(task.id)
    const delayMs = nextStepDelayMs(task)
    if (!internal || delayMs === undefined) return
    internal.cancelTimer = scheduler.after(delayMs, () => step(task))
  }

  function clearTimer(id: string): void {
    const internal = internals.get(id)
    internal?.cancelTimer?.()
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
      const task = queuedTask(newTask, clock.now())
      tasks.set(task.id, task)
      order.push(task)
      internals.set(task.id, {})
      prune()
      scheduleNextStep(task)
      notifyListeners(listeners, task, undefined)
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
      if (task) apply(task, ending(task, 'canceled'))
      return task
    },
    fail(id, failure) {
      const task = tasks.get(id)
      if (task) apply(task, ending(task, 'failed', failure))
      return task
    },
    complete(id) {
      const task = tasks.get(id)
      if (!task) return task
      clearTimer(id)
      apply(task, completion(task, clock.now()))
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
