/**
 * Where the emulator's state lives: every part of it behind one store interface, answered in
 * memory (the default, nothing to install) or shared on Redis by several replicas. The runtime
 * builds one `Stores` and never asks which kind it holds.
 */
import type { Clock } from '../clock.js'
import type { Scheduler } from '../scheduler.js'
import type { Random } from '../random.js'
import type { ImageStore } from '../images/image-files.js'
import type { ImageRendererOptions } from '../images/render-image.js'
import type { TaskStore } from '../tasks/task-engine.js'
import type { CreditStore } from '../credits/ledger.js'
import type { DeliveryStore } from '../callbacks/delivery-queue.js'
import type { AttemptReport, DeliveryAttempt, DeliveryPolicy } from '../callbacks/delivery.js'
import type { WebhookStore } from '../callbacks/webhook-endpoints.js'
import type { JournalStore } from '../journal/journal.js'
import type { KeyStore } from '../keys/key-policies.js'
import type { FaultStore } from '../faults/fault-rules.js'
import type { ChangeFeed } from '../changes.js'
import type { RecordsOf } from './records.js'

export interface Stores {
  /** `memory`, or `redis` when replicas share their state. */
  kind: 'memory' | 'redis'
  /** Renders recipes, names them under `/files/` and keeps uploads. */
  images: ImageStore
  tasks: TaskStore
  credits: CreditStore
  deliveries: DeliveryStore
  webhooks: WebhookStore
  journal: JournalStore
  keys: KeyStore
  faults: FaultStore
  /** What changed, for the dashboard's live view, and which namespaces hold state. */
  changes: ChangeFeed
  /** Small records a provider must find again on a later request (CRUN's upload URLs). */
  records: RecordsOf
  /** Stops this replica's timers and connections; shared state stays for the other replicas. */
  close(): void
}

/** The settings the stores are built with: the emulator's config has them all. */
export interface StoreSettings {
  seed: string
  images: ImageRendererOptions & { fileStoreBytes: number; looseRecipes: number }
  tasks: { maxTasks: number; maxAgeMs: number }
  credits: { defaultBalance: number }
  callbacks: DeliveryPolicy
  journal: { maxEntries: number; maxNamespaces: number }
  /** Where replicas share their state, and how they claim work (redis-stores.ts). */
  redis: { url?: string; keyPrefix: string; leaseMs: number; pollMs: number }
}

/** What every kind of store is built from. */
export interface StoreDeps {
  config: StoreSettings
  clock: Clock
  scheduler: Scheduler
  randomFor: (namespace: string, purpose?: string) => Random
  /** Sends callback attempts; global fetch unless a test answers them itself. */
  fetch?: typeof fetch
  /** Each delivery attempt, for the log. */
  onAttempt?: (attempt: DeliveryAttempt, report: AttemptReport) => void
}
