/**
 * A CreateTask body, validated and priced: the one owner of what CreateTask and EstimateTask
 * refuse, so an estimate is refused exactly when the task would be.
 */
import type { Context } from 'hono'
import type { CoreConfig } from '../../config-core.js'
import { readJsonObject } from '../../core/http/read-body.js'
import { parseRequest } from '../../core/validation.js'
import { checkCallbackTarget } from '../../core/callbacks/target-policy.js'
import { CreateTaskRequest, ModelField } from './schemas.js'
import { planChannel, type ChannelPlan } from './channels.js'
import type { CrunSettings } from './settings.js'

export interface TaskRequest {
  request: CreateTaskRequest
  plan: ChannelPlan
}

export async function readTaskRequest(
  c: Context,
  settings: CrunSettings,
  config: Pick<CoreConfig, 'callbacks'>,
): Promise<TaskRequest> {
  const body = await readJsonObject(c)
  // The model first: an unknown one is refused with the list of channels.
  parseRequest(ModelField, body)
  const request = parseRequest(CreateTaskRequest, body)
  // Queuing checks it too; an estimate must refuse the same callback targets.
  if (request.callback_url !== undefined)
    checkCallbackTarget(request.callback_url, config.callbacks)
  return { request, plan: planChannel(request, settings.prices) }
}
