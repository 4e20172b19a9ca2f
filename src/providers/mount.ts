/**
 * Readies each provider the config mounts, once per runtime: its settings from the config, its
 * error renderer, its task step, and its task hooks subscribed to the task engine. Building the
 * app afterwards has no side effects, however often it is done.
 */
import type { CoreConfig } from '../config-core.js'
import type { Clock } from '../core/clock.js'
import type { Random } from '../core/random.js'
import type { ImageStore } from '../core/images/image-files.js'
import type { TaskStore } from '../core/tasks/task-engine.js'
import type { CreditStore } from '../core/credits/ledger.js'
import type { KeyStore } from '../core/keys/key-policies.js'
import type { DeliveryStore } from '../core/callbacks/delivery-queue.js'
import type { WebhookStore } from '../core/callbacks/webhook-endpoints.js'
import type { TaskFailure } from '../core/tasks/task.js'
import type { TimingProfile } from '../core/tasks/timing.js'
import { createErrorRenderer, type ErrorRenderer } from '../core/errors/render.js'
import { createTaskStep, type TaskStep } from '../core/tasks/queue-task.js'
import type { TargetPolicy } from '../core/callbacks/target-policy.js'
import {
  retryDelaysFor,
  retrySettingsOf,
  type CoreRetryPolicy,
} from '../core/callbacks/retry-schedule.js'
import type { AnyProvider } from './descriptor.js'
import { providers } from './index.js'

export interface MountedProvider {
  descriptor: AnyProvider
  /** The provider's section of the config, validated and defaulted. */
  settings: unknown
  errors: ErrorRenderer
  taskStep: TaskStep
  /** How its tasks read when failed without a code. */
  taskFailure: TaskFailure
}

export interface MountDeps {
  clock: Clock
  images: ImageStore
  tasks: TaskStore
  credits: CreditStore
  keys: KeyStore
  deliveries: DeliveryStore
  webhooks: WebhookStore
  randomFor(namespace: string, purpose?: string): Random
}

/** A provider with no task hooks fails its (never created) tasks plainly. */
const PLAIN_FAILURE: TaskFailure = { code: 'failed', message: 'Generation failed' }

/** The settings mounting reads: which providers, and each one's config section by its key. */
export type MountConfig = Pick<CoreConfig, 'seed' | 'timing' | 'retryAfterSeconds'> & {
  providers: readonly string[]
  /**
   * Where callbacks may go (core/callbacks/target-policy.ts; anywhere but the refused ranges) and
   * how they are retried (core/callbacks/retry-schedule.ts; the queue's policy when absent).
   */
  callbacks?: TargetPolicy & Partial<CoreRetryPolicy>
}

export function mountProviders(
  config: MountConfig,
  deps: MountDeps,
): ReadonlyMap<string, MountedProvider> {
  const mounted = new Map<string, MountedProvider>()
  for (const descriptor of providers as readonly AnyProvider[]) {
    if (!config.providers.includes(descriptor.id)) continue
    const settings: unknown = (config as Record<string, unknown>)[descriptor.settings.key]
    const hooks = descriptor.tasks
    const taskFailure = hooks?.failure ?? PLAIN_FAILURE
    const taskStep = createTaskStep(
      {
        provider: descriptor.id,
        newId: hooks?.newId ?? ((random) => random.uuid()),
        failure: taskFailure,
      },
      {
        ...deps,
        defaults: { seed: config.seed, timing: config.timing },
        callbackTargets: config.callbacks ?? { allow: [], deny: [] },
      },
    )
    if (hooks?.onChange) {
      const core = retryPolicyOf(config.callbacks)
      const own = retrySettingsOf(settings)
      // The task's timing profile picks its callbacks' schedule: seconds, or realistic minutes.
      // Both are fixed once mounted, so each is made here, not on every change of every task.
      const servicesFor = (profile: TimingProfile | undefined) => ({
        ...deps,
        settings,
        deliveries: core
          ? withRetryDelays(deps.deliveries, retryDelaysFor(profile, own, core))
          : deps.deliveries,
      })
      const quick = servicesFor(undefined)
      const realistic = servicesFor('realistic')
      deps.tasks.subscribe((task, previous) => {
        if (task.provider !== descriptor.id) return
        const services = task.timingProfile === 'realistic' ? realistic : quick
        return hooks.onChange?.(task as never, previous, services)
      })
    }
    mounted.set(descriptor.id, {
      descriptor,
      settings,
      errors: createErrorRenderer(descriptor.errors(settings), {
        retryAfterSeconds: config.retryAfterSeconds,
      }),
      taskStep,
      taskFailure,
    })
  }
  return mounted
}

function retryPolicyOf(callbacks: MountConfig['callbacks']): CoreRetryPolicy | undefined {
  const { maxAttempts, backoffMs, realisticRetryDelaysMs } = callbacks ?? {}
  if (maxAttempts === undefined || backoffMs === undefined || !realisticRetryDelaysMs)
    return undefined
  return { maxAttempts, backoffMs, realisticRetryDelaysMs }
}

/** The queue, with every delivery enqueued through it on `retryDelaysMs`. */
function withRetryDelays(queue: DeliveryStore, retryDelaysMs: readonly number[]): DeliveryStore {
  return { ...queue, enqueue: (request) => queue.enqueue({ retryDelaysMs, ...request }) }
}
