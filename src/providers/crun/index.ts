/**
 * CRUN (seed 003): asynchronous gpt-image-2 tasks on three channels (standard, stable, premium)
 * with polling and callbacks, `x-api-key` auth, credits, outcomes in the body `code`. Mounted at
 * /crun. Routes: create-task.ts, estimate-task.ts, task-info.ts, models.ts, uploads.ts, and the
 * balance below; validation: task-request.ts; channels: channels.ts; task wire format: wire.ts;
 * callbacks: callbacks.ts; errors: errors.ts; settings: settings.ts; spec:
 * specs/crun.openapi.yaml.
 */
import type { components } from '../../generated/crun.js'
import { headerScheme } from '../../core/auth/api-key.js'
import { namespaceOf } from '../../core/steering/middleware.js'
import { defineProvider } from '../descriptor.js'
import { crunErrors } from './errors.js'
import { CrunSettings } from './settings.js'
import { createTaskHandler, GENERATION_FAILED } from './create-task.js'
import { taskInfoHandler } from './task-info.js'
import { sendCallback } from './callbacks.js'
import { estimateTaskHandler } from './estimate-task.js'
import { describeModel, listModels } from './models.js'
import { addUploadRoutes, UPLOAD_PATHS } from './uploads.js'

type BalanceResponse = components['schemas']['BalanceResponse']

export const crun = defineProvider({
  id: 'crun',
  title: 'CRUN',
  realBaseUrl: 'https://api.crun.ai',
  // Keys look like `ak_` + 32 characters, but no documented rule refuses other forms.
  keyScheme: headerScheme('x-api-key'),
  exampleKey: 'ak_contract0000000000000000000000000',
  settings: { key: 'crun', schema: CrunSettings },
  errors: crunErrors,
  openPaths: UPLOAD_PATHS,
  tasks: { newId: (random) => random.uuid(), failure: GENERATION_FAILED, onChange: sendCallback },
  traffic: {
    callbackUrl: { in: 'body', field: 'callback_url' },
    // A callback's body is the task's `data`, or the whole envelope (setting `callbackBody`).
    taskIdOf: (body) => {
      const callback = body as { task_id?: string; data?: { task_id?: string } }
      return callback.task_id ?? callback.data?.task_id
    },
  },

  routes(app, services) {
    app.post('/api/v1/client/job/CreateTask', createTaskHandler(services))
    app.post('/api/v1/client/job/EstimateTask', estimateTaskHandler(services))
    app.get('/api/v1/client/job/TaskInfo', taskInfoHandler(services.taskStep))
    app.get('/api/v1/client/job/Models', listModels)
    app.get('/api/v1/client/job/Models/:model{.+}', describeModel)
    addUploadRoutes(app, services)

    app.get('/api/v1/client/account/balance', async (c) => {
      const ref = { namespace: namespaceOf(c), provider: 'crun', apiKey: c.get('apiKey') }
      const account = await services.credits.account(ref)
      const body: BalanceResponse = {
        code: 200,
        message: 'success',
        data: { balance: account.balance },
      }
      return c.json(body)
    })
  },
})
