/**
 * aivideoapi.ai's callbacks: when a task with a `callback_url` completes or fails, a POST whose
 * body is what `GET /v1/tasks/{taskId}` returns, with X-Event, X-Task-Id and X-Timestamp
 * (research/providers.md, addendum "Callbacks").
 */
import type { Runtime } from '../../runtime.js'
import { isTerminal, type Task } from '../../core/tasks/task.js'
import { toTaskWire, type AivideoapiDetails } from './wire.js'

export function sendCallbacks(runtime: Runtime): void {
  runtime.tasks.subscribe((task) => {
    if (task.provider !== 'aivideoapi' || !task.callbackUrl || !isTerminal(task.state)) return
    const wire = toTaskWire(task as Task<AivideoapiDetails>)
    const event = wire.status === 'completed' ? 'task.completed' : 'task.failed'
    runtime.deliveries.enqueue({
      id: `cb_${runtime.randomFor(task.namespace).hex(24)}`,
      provider: 'aivideoapi',
      namespace: task.namespace,
      taskId: task.id,
      event,
      url: task.callbackUrl,
      body: JSON.stringify(wire),
      headers: (at) => ({
        'X-Event': event,
        'X-Task-Id': task.id,
        'X-Timestamp': String(Math.floor(at / 1000)),
      }),
      faults: task.callbackFaults,
    })
  })
}
