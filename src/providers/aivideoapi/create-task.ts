/** `POST /v1/images/generations`: validates, prices and queues a gpt-image-2 task. */
import type { Handler } from 'hono'
import type { EmulatorEnv } from '../../core/http/env.js'
import type { components } from '../../generated/aivideoapi.js'
import type { TaskOutcome } from '../../core/tasks/task.js'
import type { ProviderServices } from '../descriptor.js'
import { Failure, Refusal } from '../../core/errors/failure.js'
import { readJsonObject } from '../../core/http/read-body.js'
import { publicOrigin } from '../../core/http/public-origin.js'
import { parseRequest } from '../../core/validation.js'
import { findTriggerTerm } from '../../core/moderation.js'
import {
  isAspectRatio,
  sizeFor,
  tierOfPixelSize,
  type Tier,
} from '../../core/images/aspect-ratio-sizes.js'
import { parsePixelSize, type PixelSize } from '../../core/images/gpt-image-sizes.js'
import { CreateTaskRequest } from './schemas.js'
import type { AivideoapiSettings } from './settings.js'
import type { AivideoapiDetails } from './wire.js'

type CreateTaskResponse = components['schemas']['CreateTaskResponse']

/** The docs' failed-task example. */
export const UPSTREAM_FAILURE = { code: 'upstream_error', message: 'Generation failed' }

export function createTaskHandler({
  settings,
  config,
  taskStep,
}: ProviderServices<AivideoapiSettings>): Handler<EmulatorEnv> {
  return async function createTask(c) {
    const body = await readJsonObject(c)
    // An unknown model is a 404 before anything else about the body is judged.
    if (typeof body.model === 'string' && body.model !== 'gpt-image-2') {
      throw new Refusal('model_not_found')
    }
    const request = parseRequest(CreateTaskRequest, body)
    const { input } = request
    const { size, tier } = resolveSize(input.aspect_ratio, input.resolution, settings.oneKSize)
    const prompt = input.prompt ?? ''
    const imageCount = input.image_urls?.length ?? 0
    const mode = imageCount > 0 ? 'image-to-image' : 'text-to-image'
    const images = `${imageCount} image${imageCount === 1 ? '' : 's'}`

    const task = await taskStep.queue<AivideoapiDetails>(c, {
      price: settings.prices[tier],
      details: { origin: publicOrigin(c, config), mode },
      batch: {
        model: 'gpt-image-2',
        prompt: prompt || `(${imageCount} reference image${imageCount === 1 ? '' : 's'})`,
        size,
        format: 'png',
        compression: 100,
        transparent: false,
        quality: tier,
        count: 1,
        ...(mode === 'image-to-image' && { note: `edit of ${images}` }),
      },
      outcome: ({ id }) => moderate(prompt, input.nsfw_checker, config.moderation.triggerTerms, id),
      callbackUrl: request.callback_url,
    })
    const response: CreateTaskResponse = { code: 200, msg: 'success', data: { taskId: task.id } }
    return c.json(response)
  }
}

/** `aspect_ratio` x `resolution` to pixels and the tier that prices them (seed 002's table). */
function resolveSize(
  aspectRatio: string,
  resolution: Tier,
  variant: 'first' | 'second',
): { size: PixelSize; tier: Tier } {
  const ratio = aspectRatio === 'auto' ? '1:1' : aspectRatio
  if (isAspectRatio(ratio)) return { size: sizeFor(ratio, resolution, variant), tier: resolution }
  const tier = tierOfPixelSize(aspectRatio)
  if (tier) return { size: parsePixelSize(aspectRatio)!, tier }
  throw new Failure(
    'invalid_request',
    `'input.aspect_ratio' must be auto, a supported ratio (1:1, 3:2, 2:3, 4:3, 3:4, 5:4, ` +
      '4:5, 16:9, 9:16, 2:1, 1:2, 3:1, 1:3, 21:9, 9:21) or a pixel size from the Size & ' +
      `Resolution table; got '${aspectRatio}'.`,
    { param: 'input.aspect_ratio' },
  )
}

/**
 * With nsfw_checker on, a prompt with a trigger term fails upstream, as the docs' failed callback
 * example shows; the charge is refunded when it fails.
 */
function moderate(
  prompt: string,
  nsfwChecker: boolean,
  terms: readonly string[],
  id: string,
): TaskOutcome {
  if (!nsfwChecker || !findTriggerTerm(prompt, terms)) return { kind: 'succeed' }
  return {
    kind: 'fail',
    stage: 'running',
    failure: {
      code: 'upstream_error',
      message:
        'The request failed because the input text may contain sensitive information. ' +
        `Request id: ${id}`,
    },
  }
}
