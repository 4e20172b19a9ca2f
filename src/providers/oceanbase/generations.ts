/** `POST /api/v1/images/generations`: gpt-image-2 text to image, each image as a URL and base64. */
import type { Handler } from 'hono'
import type { ProviderServices } from '../descriptor.js'
import type { EmulatorEnv } from '../../core/http/env.js'
import { respondJson } from '../../core/http/json-with-base64.js'
import type { components } from '../../generated/oceanbase.js'
import { Failure } from '../../core/errors/failure.js'
import { unixSeconds } from '../../core/clock.js'
import { publicOrigin } from '../../core/http/public-origin.js'
import { findTriggerTerm } from '../../core/moderation.js'
import { revisePrompt } from '../../core/revised-prompt.js'
import { DEFAULT_AUTO_SIZE } from '../../core/images/gpt-image-sizes.js'
import { recipesOf, type ImageBatch } from '../../core/images/recipe.js'
import { base64Of } from '../../core/images/base64-cache.js'
import { readJsonObject } from '../../core/http/read-body.js'
import { parseOrFail } from '../openai-family/openai-errors.js'
import { resolveSize } from '../openai-family/image-options.js'
import { estimateUsage } from '../openai-family/usage.js'
import { GenerationRequest } from './schemas.js'

type ImagesResponse = components['schemas']['ImagesResponse']

/**
 * No quality parameter exists here; images are labelled and priced as medium (x-emulator-inferred).
 */
const QUALITY = 'medium'

export function createGenerationHandler({
  config,
  clock,
  images,
}: ProviderServices<unknown>): Handler<EmulatorEnv> {
  return async function createImage(c) {
    const request = parseOrFail(GenerationRequest, await readJsonObject(c))
    const seed = c.get('steering').seed ?? config.seed
    if (findTriggerTerm(request.prompt, config.moderation.triggerTerms)) {
      throw new Failure('content_rejected', 'Your request was rejected by the safety system.')
    }
    const size = resolveSize('gpt-image-2', request.size, DEFAULT_AUTO_SIZE)
    const batch: ImageBatch = {
      provider: 'oceanbase',
      model: request.model,
      prompt: request.prompt,
      size,
      format: 'png',
      compression: 100,
      transparent: false,
      quality: QUALITY,
      seed,
      count: request.n,
    }
    const recipes = recipesOf(batch)
    const [rendered, names] = await Promise.all([
      Promise.all(recipes.map((recipe) => images.render(recipe))),
      Promise.all(recipes.map((recipe) => images.publish(recipe))),
    ])
    const origin = publicOrigin(c, config)
    const response: ImagesResponse = {
      created: unixSeconds(clock),
      data: rendered.map((bytes, i) => ({
        url: `${origin}/files/${names[i]!}`,
        b64_json: base64Of(bytes),
        revised_prompt: revisePrompt(request.prompt, seed, i),
      })),
      usage: estimateUsage({ prompt: request.prompt, size, quality: QUALITY, images: request.n }),
    }
    return respondJson(c, response)
  }
}
