/**
 * What a provider is to the emulator, in one object: its id (also its mount path, spec and
 * contract suite), real base URL, key scheme, settings, error catalogue, routes, task hooks and
 * what record and replay must know. `providers/index.ts` lists them; everything else derives.
 */
import type { Hono } from 'hono'
import type { z } from 'zod'
import type { CoreConfig } from '../config-core.js'
import type { EmulatorEnv } from '../core/http/env.js'
import type { KeyScheme } from '../core/auth/api-key.js'
import type { ProviderErrors } from '../core/errors/catalogue.js'
import type { Clock } from '../core/clock.js'
import type { Random } from '../core/random.js'
import type { ImageStore } from '../core/images/image-files.js'
import type { TaskStore } from '../core/tasks/task-engine.js'
import type { Task, TaskFailure, TaskState } from '../core/tasks/task.js'
import type { TaskStep } from '../core/tasks/queue-task.js'
import type { CreditStore } from '../core/credits/ledger.js'
import type { RecordsOf } from '../core/state/records.js'
import type { DeliveryStore } from '../core/callbacks/delivery-queue.js'
import type { WebhookStore } from '../core/callbacks/webhook-endpoints.js'

/** What a provider's routes may use: its settings, the global config and the core services. */
export interface ProviderServices<Settings> {
  /** The provider's id, as it labels images and keys accounts. */
  id: string
  settings: Settings
  config: CoreConfig
  clock: Clock
  /** Renders recipes, names them under `/files/` and keeps uploads. */
  images: ImageStore
  tasks: TaskStore
  credits: CreditStore
  randomFor: (namespace: string, purpose?: string) => Random
  /** Calls `listener` on every reset: of one namespace, or of everything (undefined). */
  onReset: (listener: (namespace?: string) => void) => void
  /** Small records to find again on a later request, shared by replicas that share state. */
  records: RecordsOf
  /**
   * Queues a task (charge, seed, timing, faults) and finds the caller's own; async providers
   * only.
   */
  taskStep: TaskStep
}

/** What a provider's task hooks may use. */
export interface TaskHookServices<Settings> {
  settings: Settings
  clock: Clock
  images: ImageStore
  deliveries: DeliveryStore
  webhooks: WebhookStore
  randomFor: (namespace: string, purpose?: string) => Random
}

export interface TaskHooks<Settings> {
  /** How this provider's task ids look (`uuid`, `gen_<hex>`). */
  newId: (random: Random) => string
  /** How its tasks read when they fail upstream (faults, the control plane without a code). */
  failure: TaskFailure
  /**
   * Called once for the creation (`previous` undefined) and each transition of this provider's
   * tasks: where callbacks and webhooks are sent from. Wired once, when the runtime is made.
   * A method, not a function property, so that its `task: Task<never>` parameter is bivariant:
   * each provider's hook takes its own `Task<Details>`.
   */
  onChange?(
    task: Task<never>,
    previous: TaskState | undefined,
    services: TaskHookServices<Settings>,
  ): void | Promise<void>
}

/** Where a provider's requests carry the URL its callbacks go to. */
export type CallbackUrlPlace =
  { in: 'body'; field: string } | { in: 'query'; name: string } | { in: 'header'; name: string }

/** What record and replay must know about a provider's traffic. */
export interface TrafficHints {
  /** Where the callback URL lives, rewritten when recording and ignored when matching. */
  callbackUrl?: CallbackUrlPlace
  /** Top-level body fields that differ per run and never identify a request. */
  volatileFields?: readonly string[]
  /** The task a callback body speaks of, for the delivery log of replayed callbacks. */
  taskIdOf?(body: unknown): string | undefined
}

/** A provider's settings schema: an object, so it can be a section of the config. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SettingsSchema = z.ZodObject<any>

export interface ProviderDescriptor<
  Id extends string = string,
  Key extends string = string,
  Schema extends SettingsSchema = SettingsSchema,
  Settings = z.output<Schema>,
> {
  id: Id
  /** How people name it (`CRUN`, `OpenAI`). */
  title: string
  /** The real service's base URL; record mode forwards there (OceanBase's is per account). */
  realBaseUrl?: string
  keyScheme: KeyScheme
  /** Refuses keys of the wrong form (aivideoapi's start with `sk-`). */
  acceptKey?: (key: string) => boolean
  /** A key of the accepted form, for examples and the contract harness. */
  exampleKey: string
  /** Its own settings: the config section `key`, validated and defaulted by `schema`. */
  settings: { key: Key; schema: Schema }
  errors(settings: Settings): ProviderErrors
  /**
   * Path prefixes under the mount that carry their own credential (CRUN's presigned upload
   * URLs): no API key, key policies, faults or body limit; their handlers check and limit.
   */
  openPaths?: readonly string[]
  /** Adds the provider's routes (real paths) to `app`; no other side effect. */
  routes(app: Hono<EmulatorEnv>, services: ProviderServices<Settings>): void
  tasks?: TaskHooks<Settings>
  /** Its webhooks are configured out of band (skills.video's dashboard; here the control plane). */
  webhooks?: boolean
  traffic?: TrafficHints
}

/** Names a descriptor's types from its literal: `defineProvider({ id: 'crun', ... })`. */
export function defineProvider<
  const Id extends string,
  const Key extends string,
  Schema extends SettingsSchema,
>(descriptor: ProviderDescriptor<Id, Key, Schema>): ProviderDescriptor<Id, Key, Schema> {
  return descriptor
}

/** Any provider's descriptor, whatever its settings. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProvider = ProviderDescriptor<string, string, SettingsSchema, any>
