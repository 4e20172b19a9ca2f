/**
 * The records the store tests make, one shape each, for the in-memory stores and the Redis ones
 * alike: a task asked for, a fault request and rule, a journal entry. Each takes overrides.
 */
import type { NewTask } from '../../src/core/tasks/task.js'
import type { FaultRequest, FaultRuleInput } from '../../src/core/faults/fault-rules.js'
import type { KeptBody, RecordedEntry } from '../../src/core/journal/journal.js'

let nextTaskId = 0

/** A CRUN task of two 64x48 PNGs of a red fox, queued 100 ms and run 300 ms unless overridden. */
export function newTask(overrides: Partial<NewTask<unknown>> = {}): NewTask<unknown> {
  return {
    id: `task_${String(++nextTaskId)}`,
    provider: 'crun',
    namespace: 'default',
    apiKey: 'sk-test',
    details: { model: 'gpt-image-2' },
    batch: {
      provider: 'crun',
      model: 'gpt-image-2',
      prompt: 'a red fox',
      size: { width: 64, height: 48 },
      format: 'png',
      compression: 100,
      transparent: false,
      quality: 'high',
      seed: 'seed',
      count: 2,
    },
    outcome: { kind: 'succeed' },
    timing: { queueMs: 100, runMs: 300 },
    charge: 1,
    ...overrides,
  }
}

/** A CRUN generation request with a prompt, as fault rules see it. */
export const faultRequest = (overrides: Partial<FaultRequest> = {}): FaultRequest => ({
  namespace: 'default',
  provider: 'crun',
  method: 'POST',
  path: '/v1/images/generations',
  key: 'sk-test',
  prompt: 'A red fox in the snow',
  ...overrides,
})

/** A rule that always fires a rate-limit error, matching everything. */
export const faultRule = (overrides: Partial<FaultRuleInput> = {}): FaultRuleInput => ({
  match: {},
  plan: { error: 'rate_limit_exceeded' },
  probability: 1,
  ...overrides,
})

/** A gptproto generation's journal entry, at time 0. */
export const journalEntry = (
  id: string,
  namespace = 'default',
  body: KeptBody | null = null,
  overrides: Partial<RecordedEntry> = {},
): RecordedEntry => ({
  id,
  at: 0,
  namespace,
  provider: 'gptproto',
  method: 'POST',
  path: '/v1/images/generations',
  query: '',
  status: 200,
  latencyMs: 1,
  fault: null,
  headers: {},
  body,
  ...overrides,
})
