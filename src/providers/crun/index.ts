/**
 * CRUN (seed 003): asynchronous gpt-image-2 tasks on three channels (standard, stable, premium)
 * with polling and callbacks, `x-api-key` auth, credits, outcomes in the body `code`. Mounted at
 * /crun. Routes: create-task.ts, task-info.ts, and the balance below; channels: channels.ts; task
 * wire format: wire.ts; callbacks: callbacks.ts; errors: errors.ts; spec: specs/crun.openapi.yaml.
 */
import type { components } from '../../generated/crun.js'
import { requestNamespace } from '../../core/http/emulator-headers.js'
import type { Provider } from '../provider.js'
import { answerUnknownRoutes, createProviderApp } from '../provider.js'
import { createCrunErrors, renderCrunFailure } from './errors.js'
import { createTaskHandler, GENERATION_FAILED } from './create-task.js'
import { taskInfoHandler } from './task-info.js'
import { sendCallbacks } from './callbacks.js'

type BalanceResponse = components['schemas']['BalanceResponse']

export const crun: Provider = {
  id: 'crun',
  taskFailure: GENERATION_FAILED,
  createRoutes(runtime) {
    const errors = createCrunErrors(runtime.config)
    const app = createProviderApp({
      id: 'crun',
      runtime,
      // Keys look like `ak_` + 32 characters, but no documented rule refuses other forms.
      keyScheme: 'x-api-key',
      errors: errors.catalogue,
      // CRUN's code list has no 403: a key refused for its address reads as unauthorized.
      policyErrors: { ipNotAllowed: 'unauthorized', rateLimited: 'rate_limited' },
      renderFailure: (failure) => renderCrunFailure(failure, errors),
    })
    sendCallbacks(runtime)

    app.post('/api/v1/client/job/CreateTask', createTaskHandler(runtime, errors))
    app.get('/api/v1/client/job/TaskInfo', taskInfoHandler(runtime, errors))

    app.get('/api/v1/client/account/balance', (c) => {
      const account = runtime.credits.account({
        namespace: requestNamespace(c),
        provider: 'crun',
        apiKey: c.get('apiKey'),
      })
      const body: BalanceResponse = {
        code: 200,
        message: 'success',
        data: { balance: account.balance },
      }
      return c.json(body)
    })

    return answerUnknownRoutes(app, 'crun')
  },
}
