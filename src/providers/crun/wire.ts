/**
 * A task in CRUN's words (TaskInfo `data`): pending / running / success / failed, Unix seconds,
 * `result.media_urls`, and the request echoed in `param` with its defaults filled in.
 */
import type { components } from '../../generated/crun.js'
import type { Task } from '../../core/tasks/task.js'
import type { CrunModel } from './schemas.js'

type Schemas = components['schemas']
type TaskData = Schemas['TaskData']

export interface CrunDetails {
  /** Origin for image URLs: EMULATOR_PUBLIC_URL, else the creating request's. */
  origin: string
  /** The request as TaskInfo echoes it. */
  param: Schemas['TaskParam']
}

const MODEL_VERSIONS = {
  'openai/gpt-image-2': 'gpt-image-2',
  'openai/gpt-image-2-stable': 'gpt-image-2-stable',
  'openai/gpt-image-2-premium': 'gpt-image-2-premium',
} as const satisfies Record<CrunModel, Schemas['TaskDataBase']['model_version']>

const seconds = (ms: number) => Math.floor(ms / 1000)
/** Seconds to the hundredth, as a duration a person would read. */
const duration = (ms: number) => Math.round(ms / 10) / 100

export function toTaskData(task: Task<CrunDetails>): TaskData {
  const { param } = task.details
  // Key order follows the docs' TaskInfo example.
  const head = {
    task_id: task.id,
    provider: 'OpenAI',
    model_version: MODEL_VERSIONS[param.model],
  } as const
  const request = { param, create_at: seconds(task.createdAt) }
  switch (task.state) {
    case 'queued':
    case 'running': {
      const status = task.state === 'queued' ? 'pending' : 'running'
      return {
        ...head,
        status,
        ...request,
        result: null,
        credits: task.charge,
        duration_s: null,
        complete_at: null,
        source: 'api',
      }
    }
    case 'succeeded':
      return {
        ...head,
        status: 'success',
        ...request,
        result: {
          code: 200,
          message: 'generation success',
          media_urls: task.images!.map((image) => `${task.details.origin}/files/${image.file}`),
        },
        credits: task.charge,
        ...finished(task),
      }
    case 'failed':
    case 'canceled':
      // CRUN has no cancel; a task ended from the control plane reads as failed. Either way the
      // charge has been refunded, so the task shows 0 credits.
      return {
        ...head,
        status: 'failed',
        ...request,
        result: {
          code: resultCode(task.failure?.code),
          message: task.failure?.message ?? 'Generation Failed',
          media_urls: [],
        },
        credits: 0,
        ...finished(task),
      }
  }
}

function finished(task: Task<CrunDetails>): {
  duration_s: number
  complete_at: number
  source: 'api'
} {
  const completedAt = task.completedAt!
  return {
    duration_s: duration(completedAt - (task.startedAt ?? task.createdAt)),
    complete_at: seconds(completedAt),
    source: 'api',
  }
}

/**
 * A failed task's `result.code`: 501 Generation Failed, unless the control plane or a fault
 * named another numeric code (so a client's handling of, say, 500 can be tested).
 */
function resultCode(code: string | undefined): number {
  return code !== undefined && /^[1-9]\d{2}$/.test(code) ? Number(code) : 501
}

/** The whole TaskInfo answer, as polled (and as sent when callbacks carry the envelope). */
export function toTaskInfo(task: Task<CrunDetails>): Schemas['TaskInfoResponse'] {
  return { code: 200, message: 'success', data: toTaskData(task) }
}
