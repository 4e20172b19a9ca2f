/** `POST /v1/images/generations`: validates, prices and queues a gpt-image-2 task. */
import type { Handler } from 'hono'
import type { Runtime } from '../../runtime.js'
import type { EmulatorEnv } from '../../core/http/env.js'
import type { components } from '../../generated/aivideoapi.js'
import type { TaskOutcome } from '../../core/tasks/task.js'
import { Failure } from '../../core/failure.js'
import { readJsonObject } from '../../core/http/read-body.js'
import { publicOrigin } from '../../core/http/public-origin.js'
import { requestNamespace, requestSeed, requestTiming } from '../../core/http/emulator-headers.js'
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
import { chargeCredits } from '../../core/credits/charge.js'
import { taskOutcomeFromFaults } from '../../core/faults/task-faults.js'
import type { AivideoapiErrors } from './errors.js'
import type { AivideoapiDetails } from './wire.js'

type CreateTaskResponse = components['schemas']['CreateTaskResponse']

/** The docs' failed-task example. */
export const UPSTREAM_FAILURE = { code: 'upstream_error', message: 'Generation failed' }

export function createTaskHandler(
  runtime: Runtime,
  errors: AivideoapiErrors,
): Handler<EmulatorEnv> {
  const { config } = runtime
  return async function createTask(c) {
    const body = await readJsonObject(c)
    // An unknown model is a 404 before anything else about the body is judged.
    if (typeof body.model === 'string' && body.model !== 'gpt-image-2')
      throw errors.model_not_found()
    const request = parseRequest(CreateTaskRequest, body)
    const { input } = request
    const { size, tier } = resolveSize(
      input.aspect_ratio,
      input.resolution,
      config.aivideoapi.oneKSize,
    )

    const id = runtime.randomFor(requestNamespace(c)).uuid()
    const ref = { namespace: requestNamespace(c), provider: 'aivideoapi', apiKey: c.get('apiKey') }
    const charge = config.aivideoapi.prices[tier]
    const charged = chargeCredits(runtime, ref, charge, id)
    if (!charged.ok)
      throw charged.reason === 'spend_limit'
        ? errors.spend_limit_exceeded()
        : errors.insufficient_credits()

    const prompt = input.prompt ?? ''
    const mode = input.image_urls?.length ? 'image-to-image' : 'text-to-image'
    const imageCount = input.image_urls?.length ?? 0
    runtime.tasks.create<AivideoapiDetails>({
      ...ref,
      id,
      details: { origin: publicOrigin(c, config), mode },
      batch: {
        provider: 'aivideoapi',
        model: 'gpt-image-2',
        prompt: prompt || `(${imageCount} reference image${imageCount === 1 ? '' : 's'})`,
        size,
        format: 'png',
        compression: 100,
        transparent: false,
        quality: tier,
        seed: requestSeed(c, config.seed),
        count: 1,
        ...(mode === 'image-to-image' && {
          note: `edit of ${imageCount} image${imageCount === 1 ? '' : 's'}`,
        }),
      },
      outcome:
        taskOutcomeFromFaults(c.get('faults'), UPSTREAM_FAILURE) ??
        moderate(prompt, input.nsfw_checker, config.moderation.triggerTerms, id),
      timing: requestTiming(c, config.timing, runtime.randomFor(requestNamespace(c))),
      charge,
      callbackUrl: request.callback_url,
      callbackFaults: c.get('faults')?.callback,
      internalFailure: { code: 'internal_error', message: 'Generation failed' },
    })
    const response: CreateTaskResponse = { code: 200, msg: 'success', data: { taskId: id } }
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
    `'input.aspect_ratio' must be auto, a supported ratio (1:1, 3:2, 2:3, 4:3, 3:4, 5:4, 4:5, 16:9, 9:16, 2:1, 1:2, 3:1, 1:3, 21:9, 9:21) or a pixel size from the Size & Resolution table; got '${aspectRatio}'.`,
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
      message: `The request failed because the input text may contain sensitive information. Request id: ${id}`,
    },
  }
}
