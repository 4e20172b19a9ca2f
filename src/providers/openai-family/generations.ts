/** `POST /v1/images/generations`: text to image, answered as JSON or, with `stream: true`, as SSE. */
import type { Handler } from 'hono'
import type { Runtime } from '../../runtime.js'
import type { EmulatorEnv } from '../../core/http/env.js'
import { respondJson } from '../../core/http/json-with-base64.js'
import { readJsonObject } from '../../core/http/read-body.js'
import { parseOrFail } from '../openai-family/openai-errors.js'
import { GenerationRequest } from './schemas.js'
import { imagesResponse, planImageJob } from './image-job.js'
import { streamImageJob } from './stream.js'

export function createGenerationHandler(runtime: Runtime): Handler<EmulatorEnv> {
  return async function createImage(c) {
    const request = parseOrFail(GenerationRequest, await readJsonObject(c))
    const job = planImageJob(c, runtime, request, { kind: 'generation' })
    // The openai SDK sends `accept: application/json` even when streaming: the body decides.
    if (request.stream) return streamImageJob(c, runtime, job)
    return respondJson(c, await imagesResponse(runtime, job))
  }
}
