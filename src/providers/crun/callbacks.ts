/**
 * CRUN's callbacks: when a task with a `callback_url` reaches success or failed, a POST whose
 * body "is consistent with the data object returned by the task status query" (seed 003): the
 * bare TaskInfo `data` by default, or the whole envelope (setting `callbackBody`). No signature or
 * extra headers: none are documented.
 */
import type { TaskHooks } from '../descriptor.js'
import { isTerminal, type Task } from '../../core/tasks/task.js'
import { toTaskInfo, type CrunDetails } from './wire.js'
import type { CrunSettings } from './settings.js'

export const sendCallback: NonNullable<TaskHooks<CrunSettings>['onChange']> = (
  task: Task<CrunDetails>,
  _previous,
  { deliveries, randomFor, settings },
) => {
  if (!task.callbackUrl || !isTerminal(task.state)) return
  const info = toTaskInfo(task)
  return deliveries.enqueue({
    id: `cb_${randomFor(task.namespace).hex(24)}`,
    provider: task.provider,
    namespace: task.namespace,
    taskId: task.id,
    // CRUN names no events; the task's final status tells a delivery log reader what was sent.
    event: `task.${info.data.status}`,
    url: task.callbackUrl,
    body: JSON.stringify(settings.callbackBody === 'envelope' ? info : info.data),
    headers: {},
    // Only the final status is sent, so every callback is the task's last.
    terminal: true,
    faults: task.callbackFaults,
  })
}
