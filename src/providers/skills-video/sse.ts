/**
 * `POST /api/v1/generation/sse/openai/gpt-image-2` (docs /sse): queues a generation as the plain
 * create does, then sends one bare `data:` frame per status, IN_QUEUE first, and closes after the
 * terminal one. No `event:` lines and no `[DONE]`. Errors before the stream are plain JSON.
 */
import type { Handler } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { ProviderServices } from '../descriptor.js'
import type { TaskStore } from '../../core/tasks/task-engine.js'
import type { ImageStore } from '../../core/images/image-files.js'
import type { EmulatorEnv } from '../../core/http/env.js'
import type { components } from '../../generated/skills-video.js'
import type { Task } from '../../core/tasks/task.js'
import type { SkillsVideoSettings } from './settings.js'
import { queueGeneration } from './create-generation.js'
import { embeddedImages, embedsImages, toFrame, type SkillsVideoDetails } from './wire.js'

type Frame = components['schemas']['GenerationFrame']

const TERMINAL: readonly Frame['status'][] = ['COMPLETED', 'FAILED', 'CANCELED']
/**
 * How often a quiet stream looks at its task in the store: a reset forgets tasks silently, and
 * with replicas sharing state another replica may have made the transition.
 */
const CHECK_MS = 200

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
  { tasks, images }: { tasks: TaskStore; images: Pick<ImageStore, 'render'> },
  task: Task<SkillsVideoDetails>,
): FrameFeed {
  // A frame is taken when its transition is seen, once per state; only a terminal one, which
  // nothing changes after, may wait for its images to be embedded.
  let lastState = task.state
  const frameOf = (seen: Task<SkillsVideoDetails>): Promise<Frame> =>
    embedsImages(seen)
      ? embeddedImages(seen, images).then((embedded) => toFrame(seen, embedded))
      : Promise.resolve(toFrame(seen))
  const pending: Promise<Frame>[] = [frameOf(task)]
  const see = (seen: Task<SkillsVideoDetails>) => {
    if (seen.state === lastState) return
    lastState = seen.state
    pending.push(frameOf(seen))
    wake?.()
  }
  let wake: (() => void) | undefined
  let closed = false
  const unsubscribe = tasks.subscribe((changed) => {
    if (changed.id === task.id) see(changed as Task<SkillsVideoDetails>)
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
      const stored = await tasks.get(task.id)
      if (!stored || stored.createdAt !== task.createdAt) {
        close()
        return
      }
      see(stored as Task<SkillsVideoDetails>)
      if (pending.length > 0) continue
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, CHECK_MS)
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
