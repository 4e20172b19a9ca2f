/**
 * The one way a provider queues a task, and finds one again. Steering has been judged before a
 * handler runs; here the price is charged (or the request refused with nothing changed), then
 * the task is created with its seed, timing, outcome and callback faults.
 */
import type { Context } from 'hono'
import type { EmulatorEnv } from '../http/env.js'
import type { Clock } from '../clock.js'
import type { Random } from '../random.js'
import type { CreditStore, ChargeSplit } from '../credits/ledger.js'
import type { KeyStore } from '../keys/key-policies.js'
import type { ImageBatch } from '../images/recipe.js'
import type { TaskStore } from './task-engine.js'
import type { Task, TaskFailure, TaskOutcome } from './task.js'
import { chargeCredits } from '../credits/charge.js'
import { taskOutcomeFromFaults } from '../faults/task-faults.js'
import { Failure } from '../errors/failure.js'
import { sampleTiming, type TimingProfile } from './timing.js'
import { checkCallbackTarget, type TargetPolicy } from '../callbacks/target-policy.js'

/** What is known once the task is paid for: its id and how the charge was split. */
export interface Paid {
  id: string
  charged: ChargeSplit
}

/** A value, or a function of what is known once the task is paid for. */
export type OncePaid<T> = T | ((paid: Paid) => T)

export interface TaskOrder<Details> {
  /** Credits this task costs; refunded if it fails or is canceled. */
  price: number
  /** What the provider's wire format needs later. */
  details: OncePaid<Details>
  /** The images to render on success; the seed comes from the steering. */
  batch: Omit<ImageBatch, 'seed' | 'provider'>
  /** What the task will do, when the provider decides it (moderation); faults win over it. */
  outcome?: OncePaid<TaskOutcome>
  callbackUrl?: string
}

/** What queuing needs from the provider: its id, how its ids look and how its tasks fail. */
export interface TaskKind {
  provider: string
  newId(random: Random): string
  /** How a failed task reads (task-fail faults without a code). */
  failure: TaskFailure
}

export interface TaskStepDeps {
  tasks: TaskStore
  credits: CreditStore
  keys: KeyStore
  clock: Clock
  randomFor: (namespace: string, purpose?: string) => Random
  /** The server's seed and timing profile, for requests that steer neither. */
  defaults: { seed: string; timing: TimingProfile }
  /** Where callbacks may go; a refused `callbackUrl` is the provider's 400 on `callback_url`. */
  callbackTargets: TargetPolicy
}

export interface TaskStep {
  /** Charges and queues the task the request asks for; rejects with a Failure when it cannot pay. */
  queue<Details>(c: Context<EmulatorEnv>, order: TaskOrder<Details>): Promise<Task<Details>>
  /** The caller's own task (same provider, key and namespace), or a `task_not_found` Failure. */
  findOwn<Details>(c: Context<EmulatorEnv>, id: string): Promise<Task<Details>>
  /**
   * Charges a synchronous answer now, against the request's id (no task to refund); rejects with
   * a Failure when it cannot pay.
   */
  charge(c: Context<EmulatorEnv>, price: number): Promise<void>
}

export function createTaskStep(kind: TaskKind, deps: TaskStepDeps): TaskStep {
  const { tasks, randomFor, defaults } = deps
  return {
    async queue<Details>(c: Context<EmulatorEnv>, order: TaskOrder<Details>) {
      const { namespace, seed = defaults.seed, timing = defaults.timing } = c.get('steering')
      const plan = c.get('faults')
      // Before the charge, so a refused callback URL costs nothing.
      if (order.callbackUrl !== undefined)
        checkCallbackTarget(order.callbackUrl, deps.callbackTargets)
      const random = randomFor(namespace)
      const id = kind.newId(random)
      const apiKey = c.get('apiKey')
      const provider = kind.provider
      const ref = { namespace, provider, apiKey }
      const charged = await chargeCredits(deps.credits, ref, order.price, id, limitsOf(c))
      if (!charged.ok) throw new Failure(charged.reason, 'The balance does not cover this task.')
      const { ok: _, ...split } = charged
      const paid: Paid = { id, charged: split }
      const task = await tasks.create({
        namespace,
        provider,
        apiKey,
        id,
        details: oncePaid(order.details, paid),
        batch: batchOf(order.batch, provider, seed),
        outcome: taskOutcomeFromFaults(plan, kind.failure) ??
          oncePaid(order.outcome, paid) ?? { kind: 'succeed' },
        timing: typeof timing === 'string' ? sampleTiming(timing, random) : timing,
        timingProfile: typeof timing === 'string' ? timing : undefined,
        charge: order.price,
        callbackUrl: order.callbackUrl,
        callbackFaults: plan.callback,
      })
      return task as Task<Details>
    },
    async findOwn<Details>(c: Context<EmulatorEnv>, id: string) {
      const task = await tasks.get(id)
      // Another key's or another namespace's task does not exist for this caller.
      if (
        !task ||
        task.provider !== kind.provider ||
        task.apiKey !== c.get('apiKey') ||
        task.namespace !== c.get('steering').namespace
      ) {
        throw new Failure('task_not_found', `No task '${id}'.`)
      }
      return task as Task<Details>
    },
    async charge(c, price) {
      const ref = {
        namespace: c.get('steering').namespace,
        provider: kind.provider,
        apiKey: c.get('apiKey'),
      }
      const charged = await chargeCredits(deps.credits, ref, price, c.get('requestId'), limitsOf(c))
      if (!charged.ok) throw new Failure(charged.reason, 'The balance does not cover this request.')
      // Nothing is ever refunded: the answer is given now.
      await deps.credits.settle(ref, c.get('requestId'))
    },
  }
}

/**
 * The order's batch with its provider and seed, field by field: spreading the orders of several
 * providers, each of its own shape, made this line a hot spot of every create.
 */
function batchOf(batch: TaskOrder<unknown>['batch'], provider: string, seed: string): ImageBatch {
  const { model, prompt, size, format, compression, transparent, quality, count, note } = batch
  return {
    provider,
    model,
    prompt,
    size,
    format,
    compression,
    transparent,
    quality,
    seed,
    count,
    note,
  }
}

function oncePaid<T>(value: OncePaid<T>, paid: Paid): T {
  return typeof value === 'function' ? (value as (paid: Paid) => T)(paid) : value
}

/** The key's spend limits, as `enforceKeyPolicies` read its policy for this request. */
const limitsOf = (c: Context<EmulatorEnv>) => c.get('keyPolicy').spendLimits
