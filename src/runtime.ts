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
import type { StoreDeps, Stores } from './core/state/stores.js'
import { createMemoryStores } from './core/state/memory-stores.js'
import type { SharedState } from './core/state/redis-stores.js'
import { mountProviders, type MountedProvider } from './providers/mount.js'
import { createLog, type Log } from './core/log/log.js'
import { batchedLines } from './core/log/batched-lines.js'
import { deliveryEntry } from './core/log/delivery-lines.js'

/** Every store (stores.ts says what each holds), with what the routes need beside them. */
export interface Runtime extends Omit<Stores, 'kind' | 'close'> {
  config: EmulatorConfig
  clock: Clock
  scheduler: Scheduler
  /**
   * The seeded generator of a namespace: ids, timings and secrets drawn in one namespace do not
   * shift another's, so each namespace's run repeats exactly for the same seed.
   */
  randomFor: (namespace: string, purpose?: string) => Random
  /** Request, fault and delivery lines (`log`): stdout, batched; writes nothing when `off`. */
  log: Log
  /** The mounted providers, by id, in the order of `providers/index.ts`. */
  providers: ReadonlyMap<string, MountedProvider>
  /** When the emulator started (ms since epoch), for uptime. */
  startedAt: number
  /** Forgets all state, or one namespace's. */
  reset(namespace?: string): Promise<void>
  /** Calls `listener` on every reset (replay rewinds its sequences). */
  onReset(listener: (namespace?: string) => void): void
  /** `memory`, or `redis` when replicas share their state. */
  stateStore: Stores['kind']
  /** Whether the state store answers now (always, in memory). */
  storeAvailable: () => boolean
  /** The shared store's URL (password masked) and this replica's id; undefined in memory. */
  shared?: { url: string; replicaId: string }
  /** Stops timers (task transitions, delivery retries) and the shared store's connections. */
  close(): void
}

export interface RuntimeOverrides {
  clock?: Clock
  scheduler?: Scheduler
  log?: Log
  /** Sends callback attempts; global fetch unless a test answers them itself. */
  fetch?: typeof fetch
  /** A Redis to share state through with other replicas; in memory when omitted. */
  shared?: SharedState
}

export function createRuntime(config: EmulatorConfig, overrides: RuntimeOverrides = {}): Runtime {
  const clock =
    overrides.clock ??
    (config.startTime ? clockStartingAt(Date.parse(config.startTime)) : systemClock)
  const scheduler = overrides.scheduler ?? timerScheduler
  const streams = new Map<string, Random>()
  const resetListeners: ((namespace?: string) => void)[] = []
  // Replicas sharing state draw from their own streams: the same seed would give each the same
  // ids. A lone emulator's draws repeat exactly for a seed; a replica's are its own.
  const seed = overrides.shared ? `${config.seed}:${overrides.shared.replicaId}` : config.seed
  const randomFor = (namespace: string, purpose = 'ids') => {
    const key = `${namespace}\u0000${purpose}`
    let random = streams.get(key)
    if (!random) streams.set(key, (random = createRandom(`${seed}:${namespace}:${purpose}`)))
    return random
  }
  const log =
    overrides.log ??
    createLog(
      config.log,
      batchedLines((text) => process.stdout.write(text)),
      process.stdout.isTTY,
    )
  const storeDeps: StoreDeps = {
    config,
    clock,
    scheduler,
    randomFor,
    ...(overrides.fetch && { fetch: overrides.fetch }),
    ...(log.enabled && {
      onAttempt: (attempt, report) => {
        const entry = deliveryEntry(attempt, report, Date.now())
        if (entry) log.write(entry)
      },
    }),
  }
  const stores = overrides.shared?.stores(storeDeps) ?? createMemoryStores(storeDeps)
  const { images, tasks, credits, deliveries, webhooks, journal, keys, faults, changes } = stores

  // Every provider refunds a task that does not succeed ("Failed tasks are automatically
  // refunded").
  tasks.subscribe(async (task) => {
    changes.notify('tasks', task.namespace)
    if (task.state === 'failed' || task.state === 'canceled') await credits.refund(task, task.id)
    else if (task.state === 'succeeded') await credits.settle(task, task.id)
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
    records: stores.records,
    log,
    providers,
    stateStore: stores.kind,
    storeAvailable: overrides.shared?.available ?? (() => true),
    ...(overrides.shared && {
      shared: { url: overrides.shared.url, replicaId: overrides.shared.replicaId },
    }),
    startedAt: clock.now(),
    async reset(namespace) {
      await Promise.all(
        [tasks, credits, deliveries, webhooks, journal, keys, faults].map((part) =>
          part.reset(namespace),
        ),
      )
      if (namespace === undefined) {
        await images.clear()
        streams.clear()
      } else
        for (const key of [...streams.keys()])
          if (key.startsWith(`${namespace}\u0000`)) streams.delete(key)
      for (const listener of resetListeners) listener(namespace)
      changes.reset(namespace)
    },
    onReset: (listener) => void resetListeners.push(listener),
    close: () => stores.close(),
  }
}
