/**
 * aivideoapi.ai (seed 002): asynchronous gpt-image-2 tasks with polling and callbacks, Bearer
 * `sk-` keys, credits. Mounted at /aivideoapi.
 * Routes: create-task.ts, and below; task wire format: wire.ts; callbacks: callbacks.ts;
 * errors: errors.ts; spec: specs/aivideoapi.openapi.yaml.
 */
import type { Task } from '../../core/tasks/task.js'
import type { components } from '../../generated/aivideoapi.js'
import { requestNamespace } from '../../core/http/emulator-headers.js'
import type { Provider } from '../provider.js'
import { answerUnknownRoutes, createProviderApp } from '../provider.js'
import { createAivideoapiErrors, renderAivideoapiFailure } from './errors.js'
import { createTaskHandler, UPSTREAM_FAILURE } from './create-task.js'
import { sendCallbacks } from './callbacks.js'
import { toTaskWire, type AivideoapiDetails } from './wire.js'

type CreditsResponse = components['schemas']['CreditsResponse']

export const aivideoapi: Provider = {
  id: 'aivideoapi',
  taskFailure: UPSTREAM_FAILURE,
  createRoutes(runtime) {
    const errors = createAivideoapiErrors(runtime.config)
    const app = createProviderApp({
      id: 'aivideoapi',
      runtime,
      keyScheme: 'bearer',
      errors,
      acceptKey: (key) => key.startsWith('sk-'),
      policyErrors: { ipNotAllowed: 'ip_not_allowed', rateLimited: 'rate_limit_exceeded' },
      renderFailure: (failure) => renderAivideoapiFailure(failure, errors),
    })
    sendCallbacks(runtime)

    app.post('/v1/images/generations', createTaskHandler(runtime, errors))

    app.get('/v1/tasks/:taskId', (c) => {
      const task = runtime.tasks.get(c.req.param('taskId'))
      // Another key's or another namespace's task does not exist for this caller.
      if (
        !task ||
        task.provider !== 'aivideoapi' ||
        task.apiKey !== c.get('apiKey') ||
        task.namespace !== requestNamespace(c)
      ) {
        throw errors.task_not_found()
      }
      return c.json(toTaskWire(task as Task<AivideoapiDetails>))
    })

    app.get('/v1/credits', (c) => {
      const account = runtime.credits.account({
        namespace: requestNamespace(c),
        provider: 'aivideoapi',
        apiKey: c.get('apiKey'),
      })
      const body: CreditsResponse = {
        code: 200,
        msg: 'success',
        data: {
          balance: account.balance,
          total_purchased: account.purchased,
          total_consumed: account.consumed,
        },
      }
      return c.json(body)
    })

    return answerUnknownRoutes(app, 'aivideoapi')
  },
}
