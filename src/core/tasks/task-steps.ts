/**
 * What a task does and when, decided once for every task store: the transitions a timed step,
 * `complete`, `cancel` and `fail` make, when the next step falls due, what a finished task looks
 * like and which images it names. The in-memory engine applies them to its live tasks; the Redis
 * store applies them to a copy and writes the result with a compare-and-set, so both stores move
 * tasks through exactly the same states.
 */
import { recipesOf, type ImageBatch, type ImageRecipe } from '../images/recipe.js'
import {
  isTerminal,
  type NewTask,
  type Task,
  type TaskFailure,
  type TaskListener,
  type TaskImage,
  type TaskOutcome,
  type TaskState,
} from './task.js'

/** One move of a task from `from` to `to`, with the fields that change with it. */
export interface Transition {
  from: TaskState
  to: TaskState
  startedAt?: number
  failure?: TaskFailure
  /** `complete` makes a task succeed whatever it was going to do. */
  outcome?: TaskOutcome
  /** Succeeding: the task names (holds) one image per recipe of its batch now. */
  publishesImages?: boolean
}

/**
 * A new task, queued, with every field set in one order: tasks share one shape however their
 * states went (and a task read back from JSON gets its missing optional fields back).
 */
export function queuedTask<Details>(newTask: NewTask<Details>, createdAt: number): Task<Details> {
  return inTaskShape({ ...newTask, state: 'queued', createdAt })
}

/** `task` with every field present, in the one order every task has. */
export function inTaskShape<Details>(task: Task<Details>): Task<Details> {
  return {
    id: task.id,
    provider: task.provider,
    namespace: task.namespace,
    apiKey: task.apiKey,
    state: task.state,
    details: task.details,
    batch: task.batch,
    outcome: task.outcome,
    timing: task.timing,
    timingProfile: task.timingProfile,
    charge: task.charge,
    callbackUrl: task.callbackUrl,
    callbackFaults: task.callbackFaults,
    createdAt: task.createdAt,
    startedAt: task.startedAt,
    completedAt: task.completedAt,
    images: task.images,
    failure: task.failure,
  }
}

/** How long after its last transition a task's next timed step falls due; undefined once ended. */
export function nextStepDelayMs(task: Task): number | undefined {
  if (task.state === 'queued') return task.timing.queueMs
  if (task.state === 'running') return task.timing.runMs
  return undefined
}

/**
 * What a timed step does now: a queued task starts, or fails if its outcome fails at `queued`; a
 * running one finishes as its outcome says. With no run time the finish follows the start in the
 * same step, so a poll right after a create with no queue time finds the task finished.
 */
export function timedStep(task: Task, now: number): Transition[] {
  if (task.state === 'running') return [finishing(task)]
  if (task.state !== 'queued') return []
  const { outcome } = task
  if (outcome.kind === 'fail' && outcome.stage === 'queued')
    return [{ from: 'queued', to: 'failed', failure: outcome.failure }]
  const start: Transition = { from: 'queued', to: 'running', startedAt: now }
  return task.timing.runMs <= 0 ? [start, finishing(task)] : [start]
}

function finishing(task: Task): Transition {
  return task.outcome.kind === 'fail'
    ? { from: 'running', to: 'failed', failure: task.outcome.failure }
    : { from: 'running', to: 'succeeded', publishesImages: true }
}

/** `complete`: an unfinished task succeeds now, starting first if still queued. */
export function completion(task: Task, now: number): Transition[] {
  if (isTerminal(task.state)) return []
  const succeed: Transition = {
    from: 'running',
    to: 'succeeded',
    outcome: { kind: 'succeed' },
    publishesImages: true,
  }
  return task.state === 'queued'
    ? [{ from: 'queued', to: 'running', startedAt: now }, succeed]
    : [succeed]
}

/** `cancel` and `fail` from outside: an unfinished task ends now; a finished one stays as it is. */
export function ending(task: Task, to: 'canceled'): Transition[]
export function ending(task: Task, to: 'failed', failure: TaskFailure): Transition[]
export function ending(task: Task, to: 'canceled' | 'failed', failure?: TaskFailure): Transition[] {
  if (isTerminal(task.state)) return []
  return [failure ? { from: task.state, to, failure } : { from: task.state, to }]
}

/**
 * Moves `task` (in place) through one transition at `now`; `images` are the ones it names when
 * the transition publishes them. Returns the state it left, for the listeners.
 */
export function applyTransition(
  task: Task,
  transition: Transition,
  now: number,
  images?: TaskImage[],
): TaskState {
  const previous = task.state
  if (transition.startedAt !== undefined) task.startedAt = transition.startedAt
  if (transition.outcome !== undefined) task.outcome = transition.outcome
  if (transition.failure !== undefined) task.failure = transition.failure
  if (transition.publishesImages && images) task.images = images
  task.state = transition.to
  if (isTerminal(transition.to)) task.completedAt = now
  return previous
}

/** The images a succeeding task names, one per recipe of its batch, held by `hold`. */
export function publishImages(batch: ImageBatch, hold: (recipe: ImageRecipe) => string) {
  return recipesOf(batch).map((recipe) => taskImage(recipe, hold(recipe)))
}

/** `publishImages` for a store whose `hold` answers over the network. */
export async function publishImagesAsync(
  batch: ImageBatch,
  hold: (recipe: ImageRecipe) => Promise<string>,
): Promise<TaskImage[]> {
  const recipes = recipesOf(batch)
  const files = await Promise.all(recipes.map(hold))
  return recipes.map((recipe, index) => taskImage(recipe, files[index]!))
}

function taskImage(recipe: ImageRecipe, file: string): TaskImage {
  return { file, width: recipe.size.width, height: recipe.size.height, format: recipe.format }
}

/**
 * Tells each listener of a transition. One that throws, or whose promise rejects, is logged and
 * does not keep the others from hearing of it.
 */
export function notifyListeners(
  listeners: Iterable<TaskListener>,
  task: Task,
  previous: TaskState | undefined,
): void {
  for (const listener of listeners) {
    try {
      const result = listener(task, previous)
      if (result instanceof Promise) result.catch(logListenerFailure)
    } catch (err) {
      logListenerFailure(err)
    }
  }
}

function logListenerFailure(err: unknown): void {
  console.error('[gpt-image-emulator] task listener failed:', err)
}
