/**
 * aivideoapi.ai (seed 002): asynchronous gpt-image-2 tasks with polling and callbacks, Bearer
 * `sk-` keys, credits. Mounted at /aivideoapi.
 * Create: create-task.ts; task wire format: wire.ts; callbacks: callbacks.ts; errors: errors.ts;
 * settings: settings.ts; spec: specs/aivideoapi.openapi.yaml.
 */
import type { components } from '../../generated/aivideoapi.js'
import { bearerScheme } from '../../core/auth/api-key.js'
import { namespaceOf } from '../../core/steering/middleware.js'
import { defineProvider } from '../descriptor.js'
import { AIVIDEOAPI_ERRORS } from './errors.js'
import { AivideoapiSettings } from './settings.js'
import { createTaskHandler, UPSTREAM_FAILURE } from './create-task.js'
import { sendCallback } from './callbacks.js'
import { toTaskWire, type AivideoapiDetails } from './wire.js'

type CreditsResponse = components['schemas']['CreditsResponse']

export const aivideoapi = defineProvider({
  id: 'aivideoapi',
  title: 'aivideoapi.ai',
  realBaseUrl: 'https://api.aivideoapi.ai',
  keyScheme: bearerScheme,
  acceptKey: (key) => key.startsWith('sk-'),
  exampleKey: 'sk-contract-aivideoapi',
  settings: { key: 'aivideoapi', schema: AivideoapiSettings },
  errors: () => AIVIDEOAPI_ERRORS,
  tasks: {
    newId: (random) => random.uuid(),
    failure: UPSTREAM_FAILURE,
    onChange: sendCallback,
  },
  traffic: {
    callbackUrl: { in: 'body', field: 'callback_url' },
    // A callback's body is the task as polled.
    taskIdOf: (body) => (body as { id?: string }).id,
  },

  routes(app, services) {
    app.post('/v1/images/generations', createTaskHandler(services))

    app.get('/v1/tasks/:taskId', async (c) => {
      const task = await services.taskStep.findOwn<AivideoapiDetails>(c, c.req.param('taskId'))
      return c.json(toTaskWire(task))
    })

    app.get('/v1/credits', async (c) => {
      const ref = { namespace: namespaceOf(c), provider: 'aivideoapi', apiKey: c.get('apiKey') }
      const account = await services.credits.account(ref)
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
  },
})
