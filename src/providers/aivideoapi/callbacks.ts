/**
 * aivideoapi.ai's callbacks: when a task with a `callback_url` completes or fails, a POST whose
 * body is what `GET /v1/tasks/{taskId}` returns, with X-Event, X-Task-Id and X-Timestamp
 * (research/providers.md, addendum "Callbacks").
 */
import type { TaskHooks } from '../descriptor.js'
import { isTerminal, type Task } from '../../core/tasks/task.js'
import { toTaskWire, type AivideoapiDetails } from './wire.js'

export const sendCallback: NonNullable<TaskHooks<unknown>['onChange']> = (
  task: Task<AivideoapiDetails>,
  _previous,
  { deliveries, randomFor },
) => {
  if (!task.callbackUrl || !isTerminal(task.state)) return
  const wire = toTaskWire(task)
  const event = wire.status === 'completed' ? 'task.completed' : 'task.failed'
  return deliveries.enqueue({
    id: `cb_${randomFor(task.namespace).hex(24)}`,
    provider: task.provider,
    namespace: task.namespace,
    taskId: task.id,
    event,
    url: task.callbackUrl,
    body: JSON.stringify(wire),
    headers: {
      fixed: { 'X-Event': event, 'X-Task-Id': task.id },
      timestampHeader: 'X-Timestamp',
    },
    faults: task.callbackFaults,
  })
}
