/**
 * `/__emulator/tasks`: list and inspect tasks, and end them on demand: complete now, fail with a
 * chosen code, or cancel (the only way skills.video's CANCELED is reached).
 */
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { Runtime } from '../runtime.js'
import type { EmulatorEnv } from '../core/http/env.js'
import type { components } from '../generated/emulator.js'
import type { Task, TaskState } from '../core/tasks/task.js'
import { EmulatorError } from '../core/errors/emulator-error.js'
import { publicOrigin } from '../core/http/public-origin.js'
import { namespaceOf } from '../core/steering/middleware.js'
import { redactUrl } from '../core/redact.js'
import { readControlBody } from './validate.js'

type TaskWire = components['schemas']['Task']

const STATES = ['queued', 'running', 'succeeded', 'failed', 'canceled'] as const
const Failure = z.strictObject({
  code: z.string().min(1).optional(),
  message: z.string().min(1).optional(),
})

export function createTaskRoutes(runtime: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()

  const find = async (c: Context<EmulatorEnv>): Promise<Task> => {
    const task = await runtime.tasks.get(c.req.param('id')!)
    if (!task || task.namespace !== namespaceOf(c)) {
      throw new EmulatorError(
        404,
        'not_found',
        `No task '${c.req.param('id')}' in namespace '${namespaceOf(c)}'.`,
        { field: 'id' },
      )
    }
    return task
  }

  app.get('/tasks', async (c) => {
    const state = c.req.query('state')
    if (state !== undefined && !(STATES as readonly string[]).includes(state)) {
      throw new EmulatorError(400, 'invalid_query', `Invalid state '${state}'.`, {
        field: 'state',
        allowed: [...STATES],
      })
    }
    const tasks = await runtime.tasks.list({
      namespace: namespaceOf(c),
      provider: c.req.query('provider'),
      ...(state && { states: [state as TaskState] }),
    })
    return c.json({ tasks: tasks.map((t) => toWire(t, c, runtime)) })
  })

  // A task ended elsewhere in the meantime (a reset) reads as it was found.
  const after = async (found: Task, change: Promise<Task | undefined>) => (await change) ?? found

  app.get('/tasks/:id', async (c) => c.json(toWire(await find(c), c, runtime)))

  app.post('/tasks/:id/complete', async (c) => {
    const task = await find(c)
    return c.json(toWire(await after(task, runtime.tasks.complete(task.id)), c, runtime))
  })

  app.post('/tasks/:id/fail', async (c) => {
    const task = await find(c)
    const input = await readControlBody(c, Failure)
    const fallback = runtime.providers.get(task.provider)?.taskFailure ?? {
      code: 'failed',
      message: 'Generation failed',
    }
    const failure = {
      code: input.code ?? fallback.code,
      message: input.message ?? fallback.message,
    }
    return c.json(toWire(await after(task, runtime.tasks.fail(task.id, failure)), c, runtime))
  })

  app.post('/tasks/:id/cancel', async (c) => {
    const task = await find(c)
    return c.json(toWire(await after(task, runtime.tasks.cancel(task.id)), c, runtime))
  })

  return app
}

function toWire(task: Task, c: Context, runtime: Runtime): TaskWire {
  const origin = publicOrigin(c, runtime.config)
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString())
  return {
    id: task.id,
    provider: task.provider,
    namespace: task.namespace,
    state: task.state,
    created_at: new Date(task.createdAt).toISOString(),
    started_at: iso(task.startedAt),
    completed_at: iso(task.completedAt),
    timing: { queue_ms: task.timing.queueMs, run_ms: task.timing.runMs },
    prompt: task.batch.prompt,
    size: `${task.batch.size.width}x${task.batch.size.height}`,
    charge: task.charge,
    callback_url: task.callbackUrl === undefined ? null : redactUrl(task.callbackUrl),
    images: (task.images ?? []).map((image) => ({
      url: `${origin}/files/${image.file}`,
      width: image.width,
      height: image.height,
      format: image.format,
    })),
    failure: task.failure ?? null,
  }
}
