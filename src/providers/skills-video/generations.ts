/**
 * `GET /api/v1/generation/{id}` and `GET /api/v1/generations/running`: the caller's generations.
 */
import type { Handler } from 'hono'
import type { EmulatorEnv } from '../../core/http/env.js'
import type { components } from '../../generated/skills-video.js'
import type { ProviderServices } from '../descriptor.js'
import { namespaceOf } from '../../core/steering/middleware.js'
import { parseRequest } from '../../core/validation.js'
import { RunningQuery } from './schemas.js'
import {
  embeddedImages,
  isSkillsVideoTask,
  toGeneration,
  toRunning,
  type SkillsVideoDetails,
} from './wire.js'

type Schemas = components['schemas']

export function getGenerationHandler({
  taskStep,
  images,
}: ProviderServices<unknown>): Handler<EmulatorEnv> {
  return async function getGeneration(c) {
    const task = await taskStep.findOwn<SkillsVideoDetails>(c, c.req.param('id') ?? '')
    const body: Schemas['Generation'] = toGeneration(task, await embeddedImages(task, images))
    return c.json(body)
  }
}

export function listRunningHandler({ tasks }: ProviderServices<unknown>): Handler<EmulatorEnv> {
  return async function listRunningGenerations(c) {
    // `workspace` is accepted and ignored: the emulator has one workspace per key.
    const { limit } = parseRequest(RunningQuery, c.req.query())
    const running = (
      await tasks.list({
        provider: 'skills-video',
        namespace: namespaceOf(c),
        apiKey: c.get('apiKey'),
        states: ['queued', 'running'],
      })
    ).filter(isSkillsVideoTask) // already this provider's; narrows the details' type
    const body: Schemas['RunningGeneration'][] = running.reverse().slice(0, limit).map(toRunning)
    return c.json(body)
  }
}
