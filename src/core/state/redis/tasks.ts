/**
 * The task store shared by several replicas on one Redis: the same lifecycle as the in-memory
 * engine (the transitions come from `task-steps.ts`), with every task kept as JSON so any replica
 * answers for any task, and each timed step performed by exactly one replica.
 *
 * Pending steps sit in one sorted set scored by when they fall due. A replica takes a due step by
 * claiming it in Lua (re-scoring it to now + lease, so no other replica takes it meanwhile),
 * applies it with a compare-and-set on the task's state, and in the same script schedules the
 * next step or drops it. If the replica dies after claiming, the lease runs out and another takes
 * the step; if it was only slow, the compare-and-set lets one of them win. Each replica sets
 * timers for the steps it scheduled and also polls for any due step, so tasks of a replica that
 * was killed still finish. Listeners hear of a transition on the replica that made it.
 */
import type { Clock } from '../../clock.js'
import type { Scheduler } from '../../scheduler.js'
import type { ImageStore } from '../../images/image-files.js'
import type { NewTask, TaskListener, TaskStore } from '../../tasks/task-engine.js'
import type { Task, TaskImage, TaskState } from '../../tasks/task.js'
import {
  applyTransition,
  completion,
  ending,
  inTaskShape,
  nextStepDelayMs,
  notifyListeners,
  publishImagesAsync,
  queuedTask,
  timedStep,
  type Transition,
} from '../../tasks/task-steps.js'
import type { RedisContext } from './connection.js'
import {
  advanceTaskScript,
  claimStepsScript,
  createTaskScript,
  listTasksScript,
  resetTasksScript,
} from './task-scripts.js'

export interface RedisTaskStoreOptions {
  clock: Clock
  scheduler: Scheduler
  /** Where a task's images are named, and let go of when the task is forgotten. */
  images: Pick<ImageStore, 'hold' | 'release'>
  retention: { maxTasks: number; maxAgeMs: number }
  /**
   * How long a claimed step stays this replica's: past it, another replica takes the step (this
   * one died). Only a delay after a crash, never a double transition: the state CAS sees to that.
   */
  leaseMs?: number
  /** How often this replica looks for due steps, whoever scheduled them. */
  pollMs?: number
  /** Due steps claimed per round trip while polling. */
  claimBatch?: number
}

/** The shared task store, and `stop` for this replica's timers (shared state stays). */
export type RedisTaskStore = TaskStore & { stop(): void }

const DEFAULT_LEASE_MS = 2_000
const DEFAULT_POLL_MS = 50
const DEFAULT_CLAIM_BATCH = 64

/** A task as it is after one transition, and the state it left, for the listeners. */
interface Snapshot {
  task: Task
  previous: TaskState
}

/** A compare-and-set's answer: the task as written, or as another replica left it (or gone). */
interface Commit {
  written: boolean
  task: Task | undefined
}

