/**
 * `POST /api/v1/client/job/CreateTask`: validates, prices and queues a task on one of three
 * channels.
 */
import type { Handler } from 'hono'
import type { EmulatorEnv } from '../../core/http/env.js'
import type { components } from '../../generated/crun.js'
import type { TaskOutcome } from '../../core/tasks/task.js'
import type { ProviderServices } from '../descriptor.js'
import { publicOrigin } from '../../core/http/public-origin.js'
import { findTriggerTerm } from '../../core/moderation.js'
import { readTaskRequest } from './task-request.js'
import type { CrunSettings } from './settings.js'
import type { CrunDetails } from './wire.js'

type CreateTaskResponse = components['schemas']['CreateTaskResponse']

/** Result code 501 is how a failed CRUN task reads (the only code a public client retries on). */
export const GENERATION_FAILED = { code: '501', message: 'Generation Failed' }

export function createTaskHandler({
  settings,
  config,
  taskStep,
}: ProviderServices<CrunSettings>): Handler<EmulatorEnv> {
  return async function createTask(c) {
    const { request, plan } = await readTaskRequest(c, settings, config)
    const { prompt, img_urls: imgUrls = [] } = request.input

    const task = await taskStep.queue<CrunDetails>(c, {
      price: plan.price,
      details: { origin: publicOrigin(c, config), param: plan.param },
      batch: {
        model: request.model.replace(/^openai\//, ''),
        prompt,
        size: plan.size,
        format: plan.format,
        compression: 100,
        transparent: plan.transparent,
        quality: plan.look,
        count: 1,
        ...(imgUrls.length > 0 && {
          note: `edit of ${imgUrls.length} image${imgUrls.length === 1 ? '' : 's'}`,
        }),
      },
      outcome: moderate(prompt, config.moderation.triggerTerms),
      callbackUrl: request.callback_url,
    })
    const response: CreateTaskResponse = {
      code: 200,
      message: 'success',
      data: { task_id: task.id },
    }
    return c.json(response)
  }
}

/**
 * A prompt with a trigger term is accepted and then fails while running, the way CRUN reports an
 * upstream refusal; the charge is refunded when it fails. Every channel is checked: how the
 * stable channel's `moderation: low` loosens the real check is undocumented.
 */
function moderate(prompt: string, terms: readonly string[]): TaskOutcome {
  if (!findTriggerTerm(prompt, terms)) return { kind: 'succeed' }
  return { kind: 'fail', stage: 'running', failure: GENERATION_FAILED }
}
