/**
 * `POST /api/v1/generation/openai/gpt-image-2` (and its SSE twin): validates, moderates, prices and
 * queues a generation, then announces it to webhook endpoints as task.created.
 */
import type { Context, Handler } from 'hono'
import type { Runtime } from '../../runtime.js'
import type { EmulatorEnv } from '../../core/http/env.js'
import type { components } from '../../generated/skills-video.js'
import type { Task } from '../../core/tasks/task.js'
import { publicOrigin } from '../../core/http/public-origin.js'
import { requestNamespace, requestSeed, requestTiming } from '../../core/http/emulator-headers.js'
import { findTriggerTerm } from '../../core/moderation.js'
import { RESOLUTION_TIERS, sizeFor } from '../../core/images/aspect-ratio-sizes.js'
import { formatPixelSize } from '../../core/images/gpt-image-sizes.js'
import type { SkillsVideoErrors } from './errors.js'
import type { IMAGE_SIZES, GenerationRequest } from './schemas.js'
import { readGenerationRequest } from './read-request.js'
import { chargeCredits } from '../../core/credits/charge.js'
import { taskOutcomeFromFaults } from '../../core/faults/task-faults.js'
import { announce } from './webhooks.js'
import { statusOf, type SkillsVideoDetails } from './wire.js'

type Schemas = components['schemas']

/** The alternate doc copy's presets as ratios (fal.ai's names); the tier still comes from `resolution`. */
const PRESET_RATIOS: Record<(typeof IMAGE_SIZES)[number], Schemas['AspectRatio']> = {
  auto: '1:1',
  square_hd: '1:1',
  square: '1:1',
  portrait_4_3: '3:4',
  portrait_16_9: '9:16',
  landscape_4_3: '4:3',
  landscape_16_9: '16:9',
}

/** The failure a generation reports when it fails upstream. */
export const GENERATION_FAILED = { code: 'IMAGE_GENERATION_FAILED', message: 'Generation failed' }

export function createGenerationHandler(
  runtime: Runtime,
  errors: SkillsVideoErrors,
): Handler<EmulatorEnv> {
  return async function createGeneration(c) {
    const task = await queueGeneration(c, runtime, errors)
    const body: Schemas['CreateGenerationResponse'] = {
      id: task.id,
      status: statusOf(task.state),
      input: task.details.input,
      usage: task.details.usage,
    }
    return c.json(body, runtime.config.skillsVideo.createStatus)
  }
}

/** Everything a create does before answering; the task is still queued when this returns. */
export async function queueGeneration(
  c: Context<EmulatorEnv>,
  runtime: Runtime,
  errors: SkillsVideoErrors,
): Promise<Task<SkillsVideoDetails>> {
  const { config } = runtime
  const origin = publicOrigin(c, config)
  const request = await readGenerationRequest(c, runtime, origin)
  if (findTriggerTerm(request.prompt, config.moderation.triggerTerms))
    throw errors.image_generation_content_rejected()

  const ratio = request.aspect_ratio ?? PRESET_RATIOS[request.image_size ?? 'landscape_4_3']
  const size = sizeFor(ratio, RESOLUTION_TIERS[request.resolution])
  const count = request.n ?? request.num_images ?? 1
  const input = normalizedInput(request, ratio, formatPixelSize(size), count)

  // Every X-Emulator-* header is judged before credits move, so a bad one leaves no charge behind.
  const timing = requestTiming(c, config.timing, runtime.randomFor(requestNamespace(c)))
  const seed = requestSeed(c, config.seed)
  const id = `gen_${runtime.randomFor(requestNamespace(c)).hex(24)}`
  const ref = { namespace: requestNamespace(c), provider: 'skills-video', apiKey: c.get('apiKey') }
  const price = config.skillsVideo.prices[request.resolution] * count
  // A spend limit set on the control plane reads as too few credits: skills.video documents no such limit.
  const charged = chargeCredits(runtime, ref, price, id)
  if (!charged.ok) throw errors.insufficient_credits()

  const imageCount = input.image_urls?.length ?? 0
  const task = runtime.tasks.create<SkillsVideoDetails>({
    ...ref,
    id,
    details: {
      origin,
      input,
      usage: {
        total: charged.total,
        subscription: charged.subscription,
        permanent: charged.permanent,
      },
    },
    batch: {
      provider: 'skills-video',
      model: 'gpt-image-2',
      prompt: request.prompt,
      size,
      format: input.output_format,
      compression: 100,
      transparent: false,
      quality: `${input.quality} ${request.resolution}`,
      seed,
      count,
      ...(imageCount > 0 && {
        note: `edit of ${imageCount} image${imageCount === 1 ? '' : 's'}${input.mask_url ? ', masked' : ''}`,
      }),
    },
    outcome: taskOutcomeFromFaults(c.get('faults'), GENERATION_FAILED) ?? { kind: 'succeed' },
    timing,
    charge: price,
    callbackFaults: c.get('faults')?.callback,
    internalFailure: GENERATION_FAILED,
  })
  // The engine reports transitions, not creation: task.created is ours to send.
  announce(runtime, task)
  return task
}

/** The docs' "normalized input": every field resolved, resolution rewritten to pixels. */
function normalizedInput(
  request: GenerationRequest,
  ratio: Schemas['AspectRatio'],
  resolution: string,
  count: number,
): Schemas['GenerationInput'] {
  return {
    prompt: request.prompt,
    aspect_ratio: ratio,
    resolution,
    n: count,
    quality: request.quality,
    output_format: request.output_format,
    sync_mode: request.sync_mode,
    ...(request.image_urls?.length ? { image_urls: request.image_urls } : {}),
    ...(request.mask_url ? { mask_url: request.mask_url } : {}),
  }
}
