/**
 * skills.video's webhooks (docs /webhook): every state of every generation, as task.created,
 * task.started, task.completed, task.failed or task.canceled, POSTed to each endpoint of the
 * namespace that wants the event, signed the Standard Webhooks way. One `webhook-id` per event
 * and endpoint, kept across retries; each attempt gets a fresh timestamp and signature.
 */
import type { Runtime } from '../../runtime.js'
import type { components } from '../../generated/skills-video.js'
import { isTerminal, type Task, type TaskState } from '../../core/tasks/task.js'
import { standardWebhookHeaders } from '../../core/callbacks/standard-webhooks.js'
import { isSkillsVideoTask, statusOf, toGeneration, type SkillsVideoDetails } from './wire.js'

type WebhookEvent = components['schemas']['WebhookEvent']

const EVENTS: Record<TaskState, WebhookEvent['type']> = {
  queued: 'task.created',
  running: 'task.started',
  succeeded: 'task.completed',
  failed: 'task.failed',
  canceled: 'task.canceled',
}

/** Announces every transition of this provider's tasks; creation is announced by the create handler. */
export function sendWebhooks(runtime: Runtime): void {
  runtime.tasks.subscribe((task) => {
    if (isSkillsVideoTask(task)) announce(runtime, task)
  })
}

/** Queues the event for the task's current state to every endpoint that subscribes to it. */
export function announce(runtime: Runtime, task: Task<SkillsVideoDetails>): void {
  const type = EVENTS[task.state]
  const endpoints = runtime.webhooks.subscribedTo('skills-video', task.namespace, type)
  if (endpoints.length === 0) return
  const event: WebhookEvent = {
    type,
    timestamp: new Date(runtime.clock.now()).toISOString(),
    data: toGeneration(task, runtime.files),
    prediction: { id: task.id, state: task.state, status: statusOf(task.state) },
  }
  const body = JSON.stringify(event)
  for (const endpoint of endpoints) {
    const webhookId = `msg_${runtime.randomFor(task.namespace).hex(24)}`
    runtime.deliveries.enqueue({
      id: webhookId,
      provider: 'skills-video',
      namespace: task.namespace,
      taskId: task.id,
      event: type,
      url: endpoint.url,
      body,
      headers: (attemptAt) =>
        standardWebhookHeaders(endpoint.secret, webhookId, new Date(attemptAt), body),
      terminal: isTerminal(task.state),
      faults: task.callbackFaults,
    })
  }
}
