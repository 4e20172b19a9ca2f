/**
 * One OpenAI-shaped image request, validated and resolved: what to render, how many, and how the
 * answer is shaped, shared by generations and edits, JSON and streaming, OpenAI and GPTProto.
 */
import type { Context } from 'hono'
import type { EmulatorEnv } from '../../core/http/env.js'
import type { components } from '../../generated/gptproto.js'
import type { ProviderServices } from '../descriptor.js'
import { unixSeconds } from '../../core/clock.js'
import { findTriggerTerm } from '../../core/moderation.js'
import { Refusal } from '../../core/errors/failure.js'
import {
  DEFAULT_AUTO_SIZE,
  formatPixelSize,
  type PixelSize,
} from '../../core/images/gpt-image-sizes.js'
import { recipeOf, type ImageBatch } from '../../core/images/recipe.js'
import { CONTENT_TYPES } from '../../core/images/render-image.js'
import { base64Of } from '../../core/images/base64-cache.js'
import { resolveImageOptions, type ImageOptions } from './image-options.js'
import { estimateUsage, type ImageUsage } from './usage.js'
import { moderationBlockedOverrides } from './openai-errors.js'
import type { ImageRequest, ImagesPolicy } from './images-policy.js'

type ImagesResponse = components['schemas']['ImagesResponse']

/** What an image route needs: the core services, and the provider's policy. */
export interface ImagesContext {
  services: ProviderServices<unknown>
  policy: ImagesPolicy
}

export interface ImageJob {
  kind: 'generation' | 'edit'
  request: ImageRequest
  options: ImageOptions
  batch: ImageBatch
  usage: ImageUsage
}

export interface JobInputs {
  kind: 'generation' | 'edit'
  /** Sizes of the images to edit, first one first. */
  inputImages?: readonly PixelSize[]
  /** What `size: auto` becomes. */
  autoSize?: PixelSize
}

/** Applies the model's rules (moderation, sizes, backgrounds) and plans the images to render. */
export function planImageJob(
  c: Context<EmulatorEnv>,
  { services, policy }: ImagesContext,
  request: ImageRequest,
  inputs: JobInputs,
): ImageJob {
  const { config } = services
  const term =
    request.moderation === 'low'
      ? undefined
      : findTriggerTerm(request.prompt, config.moderation.triggerTerms)
  if (term) {
    const message = policy.moderationMessage(term, c.get('requestId'))
    throw new Refusal('moderation_blocked', moderationBlockedOverrides(message, term))
  }

  const options = resolveImageOptions(request, {
    autoSize: inputs.autoSize ?? DEFAULT_AUTO_SIZE,
    autoQuality: policy.autoQuality,
    gptImage2TransparentBackground: config.gptImage2TransparentBackground,
  })
  const inputCount = inputs.inputImages?.length ?? 0
  const batch: ImageBatch = {
    provider: services.id,
    model: request.model,
    prompt: request.prompt,
    size: options.size,
    format: options.format,
    compression: options.compression,
    transparent: options.background === 'transparent',
    quality: options.quality,
    seed: c.get('steering').seed ?? config.seed,
    count: request.n,
    ...(inputs.kind === 'edit' && {
      note: `edit of ${inputCount} image${inputCount === 1 ? '' : 's'}`,
    }),
  }
  const usage = estimateUsage({
    prompt: request.prompt,
    size: options.size,
    quality: options.quality,
    images: request.n,
    partialImages: request.stream ? (request.partial_images ?? 0) : 0,
    inputImages: inputs.inputImages ?? [],
  })
  return { kind: inputs.kind, request, options, batch, usage }
}

/**
 * Charges the job's images to the caller's key, if the provider prices them: after every check,
 * so a refused request costs nothing; a short balance is the provider's insufficient-credits
 * answer.
 */
export async function chargeJob(
  c: Context<EmulatorEnv>,
  { services, policy }: ImagesContext,
  job: ImageJob,
): Promise<void> {
  if (!policy.pricePerImage) return
  await services.taskStep.charge(c, policy.pricePerImage * job.request.n)
}

/** Renders image `index` of the job, or one of its partial images when `partial` is given. */
export function renderJobImage(
  { services }: ImagesContext,
  job: ImageJob,
  index: number,
  partial?: { index: number; of: number },
): Promise<Buffer> {
  const batch = partial
    ? {
        ...job.batch,
        note: joinNotes(job.batch.note, `partial ${partial.index + 1}/${partial.of}`),
      }
    : job.batch
  return services.images.render(recipeOf(batch, index))
}

/** The image bytes as `b64_json`: bare base64, or a data URI when the policy says so. */
export function toB64Json({ policy }: ImagesContext, job: ImageJob, bytes: Buffer): string {
  const base64 = base64Of(bytes)
  return policy.b64DataUriPrefix
    ? `data:${CONTENT_TYPES[job.options.format]};base64,${base64}`
    : base64
}

/** The non-streaming answer, as the docs' example. */
export async function imagesResponse(
  context: ImagesContext,
  job: ImageJob,
): Promise<ImagesResponse> {
  const images = await Promise.all(
    Array.from({ length: job.request.n }, (_, i) => renderJobImage(context, job, i)),
  )
  return {
    created: unixSeconds(context.services.clock),
    background: job.options.background,
    data: images.map((bytes) => ({ b64_json: toB64Json(context, job, bytes) })),
    output_format: job.options.format,
    quality: job.options.quality,
    size: formatPixelSize(job.options.size),
    usage: job.usage,
  }
}

function joinNotes(...notes: (string | undefined)[]): string {
  return notes.filter(Boolean).join(', ')
}
