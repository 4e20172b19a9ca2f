/** A task in aivideoapi.ai's words: pending / processing / completed / failed, Unix seconds. */
import type { components } from '../../generated/aivideoapi.js'
import type { Task } from '../../core/tasks/task.js'

type TaskWire = components['schemas']['Task']

export interface AivideoapiDetails {
  /** Origin for image URLs: EMULATOR_PUBLIC_URL, else the creating request's. */
  origin: string
  mode: 'text-to-image' | 'image-to-image'
}

const seconds = (ms: number) => Math.floor(ms / 1000)

export function toTaskWire(task: Task<AivideoapiDetails>): TaskWire {
  const base = { id: task.id, model: 'gpt-image-2' as const, created_at: seconds(task.createdAt) }
  switch (task.state) {
    case 'queued':
      return { ...base, status: 'pending', progress: null }
    case 'running':
      return { ...base, status: 'processing', progress: null }
    case 'succeeded':
      return {
        ...base,
        status: 'completed',
        completed_at: seconds(task.completedAt!),
        output: {
          urls: task.images!.map((image) => `${task.details.origin}/files/${image.file}`),
          metadata: {
            model: `gpt-image-2-${task.details.mode}`,
            costTime: Math.max(
              1,
              Math.round((task.completedAt! - (task.startedAt ?? task.createdAt)) / 1000),
            ),
          },
        },
      }
    case 'failed':
      return {
        ...base,
        status: 'failed',
        error: { code: task.failure!.code, message: task.failure!.message },
      }
    case 'canceled':
      // aivideoapi has no canceled state; a task ended from the control plane reads as failed.
      return {
        ...base,
        status: 'failed',
        error: { code: 'task_canceled', message: 'The task was canceled.' },
      }
  }
}
