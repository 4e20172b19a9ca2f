/**
 * A generation task in words no provider owns. Each provider renders it in its own: IN_QUEUE or
 * pending for `queued`, COMPLETED or success for `succeeded`, and so on.
 */
import type { ImageBatch } from '../images/recipe.js'
import type { ImageFormat } from '../images/render-image.js'
import type { Timing, TimingProfile } from './timing.js'
import type { CallbackFault } from '../faults/fault-actions.js'

export type TaskState = 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled'
export const TERMINAL_STATES: readonly TaskState[] = ['succeeded', 'failed', 'canceled']

export function isTerminal(state: TaskState): boolean {
  return TERMINAL_STATES.includes(state)
}

export interface TaskImage {
  /** Name under `/files/`. */
  file: string
  width: number
  height: number
  format: ImageFormat
}

export interface TaskFailure {
  /** The provider's own error code (`upstream_error`, `IMAGE_GENERATION_FAILED`, `501`). */
  code: string
  message: string
}

/** What a task will do when it runs, decided at creation (moderation, forced faults). */
export type TaskOutcome =
  { kind: 'succeed' } | { kind: 'fail'; stage: 'queued' | 'running'; failure: TaskFailure }

export interface Task<Details = unknown> {
  id: string
  provider: string
  namespace: string
  apiKey: string
  state: TaskState
  /** Provider-specific request data the provider's wire format needs (normalized input, model). */
  details: Details
  /** The images to render on success. */
  batch: ImageBatch
  outcome: TaskOutcome
  timing: Timing
  /** The profile `timing` was drawn from; undefined for explicit milliseconds. */
  timingProfile?: TimingProfile
  /** Credits charged at creation; refunded when the task fails or is canceled. */
  charge: number
  callbackUrl?: string
  /** Faults injected into this task's callbacks (X-Emulator-Fault, fault rules). */
  callbackFaults?: CallbackFault
  /** Milliseconds since the epoch. */
  createdAt: number
  startedAt?: number
  completedAt?: number
  images?: TaskImage[]
  failure?: TaskFailure
}

/** A task as a provider asks for it: what the engine sets (state, times, images) left out. */
export type NewTask<Details> = Omit<
  Task<Details>,
  'state' | 'createdAt' | 'startedAt' | 'completedAt' | 'images' | 'failure'
>

/**
 * Called on creation (`previous` undefined) and on every transition. What it returns is ignored,
 * but a promise that rejects (an async listener) is logged like a throw.
 */
export type TaskListener = (task: Task, previous: TaskState | undefined) => unknown