export function createRedisTaskStore(
  { redis, prefix }: RedisContext,
  options: RedisTaskStoreOptions,
): RedisTaskStore {
  const { clock, scheduler, images, retention } = options
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS
  const claimBatch = options.claimBatch ?? DEFAULT_CLAIM_BATCH

  const orderKey = `${prefix}tasks:order`
  const dueKey = `${prefix}tasks:due`
  const seqKey = `${prefix}tasks:seq`
  const taskKeyPrefix = `${prefix}tasks:task:`
  const namespaceKeyPrefix = `${prefix}tasks:ns:`
  const taskKey = (id: string) => taskKeyPrefix + id
  const namespaceKey = (namespace: string) => namespaceKeyPrefix + namespace

  const listeners = new Set<TaskListener>()
  /** This replica's timers, by task id, for the steps it scheduled itself. */
  const timers = new Map<string, () => void>()
  let stopped = false

  const parseTask = (json: string) => inTaskShape(JSON.parse(json) as Task)
  const heldFiles = (task: Task) =>
    task.images ? JSON.stringify(task.images.map((image) => image.file)) : ''

  /** When `task`'s next step falls due, `now` being its last transition; undefined once ended. */
  function dueTime(task: Task, now: number): number | undefined {
    const delayMs = nextStepDelayMs(task)
    return delayMs === undefined ? undefined : now + delayMs
  }

  /** The images a transition list names, held before the task is written (released if not). */
  async function holdImagesFor(task: Task, transitions: readonly Transition[]) {
    if (!transitions.some((transition) => transition.publishesImages)) return undefined
    return publishImagesAsync(task.batch, (recipe) => images.hold(recipe))
  }

  /** `task` moved through `transitions` on copies: one snapshot per transition, for listeners. */
  function applyToCopies(
    task: Task,
    transitions: readonly Transition[],
    now: number,
    named: TaskImage[] | undefined,
  ): Snapshot[] {
    const snapshots: Snapshot[] = []
    let current = task
    for (const transition of transitions) {
      current = structuredClone(current)
      const previous = applyTransition(current, transition, now, named)
      snapshots.push({ task: current, previous })
    }
    return snapshots
  }

  /** Lets go of image holds nobody will own: logged, not thrown, as the task write is settled. */
  async function releaseQuietly(files: readonly string[]): Promise<void> {
    if (files.length === 0) return
    try {
      await images.release(files)
    } catch (err) {
      console.error(`[gpt-image-emulator] releasing task images failed: ${messageOf(err)}`)
    }
  }

  /** After a script forgot tasks ([id, files JSON, ...]): stop their timers, release their images. */
  async function letGo(forgotten: readonly string[]): Promise<void> {
    const files: string[] = []
    for (let i = 0; i < forgotten.length; i += 2) {
      disarm(forgotten[i]!)
      const held = forgotten[i + 1]
      if (held) files.push(...(JSON.parse(held) as string[]))
    }
    await releaseQuietly(files)
  }

  /**
   * Writes `current` moved through `transitions` at `now` (one moment for all of them) if nobody
   * moved it first (compare-and-set on its state), then tells listeners and sets the timer of its
   * next step. A loser lets go of the images it held and gets the task as the winner left it.
   */
  async function commit(
    current: Task,
    transitions: readonly Transition[],
    now: number,
  ): Promise<Commit> {
    const named = await holdImagesFor(current, transitions)
    const snapshots = applyToCopies(current, transitions, now, named)
    const final = snapshots.at(-1)!.task
    const dueAt = dueTime(final, now)
    // A failed call (Redis away) may still have written the task: its holds are kept, since a
    // hold leaked costs a little memory and one released too many loses a task's images.
    const reply = (await advanceTaskScript.run(
      redis,
      [taskKey(current.id), dueKey],
      [
        current.id,
        current.state,
        final.state,
        JSON.stringify(final),
        heldFiles(final),
        dueAt ?? '',
      ],
    )) as [written: number, json?: string]
    const [written, json] = reply
    if (written !== 1) {
      await releaseQuietly(named?.map((image) => image.file) ?? [])
      return { written: false, task: json === undefined ? undefined : parseTask(json) }
    }
    disarm(current.id)
    if (dueAt !== undefined) arm(current.id, dueAt)
    for (const { task, previous } of snapshots) notifyListeners(listeners, task, previous)
    return { written: true, task: final }
  }

  /**
   * `cancel`, `fail`, `complete`: decided on the task as read, retried on the task as it is if a
   * timed step on another replica moved it first. States only move forward, so this settles in a
   * few rounds; a task that has ended comes back as it is.
   */
  async function changeFromOutside(
    id: string,
    decide: (task: Task, now: number) => Transition[],
  ): Promise<Task | undefined> {
    const json = await redis.hget(taskKey(id), 'json')
    let task = json === null ? undefined : parseTask(json)
    while (task) {
      const now = clock.now()
      const transitions = decide(task, now)
      if (transitions.length === 0) return task
      const result = await commit(task, transitions, now)
      if (result.written) return result.task
      task = result.task
    }
    return undefined
  }

  /** Claims due steps (all of them, or only `id`'s), leased to this replica; their tasks' JSON. */
  async function claim(now: number, limit: number, id = ''): Promise<string[]> {
    return (await claimStepsScript.run(
      redis,
      [dueKey],
      [taskKeyPrefix, now, now + leaseMs, limit, id],
    )) as string[]
  }

  /** Performs a claimed step; a failure is logged and the step retried once its lease ends. */
  async function runClaimedStep(json: string): Promise<void> {
    try {
      const task = parseTask(json)
      const now = clock.now()
      const transitions = timedStep(task, now)
      if (transitions.length > 0) await commit(task, transitions, now)
    } catch (err) {
      console.error(`[gpt-image-emulator] task step failed: ${messageOf(err)}`)
    }
  }

  function arm(id: string, dueAt: number): void {
    if (stopped) return
    const cancel = scheduler.after(dueAt - clock.now(), () => {
      timers.delete(id)
      // Due by this timer even if the clock reads a hair early.
      claim(Math.max(clock.now(), dueAt), 1, id)
        .then((claimed) => Promise.all(claimed.map(runClaimedStep)))
        .catch((err: unknown) => {
          console.error(`[gpt-image-emulator] task step failed: ${messageOf(err)}`)
        })
    })
    timers.set(id, cancel)
  }

  function disarm(id: string): void {
    timers.get(id)?.()
    timers.delete(id)
  }

  /** Takes every due step, whoever scheduled it: the steps of replicas that died, and stolen ones. */
  let pollFailing = false
  let cancelPoll = () => {}
  async function poll(): Promise<void> {
    try {
      for (;;) {
        const claimed = await claim(clock.now(), claimBatch)
        await Promise.all(claimed.map(runClaimedStep))
        if (claimed.length < claimBatch || stopped) break
      }
      pollFailing = false
    } catch (err) {
      // Once per outage, not every poll while Redis is away.
      if (!pollFailing)
        console.error(`[gpt-image-emulator] polling task steps failed: ${messageOf(err)}`)
      pollFailing = true
    }
    if (!stopped) cancelPoll = scheduler.after(pollMs, () => void poll())
  }
  cancelPoll = scheduler.after(pollMs, () => void poll())

  return {
    async create(newTask: NewTask<unknown>) {
      const now = clock.now()
      const queued = queuedTask(newTask, now)
      // No queue time: the creator makes the start now (and the finish, with no run time), before
      // answering, so a poll right after the create finds the task moved on, as in memory.
      const transitions = queued.timing.queueMs <= 0 ? timedStep(queued, now) : []
      const named = await holdImagesFor(queued, transitions)
      const snapshots = applyToCopies(queued, transitions, now, named)
      const final = snapshots.at(-1)?.task ?? queued
      const dueAt = dueTime(final, now)
      // As in `commit`, holds are kept if the call fails: the task may be written all the same.
      const forgotten = (await createTaskScript.run(
        redis,
        [orderKey, dueKey, seqKey, taskKey(queued.id), namespaceKey(queued.namespace)],
        [
          taskKeyPrefix,
          namespaceKeyPrefix,
          queued.id,
          queued.namespace,
          queued.provider,
          queued.apiKey,
          final.state,
          JSON.stringify(final),
          heldFiles(final),
          now,
          dueAt ?? '',
          retention.maxTasks,
          retention.maxAgeMs,
        ],
      )) as string[]
      await letGo(forgotten)
      if (dueAt !== undefined) arm(queued.id, dueAt)
      notifyListeners(listeners, queued, undefined)
      for (const { task, previous } of snapshots) notifyListeners(listeners, task, previous)
      return queued
    },

    async get(id) {
      const json = await redis.hget(taskKey(id), 'json')
      return json === null ? undefined : parseTask(json)
    },

    async list(filter = {}) {
      const { provider, apiKey, states } = filter
      const found = (await listTasksScript.run(
        redis,
        [filter.namespace === undefined ? orderKey : namespaceKey(filter.namespace)],
        [
          taskKeyPrefix,
          provider === undefined ? '0' : '1',
          provider ?? '',
          apiKey === undefined ? '0' : '1',
          apiKey ?? '',
          states === undefined ? '0' : '1',
          ...(states ?? []),
        ],
      )) as string[]
      return found.map(parseTask)
    },

    cancel: (id) => changeFromOutside(id, (task) => ending(task, 'canceled')),
    fail: (id, failure) => changeFromOutside(id, (task) => ending(task, 'failed', failure)),
    complete: (id) => changeFromOutside(id, completion),

    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },

    async reset(namespace) {
      const forgotten = (await resetTasksScript.run(
        redis,
        [orderKey, dueKey, namespace === undefined ? orderKey : namespaceKey(namespace)],
        [taskKeyPrefix, namespaceKeyPrefix],
      )) as string[]
      await letGo(forgotten)
    },

    stop() {
      stopped = true
      cancelPoll()
      for (const cancel of timers.values()) cancel()
      timers.clear()
    },
  }
}

/** A Redis failure is said in one line: its stack is ioredis's, of no use to the reader. */
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err))
