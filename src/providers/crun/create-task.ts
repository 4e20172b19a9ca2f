/** `POST /api/v1/client/job/CreateTask`: validates, prices and queues a task on one of three channels. */
import type { Handler } from 'hono'
import type { Runtime } from '../../runtime.js'
import type { EmulatorEnv } from '../../core/http/env.js'
import type { components } from '../../generated/crun.js'
import type { TaskOutcome } from '../../core/tasks/task.js'
import { readJsonObject } from '../../core/http/read-body.js'
import { publicOrigin } from '../../core/http/public-origin.js'
import { requestNamespace, requestSeed, requestTiming } from '../../core/http/emulator-headers.js'
import { parseRequest } from '../../core/validation.js'
import { findTriggerTerm } from '../../core/moderation.js'
import { chargeCredits } from '../../core/credits/charge.js'
import { taskOutcomeFromFaults } from '../../core/faults/task-faults.js'
import { CreateTaskRequest, ModelField } from './schemas.js'
import { planChannel } from './channels.js'
import type { CrunErrors } from './errors.js'
import type { CrunDetails } from './wire.js'

type CreateTaskResponse = components['schemas']['CreateTaskResponse']

/** Result code 501 is how a failed CRUN task reads (the only code a public client retries on). */
export const GENERATION_FAILED = { code: '501', message: 'Generation Failed' }

export function createTaskHandler(runtime: Runtime, errors: CrunErrors): Handler<EmulatorEnv> {
  const { config } = runtime
  return async function createTask(c) {
    const body = await readJsonObject(c)
    // The model first: an unknown one is refused with the list of channels.
    parseRequest(ModelField, body)
    const request = parseRequest(CreateTaskRequest, body)
    const plan = planChannel(request, config.crun.prices)

    const id = runtime.randomFor(requestNamespace(c)).uuid()
    const ref = { namespace: requestNamespace(c), provider: 'crun', apiKey: c.get('apiKey') }
    // CRUN has no spend limits of its own: a key over the one set on the control plane reads as
    // short of credits, the only refusal CRUN has for money.
    if (!chargeCredits(runtime, ref, plan.price, id).ok)
      throw errors.catalogue.insufficient_credits()

    const { prompt, img_urls: imgUrls = [] } = request.input
    runtime.tasks.create<CrunDetails>({
      ...ref,
      id,
      details: { origin: publicOrigin(c, config), param: plan.param },
      batch: {
        provider: 'crun',
        model: request.model.replace(/^openai\//, ''),
        prompt,
        size: plan.size,
        format: plan.format,
        compression: 100,
        transparent: plan.transparent,
        quality: plan.look,
        seed: requestSeed(c, config.seed),
        count: 1,
        ...(imgUrls.length > 0 && {
          note: `edit of ${imgUrls.length} image${imgUrls.length === 1 ? '' : 's'}`,
        }),
      },
      outcome:
        taskOutcomeFromFaults(c.get('faults'), GENERATION_FAILED) ??
        moderate(prompt, config.moderation.triggerTerms),
      timing: requestTiming(c, config.timing, runtime.randomFor(requestNamespace(c))),
      charge: plan.price,
      callbackUrl: request.callback_url,
      callbackFaults: c.get('faults')?.callback,
      internalFailure: GENERATION_FAILED,
    })
    const response: CreateTaskResponse = { code: 200, message: 'success', data: { task_id: id } }
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
