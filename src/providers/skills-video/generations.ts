/** `GET /api/v1/generation/{id}` and `GET /api/v1/generations/running`: the caller's generations. */
import type { Handler } from 'hono'
import type { Runtime } from '../../runtime.js'
import type { EmulatorEnv } from '../../core/http/env.js'
import type { components } from '../../generated/skills-video.js'
import { requestNamespace } from '../../core/http/emulator-headers.js'
import { parseRequest } from '../../core/validation.js'
import type { SkillsVideoErrors } from './errors.js'
import { RunningQuery } from './schemas.js'
import { isSkillsVideoTask, toGeneration, toRunning } from './wire.js'

type Schemas = components['schemas']

export function getGenerationHandler(
  runtime: Runtime,
  errors: SkillsVideoErrors,
): Handler<EmulatorEnv> {
  return function getGeneration(c) {
    const task = runtime.tasks.get(c.req.param('id') ?? '')
    // Another key's or another namespace's generation does not exist for this caller.
    if (
      !task ||
      !isSkillsVideoTask(task) ||
      task.apiKey !== c.get('apiKey') ||
      task.namespace !== requestNamespace(c)
    ) {
      throw errors.not_found()
    }
    const body: Schemas['Generation'] = toGeneration(task, runtime.files)
    return c.json(body)
  }
}

export function listRunningHandler(runtime: Runtime): Handler<EmulatorEnv> {
  return function listRunningGenerations(c) {
    // `workspace` is accepted and ignored: the emulator has one workspace per key.
    const { limit } = parseRequest(RunningQuery, c.req.query())
    const running = runtime.tasks
      .list({
        provider: 'skills-video',
        namespace: requestNamespace(c),
        apiKey: c.get('apiKey'),
        states: ['queued', 'running'],
      })
      .filter(isSkillsVideoTask) // already this provider's; narrows the details' type
    const body: Schemas['RunningGeneration'][] = running.reverse().slice(0, limit).map(toRunning)
    return c.json(body)
  }
}
