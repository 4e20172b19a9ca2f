/**
 * The collaborators every route uses, built once per emulator: config, clock and scheduler,
 * randomness, the image machinery, the task engine, credits, callback delivery, and each mounted
 * provider with its settings, error renderer and task hooks, wired here and nowhere else.
 * Tests pass their own clock or scheduler through `createRuntime`.
 */
import type { EmulatorConfig } from './config.js'
import { clockStartingAt, systemClock, type Clock } from './core/clock.js'
import { timerScheduler, type Scheduler } from './core/scheduler.js'
import { createRandom, type Random } from './core/random.js'
import { createImageRenderer } from './core/images/render-image.js'
import { createImageFiles, type ImageFiles } from './core/images/image-files.js'
import { createTaskEngine, type TaskEngine } from './core/tasks/task-engine.js'
import { createCreditLedger, type CreditLedger } from './core/credits/ledger.js'
import { createDeliveryQueue, type DeliveryQueue } from './core/callbacks/delivery-queue.js'
import {
  createWebhookEndpoints,
  type WebhookEndpoints,
} from './core/callbacks/webhook-endpoints.js'
import { createJournal, type Journal } from './core/journal/journal.js'
import { createKeyPolicies, type KeyPolicies } from './core/keys/key-policies.js'
import { createFaultRules, type FaultRules } from './core/faults/fault-rules.js'
import { mountProviders, type MountedProvider } from './providers/mount.js'
import { createChanges, type Changes } from './core/changes.js'
import { createLog, type Log } from './core/log/log.js'
import { batchedLines } from './core/log/batched-lines.js'
import { deliveryEntry } from './core/log/delivery-lines.js'

export interface Runtime {
  config: EmulatorConfig
  clock: Clock
  scheduler: Scheduler
  /**
   * The seeded generator of a namespace: ids, timings and secrets drawn in one namespace do not
   * shift another's, so each namespace's run repeats exactly for the same seed.
   */
  randomFor: (namespace: string, purpose?: string) => Random
  /** Renders recipes, names them under `/files/` and keeps uploads. */
  images: ImageFiles
  tasks: TaskEngine
  credits: CreditLedger
  deliveries: DeliveryQueue
  webhooks: WebhookEndpoints
  journal: Journal
  keys: KeyPolicies
  faults: FaultRules
  /** What changed, for the dashboard's live view, and which namespaces hold state. */
  changes: Changes
  /** Request, fault and delivery lines (`log`): stdout, batched; writes nothing when `off`. */
  log: Log
  /** The mounted providers, by id, in the order of `providers/index.ts`. */
  providers: ReadonlyMap<string, MountedProvider>
  /** When the emulator started (ms since epoch), for uptime. */
  startedAt: number
  /** Forgets all state, or one namespace's. */
  reset(namespace?: string): void
  /** Calls `listener` on every reset (replay rewinds its sequences). */
  onReset(listener: (namespace?: string) => void): void
  /** Stops timers (task transitions, delivery retries). */
  close(): void
}

export interface RuntimeOverrides {
  clock?: Clock
  scheduler?: Scheduler
  log?: Log
  /** Sends callback attempts; global fetch unless a test answers them itself. */
  fetch?: typeof fetch
}

export function createRuntime(config: EmulatorConfig, overrides: RuntimeOverrides = {}): Runtime {
  const clock =
    overrides.clock ??
    (config.startTime ? clockStartingAt(Date.parse(config.startTime)) : systemClock)
  const scheduler = overrides.scheduler ?? timerScheduler
  const streams = new Map<string, Random>()
  const resetListeners: ((namespace?: string) => void)[] = []
  const randomFor = (namespace: string, purpose = 'ids') => {
    const key = `${namespace}\u0000${purpose}`
    let random = streams.get(key)
    if (!random) streams.set(key, (random = createRandom(`${config.seed}:${namespace}:${purpose}`)))
    return random
  }
  const images = createImageFiles({
    renderer: createImageRenderer(config.images),
    uploadBytes: config.images.fileStoreBytes,
    looseRecipes: config.images.looseRecipes,
  })
  const tasks = createTaskEngine({ clock, scheduler, images, retention: config.tasks })
  const credits = createCreditLedger({ clock, defaultBalance: config.credits.defaultBalance })
  const changes = createChanges()
  const log =
    overrides.log ??
    createLog(
      config.log,
      batchedLines((text) => process.stdout.write(text)),
      process.stdout.isTTY,
    )
  const deliveries = createDeliveryQueue({
    clock,
    scheduler,
    policy: config.callbacks,
    ...(overrides.fetch && { fetch: overrides.fetch }),
    onChange: (namespace) => changes.notify('deliveries', namespace),
    ...(log.enabled && {
      onAttempt: (attempt, report) => {
        const entry = deliveryEntry(attempt, report, Date.now())
        if (entry) log.write(entry)
      },
    }),
  })
  const webhooks = createWebhookEndpoints({ randomFor, now: () => clock.now() })
  const journal = createJournal(config.journal.maxEntries, config.journal.maxNamespaces)
  const keys = createKeyPolicies()
  const faults = createFaultRules(config.seed)

  // Every provider refunds a task that does not succeed ("Failed tasks are automatically
  // refunded").
  tasks.subscribe((task) => {
    if (task.state === 'failed' || task.state === 'canceled') credits.refund(task, task.id)
    else if (task.state === 'succeeded') credits.settle(task, task.id)
    changes.notify('tasks', task.namespace)
  })
  const providers = mountProviders(config, {
    clock,
    images,
    tasks,
    credits,
    keys,
    deliveries,
    webhooks,
    randomFor,
  })

  return {
    config,
    clock,
    scheduler,
    randomFor,
    images,
    tasks,
    credits,
    deliveries,
    webhooks,
    journal,
    keys,
    faults,
    changes,
    log,
    providers,
    startedAt: clock.now(),
    reset(namespace) {
      for (const part of [tasks, credits, deliveries, webhooks, journal, keys, faults])
        part.reset(namespace)
      if (namespace === undefined) {
        images.clear()
        streams.clear()
      } else
        for (const key of [...streams.keys()])
          if (key.startsWith(`${namespace}\u0000`)) streams.delete(key)
      for (const listener of resetListeners) listener(namespace)
      changes.reset(namespace)
    },
    onReset: (listener) => void resetListeners.push(listener),
    close() {
      tasks.reset()
      deliveries.close()
    },
  }
}
