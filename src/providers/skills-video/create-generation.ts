/**
 * `POST /api/v1/generation/openai/gpt-image-2` (and its SSE twin): validates, moderates, prices
 * and queues a generation; its task hook announces it to webhook endpoints as task.created.
 */
import type { Context, Handler } from 'hono'
import type { EmulatorEnv } from '../../core/http/env.js'
import type { components } from '../../generated/skills-video.js'
import type { Task } from '../../core/tasks/task.js'
import type { ProviderServices } from '../descriptor.js'
import { Failure } from '../../core/errors/failure.js'
import { publicOrigin } from '../../core/http/public-origin.js'
import { findTriggerTerm } from '../../core/moderation.js'
import { RESOLUTION_TIERS, sizeFor } from '../../core/images/aspect-ratio-sizes.js'
import { formatPixelSize } from '../../core/images/gpt-image-sizes.js'
import type { IMAGE_SIZES, GenerationRequest } from './schemas.js'
import type { SkillsVideoSettings } from './settings.js'
import { readGenerationRequest } from './read-request.js'
import { statusOf, type SkillsVideoDetails } from './wire.js'

type Schemas = components['schemas']

/**
 * The alternate doc copy's presets as ratios (fal.ai's names); the tier still comes from
 * `resolution`.
 */
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
  services: ProviderServices<SkillsVideoSettings>,
): Handler<EmulatorEnv> {
  return async function createGeneration(c) {
    const task = await queueGeneration(c, services)
    const body: Schemas['CreateGenerationResponse'] = {
      id: task.id,
      status: statusOf(task.state),
      input: task.details.input,
      usage: task.details.usage,
    }
    return c.json(body, services.settings.createStatus)
  }
}

/** Everything a create does before answering; the task is still queued when this returns. */
export async function queueGeneration(
  c: Context<EmulatorEnv>,
  { settings, config, images, taskStep }: ProviderServices<SkillsVideoSettings>,
): Promise<Task<SkillsVideoDetails>> {
  const origin = publicOrigin(c, config)
  const { request, uploads } = await readGenerationRequest(c, origin)
  if (findTriggerTerm(request.prompt, config.moderation.triggerTerms)) {
    throw new Failure('content_rejected', 'Upstream moderation rejected the prompt or inputs.')
  }

  const ratio = request.aspect_ratio ?? PRESET_RATIOS[request.image_size ?? 'landscape_4_3']
  const size = sizeFor(ratio, RESOLUTION_TIERS[request.resolution])
  const count = request.n ?? request.num_images ?? 1
  const input = normalizedInput(request, ratio, formatPixelSize(size), count)
  const imageCount = input.image_urls?.length ?? 0
  const masked = input.mask_url ? ', masked' : ''

  const task = await taskStep.queue<SkillsVideoDetails>(c, {
    price: settings.prices[request.resolution] * count,
    details: ({ charged }) => ({
      origin,
      input,
      usage: {
        total: charged.total,
        subscription: charged.subscription,
        permanent: charged.permanent,
      },
    }),
    batch: {
      model: 'gpt-image-2',
      prompt: request.prompt,
      size,
      format: input.output_format,
      compression: 100,
      transparent: false,
      quality: `${input.quality} ${request.resolution}`,
      count,
      ...(imageCount > 0 && {
        note: `edit of ${imageCount} image${imageCount === 1 ? '' : 's'}${masked}`,
      }),
    },
  })
  // Accepted and paid for: only now are the uploads served, so a refused create keeps none.
  await Promise.all(uploads.map((upload) => images.keep(upload.bytes, upload.format)))
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
