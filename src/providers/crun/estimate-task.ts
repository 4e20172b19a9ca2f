/**
 * `POST /api/v1/client/job/EstimateTask`: what CreateTask with this body would charge, and
 * whether the balance covers it. Charges nothing; refuses what CreateTask refuses.
 */
import type { Handler } from 'hono'
import type { EmulatorEnv } from '../../core/http/env.js'
import type { components } from '../../generated/crun.js'
import type { ProviderServices } from '../descriptor.js'
import { namespaceOf } from '../../core/steering/middleware.js'
import { readTaskRequest } from './task-request.js'
import type { CrunSettings } from './settings.js'

type EstimateTaskResponse = components['schemas']['EstimateTaskResponse']

export function estimateTaskHandler({
  id,
  settings,
  config,
  credits,
}: ProviderServices<CrunSettings>): Handler<EmulatorEnv> {
  return async function estimateTask(c) {
    const { plan } = await readTaskRequest(c, settings, config)
    const ref = { namespace: namespaceOf(c), provider: id, apiKey: c.get('apiKey') }
    const { balance } = await credits.account(ref)
    const response: EstimateTaskResponse = {
      code: 200,
      message: 'success',
      data: { estimated_credits: plan.price, balance, affordable: balance >= plan.price },
    }
    return c.json(response)
  }
}
