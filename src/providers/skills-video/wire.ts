/**
 * A task in skills.video's words: IN_QUEUE / IN_PROGRESS / COMPLETED / FAILED / CANCELED, `data`
 * null until COMPLETED, usage split into subscription and permanent credits.
 */
import type { components } from '../../generated/skills-video.js'
import type { Task, TaskFailure, TaskImage, TaskState } from '../../core/tasks/task.js'
import type { ImageStore } from '../../core/images/image-files.js'
import type { ImageFormat } from '../../core/images/render-image.js'
import { recipesOf } from '../../core/images/recipe.js'
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
  embedded: EmbeddedImages = NONE_EMBEDDED,
): Schemas['Generation'] {
  // Key order as in the docs' examples: id and status first, usage last.
  return {
    id: task.id,
    ...progressOf(task, embedded),
    input: task.details.input,
    usage: usageOf(task),
  }
}

/** An SSE frame: the generation without its input (docs /sse). */
export function toFrame(
  task: Task<SkillsVideoDetails>,
  embedded: EmbeddedImages = NONE_EMBEDDED,
): Schemas['GenerationFrame'] {
  return { id: task.id, ...progressOf(task, embedded), usage: usageOf(task) }
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
  embedded: EmbeddedImages,
): Schemas['GenerationProgress'] {
  switch (task.state) {
    case 'queued':
      return { status: 'IN_QUEUE', data: null }
    case 'running':
      return { status: 'IN_PROGRESS', data: null }
    case 'succeeded':
      return { status: 'COMPLETED', data: outputOf(task, embedded) }
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

function outputOf(
  task: Task<SkillsVideoDetails>,
  embedded: EmbeddedImages,
): Schemas['GenerationOutput'] {
  const images = (task.images ?? []).map((image) => toOutputImage(image, task.details, embedded))
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
  embedded: EmbeddedImages,
): OutputImage {
  return {
    url: embedded.get(image.file) ?? `${details.origin}/files/${image.file}`,
    file_name: image.file,
    content_type: CONTENT_TYPES[image.format],
    width: image.width,
    height: image.height,
  }
}

/** sync_mode's data URIs, by file name: what a view of a generation embeds instead of URLs. */
export type EmbeddedImages = ReadonlyMap<string, string>
const NONE_EMBEDDED: EmbeddedImages = new Map()

/** Whether views of the generation embed its images: it succeeded in sync_mode. */
export const embedsImages = (task: Task<SkillsVideoDetails>): boolean =>
  task.state === 'succeeded' && task.details.input.sync_mode

/**
 * The data URIs a view of this generation embeds: none unless it embeds images, which are then
 * rendered (or found in the cache).
 */
export async function embeddedImages(
  task: Task<SkillsVideoDetails>,
  images: Pick<ImageStore, 'render'>,
): Promise<EmbeddedImages> {
  if (!embedsImages(task)) return NONE_EMBEDDED
  const files = task.images ?? []
  const bytes = await Promise.all(recipesOf(task.batch).map((recipe) => images.render(recipe)))
  return new Map(
    files.map((image, i) => [
      image.file,
      `data:${CONTENT_TYPES[image.format]};base64,${base64Of(bytes[i]!)}`,
    ]),
  )
}
