/**
 * skills.video's webhooks (docs /webhook): every state of every generation, as task.created,
 * task.started, task.completed, task.failed or task.canceled, POSTed to each endpoint of the
 * namespace that wants the event, signed the Standard Webhooks way. One `webhook-id` per event
 * and endpoint, kept across retries; each attempt gets a fresh timestamp and signature.
 */
import type { TaskHooks } from '../descriptor.js'
import type { components } from '../../generated/skills-video.js'
import { isTerminal, type Task, type TaskState } from '../../core/tasks/task.js'
import {
  embeddedImages,
  embedsImages,
  statusOf,
  toGeneration,
  type EmbeddedImages,
  type SkillsVideoDetails,
} from './wire.js'

type WebhookEvent = components['schemas']['WebhookEvent']

const EVENTS: Record<TaskState, WebhookEvent['type']> = {
  queued: 'task.created',
  running: 'task.started',
  succeeded: 'task.completed',
  failed: 'task.failed',
  canceled: 'task.canceled',
}

/**
 * The task hook: announces the creation and every transition of a generation as its event, to
 * each endpoint of the namespace that subscribes to it.
 */
export const announce: NonNullable<TaskHooks<unknown>['onChange']> = async (
  task: Task<SkillsVideoDetails>,
  _previous,
  { webhooks, deliveries, clock, images, randomFor },
) => {
  const type = EVENTS[task.state]
  const endpoints = await webhooks.subscribedTo(task.provider, task.namespace, type)
  if (endpoints.length === 0) return
  // Drawn now, in transition order, so ids repeat for a seed even when images are embedded.
  const timestamp = new Date(clock.now()).toISOString()
  const webhookIds = endpoints.map(() => `msg_${randomFor(task.namespace).hex(24)}`)

  const send = (embedded?: EmbeddedImages) => {
    const event: WebhookEvent = {
      type,
      timestamp,
      data: toGeneration(task, embedded),
      prediction: { id: task.id, state: task.state, status: statusOf(task.state) },
    }
    const body = JSON.stringify(event)
    return Promise.all(
      endpoints.map((endpoint, i) => {
        const webhookId = webhookIds[i]!
        return deliveries.enqueue({
          id: webhookId,
          provider: task.provider,
          namespace: task.namespace,
          taskId: task.id,
          event: type,
          url: endpoint.url,
          body,
          headers: { standardWebhooks: { secret: endpoint.secret, id: webhookId } },
          terminal: isTerminal(task.state),
          faults: task.callbackFaults,
        })
      }),
    )
  }
  // A completed sync_mode generation embeds its images, rendered first; nothing changes after.
  await (embedsImages(task) ? embeddedImages(task, images).then(send) : send())
}
