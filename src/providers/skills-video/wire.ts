/**
 * A task in skills.video's words: IN_QUEUE / IN_PROGRESS / COMPLETED / FAILED / CANCELED, `data`
 * null until COMPLETED, usage split into subscription and permanent credits.
 */
import type { components } from '../../generated/skills-video.js'
import type { Task, TaskFailure, TaskImage, TaskState } from '../../core/tasks/task.js'
import type { FileStore } from '../../core/images/file-store.js'
import type { ImageFormat } from '../../core/images/render-image.js'
import { base64Of } from '../../core/images/base64-cache.js'

type Schemas = components['schemas']
type OutputImage = Schemas['OutputImage']
type FailureCode = Schemas['FailureCode']

export interface SkillsVideoDetails {
  /** Origin for image URLs: EMULATOR_PUBLIC_URL, else the creating request's. */
  origin: string
  /** The normalized input, echoed by every view of the generation. */
  input: Schemas['GenerationInput']
  /** The charge as made at creation. */
  usage: Schemas['Usage']
}

export function isSkillsVideoTask(task: Task): task is Task<SkillsVideoDetails> {
  return task.provider === 'skills-video'
}

const STATUSES = {
  queued: 'IN_QUEUE',
  running: 'IN_PROGRESS',
  succeeded: 'COMPLETED',
  failed: 'FAILED',
  canceled: 'CANCELED',
} as const satisfies Record<TaskState, Schemas['QueueStatus']>

export const statusOf = (state: TaskState): Schemas['QueueStatus'] => STATUSES[state]

const CONTENT_TYPES: Record<ImageFormat, OutputImage['content_type']> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
}

const FAILURE_CODES: readonly FailureCode[] = [
  'IMAGE_GENERATION_FAILED',
  'IMAGE_GENERATION_TIMEOUT',
  'IMAGE_GENERATION_CONTENT_REJECTED',
  'IMAGE_GENERATION_PROVIDER_UNAVAILABLE',
  'IMAGE_GENERATION_CANCELED',
]
const isFailureCode = (code: string): code is FailureCode =>
  (FAILURE_CODES as readonly string[]).includes(code)

const NO_USAGE: Schemas['Usage'] = { total: 0, subscription: 0, permanent: 0 }

/** What the generation costs now: a failed or canceled one has been refunded. */
export function usageOf(task: Task<SkillsVideoDetails>): Schemas['Usage'] {
  return task.state === 'failed' || task.state === 'canceled'
    ? { ...NO_USAGE }
    : { ...task.details.usage }
}

export function toGeneration(
  task: Task<SkillsVideoDetails>,
  files: FileStore,
): Schemas['Generation'] {
  // Key order as in the docs' examples: id and status first, usage last.
  return {
    id: task.id,
    ...progressOf(task, files),
    input: task.details.input,
    usage: usageOf(task),
  }
}

/** An SSE frame: the generation without its input (docs /sse). */
export function toFrame(
  task: Task<SkillsVideoDetails>,
  files: FileStore,
): Schemas['GenerationFrame'] {
  return { id: task.id, ...progressOf(task, files), usage: usageOf(task) }
}

/** An entry of `GET /generations/running`; only for tasks that have not ended. */
export function toRunning(task: Task<SkillsVideoDetails>): Schemas['RunningGeneration'] {
  return {
    id: task.id,
    status: task.state === 'queued' ? 'IN_QUEUE' : 'IN_PROGRESS',
    usage: usageOf(task),
    input: task.details.input,
  }
}

function progressOf(
  task: Task<SkillsVideoDetails>,
  files: FileStore,
): Schemas['GenerationProgress'] {
  switch (task.state) {
    case 'queued':
      return { status: 'IN_QUEUE', data: null }
    case 'running':
      return { status: 'IN_PROGRESS', data: null }
    case 'succeeded':
      return { status: 'COMPLETED', data: outputOf(task, files) }
    case 'failed':
      return { status: 'FAILED', data: null, ...failureOf(task.failure) }
    case 'canceled':
      return {
        status: 'CANCELED',
        data: null,
        code: 'IMAGE_GENERATION_CANCELED',
        message: 'Generation canceled',
      }
  }
}

/**
 * A failure from the control plane may carry any code; one outside the family reads as a plain
 * failure.
 */
function failureOf(failure: TaskFailure | undefined): { code: FailureCode; message: string } {
  if (!failure) return { code: 'IMAGE_GENERATION_FAILED', message: 'Generation failed' }
  return {
    code: isFailureCode(failure.code) ? failure.code : 'IMAGE_GENERATION_FAILED',
    message: failure.message,
  }
}

function outputOf(task: Task<SkillsVideoDetails>, files: FileStore): Schemas['GenerationOutput'] {
  const images = (task.images ?? []).map((image) => toOutputImage(image, task.details, files))
  return {
    type: 'image',
    n: images.length,
    actual_prompt: task.details.input.prompt,
    images,
    image: images[0]!,
  }
}

function toOutputImage(
  image: TaskImage,
  details: SkillsVideoDetails,
  files: FileStore,
): OutputImage {
  const contentType = CONTENT_TYPES[image.format]
  return {
    url: details.input.sync_mode
      ? (dataUri(image, contentType, files) ?? fileUrl(image, details))
      : fileUrl(image, details),
    file_name: image.file,
    content_type: contentType,
    width: image.width,
    height: image.height,
  }
}

const fileUrl = (image: TaskImage, details: SkillsVideoDetails) =>
  `${details.origin}/files/${image.file}`

/** sync_mode's data URI; undefined once the file store has dropped the bytes. */
function dataUri(image: TaskImage, contentType: string, files: FileStore): string | undefined {
  const file = files.get(image.file)
  return file && `data:${contentType};base64,${base64Of(file.bytes)}`
}
