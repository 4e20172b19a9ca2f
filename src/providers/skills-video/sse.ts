/**
 * `POST /api/v1/generation/sse/openai/gpt-image-2` (docs /sse): queues a generation as the plain
 * create does, then sends one bare `data:` frame per status, IN_QUEUE first, and closes after the
 * terminal one. No `event:` lines and no `[DONE]`. Errors before the stream are plain JSON.
 */
import type { Handler } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { ProviderServices } from '../descriptor.js'
import type { TaskEngine } from '../../core/tasks/task-engine.js'
import type { ImageFiles } from '../../core/images/image-files.js'
import type { EmulatorEnv } from '../../core/http/env.js'
import type { components } from '../../generated/skills-video.js'
import type { Task } from '../../core/tasks/task.js'
import type { SkillsVideoSettings } from './settings.js'
import { queueGeneration } from './create-generation.js'
import { embeddedImages, embedsImages, toFrame, type SkillsVideoDetails } from './wire.js'

type Frame = components['schemas']['GenerationFrame']

const TERMINAL: readonly Frame['status'][] = ['COMPLETED', 'FAILED', 'CANCELED']
/** How often a quiet stream checks that its task still exists (a reset forgets tasks silently). */
const LIVENESS_CHECK_MS = 1_000

export function createStreamHandler(
  services: ProviderServices<SkillsVideoSettings>,
): Handler<EmulatorEnv> {
  return async function createGenerationStream(c) {
    const task = await queueGeneration(c, services)
    // Subscribed in the same tick as the task was created, so no transition can slip past.
    const frames = followFrames(services, task)
    return streamSSE(c, async (stream) => {
      stream.onAbort(frames.close)
      try {
        for await (const frame of frames.each()) {
          if (stream.aborted) break
          await stream.writeSSE({ data: JSON.stringify(frame) })
        }
      } finally {
        frames.close()
      }
    })
  }
}

interface FrameFeed {
  /** The frames so far and to come, ending after the terminal one. */
  each(): AsyncGenerator<Frame>
  close: () => void
}

function followFrames(
  { tasks, images }: { tasks: TaskEngine; images: Pick<ImageFiles, 'render'> },
  task: Task<SkillsVideoDetails>,
): FrameFeed {
  // A frame is taken when its transition happens; only a terminal one, which nothing changes
  // after, may wait for its images to be embedded.
  const frameNow = (): Promise<Frame> =>
    embedsImages(task)
      ? embeddedImages(task, images).then((embedded) => toFrame(task, embedded))
      : Promise.resolve(toFrame(task))
  const pending: Promise<Frame>[] = [frameNow()]
  let wake: (() => void) | undefined
  let closed = false
  const unsubscribe = tasks.subscribe((changed) => {
    if (changed.id !== task.id) return
    pending.push(frameNow())
    wake?.()
  })
  const close = () => {
    if (closed) return
    closed = true
    unsubscribe()
    wake?.()
  }

  async function* each(): AsyncGenerator<Frame> {
    while (!closed) {
      const next = pending.shift()
      if (next) {
        const frame = await next
        yield frame
        if (TERMINAL.includes(frame.status)) {
          close()
          return
        }
        continue
      }
      if (tasks.get(task.id) !== task) {
        close()
        return
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, LIVENESS_CHECK_MS)
        timer.unref()
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      wake = undefined
    }
  }

  return { each, close }
}
