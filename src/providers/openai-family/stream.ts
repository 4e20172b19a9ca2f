/**
 * `stream: true`: OpenAI's image streaming events as server-sent events. For each image,
 * `partial_images` partial frames, then one completed frame carrying the usage.
 */
import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { components } from '../../generated/gptproto.js'
import { unixSeconds } from '../../core/clock.js'
import { formatPixelSize } from '../../core/images/gpt-image-sizes.js'
import { renderJobImage, toB64Json, type ImageJob, type ImagesContext } from './image-job.js'

type StreamEvent =
  | components['schemas']['ImageGenerationStreamEvent']
  | components['schemas']['ImageEditStreamEvent']

const EVENT_TYPES = {
  generation: {
    partial: 'image_generation.partial_image',
    completed: 'image_generation.completed',
  },
  edit: { partial: 'image_edit.partial_image', completed: 'image_edit.completed' },
} as const

export function streamImageJob(c: Context, context: ImagesContext, job: ImageJob): Response {
  const types = EVENT_TYPES[job.kind]
  const partials = job.request.partial_images ?? 0
  const pause = context.services.config.stream.eventIntervalMs

  return streamSSE(c, async (stream) => {
    const base = () => ({
      background: job.options.background,
      created_at: unixSeconds(context.services.clock),
      output_format: job.options.format,
      quality: job.options.quality,
      size: formatPixelSize(job.options.size),
    })
    const send = async (event: StreamEvent) => {
      if (pause > 0) await stream.sleep(pause)
      if (!stream.aborted) await stream.writeSSE({ event: event.type, data: JSON.stringify(event) })
    }

    // Asked afresh each time: the client may hang up during any await.
    const open = () => !stream.aborted
    for (let image = 0; image < job.request.n && open(); image++) {
      for (let partial = 0; partial < partials && open(); partial++) {
        const bytes = await renderJobImage(context, job, image, { index: partial, of: partials })
        await send({
          type: types.partial,
          b64_json: toB64Json(context, job, bytes),
          partial_image_index: partial,
          ...base(),
        })
      }
      const bytes = await renderJobImage(context, job, image)
      await send({
        type: types.completed,
        b64_json: toB64Json(context, job, bytes),
        usage: job.usage,
        ...base(),
      })
    }
  })
}
