/**
 * `POST /v1/images/generations`: text to image, answered as JSON or, with `stream: true`, as SSE.
 */
import type { Handler } from 'hono'
import type { EmulatorEnv } from '../../core/http/env.js'
import { respondJson } from '../../core/http/json-with-base64.js'
import { readJsonObject } from '../../core/http/read-body.js'
import { parseOrFail } from './openai-errors.js'
import { chargeJob, imagesResponse, planImageJob, type ImagesContext } from './image-job.js'
import { streamImageJob } from './stream.js'

export function createGenerationHandler(context: ImagesContext): Handler<EmulatorEnv> {
  return async function createImage(c) {
    const request = parseOrFail(context.policy.generation, await readJsonObject(c))
    const job = planImageJob(c, context, request, { kind: 'generation' })
    await chargeJob(c, context, job)
    // The openai SDK sends `accept: application/json` even when streaming: the body decides.
    if (request.stream) return streamImageJob(c, context, job)
    return respondJson(c, await imagesResponse(context, job))
  }
}
