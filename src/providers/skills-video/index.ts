/**
 * skills.video (seed 000): asynchronous gpt-image-2 generations with polling, server-sent events
 * and Standard Webhooks, Bearer keys, subscription and permanent credits. Mounted at /skills-video.
 * Routes: create-generation.ts, sse.ts, generations.ts and below; request reading:
 * read-request.ts; wire format: wire.ts; webhooks: webhooks.ts; errors: errors.ts;
 * spec: specs/skills-video.openapi.yaml.
 */
import type { components } from '../../generated/skills-video.js'
import { requestNamespace } from '../../core/http/emulator-headers.js'
import type { Provider } from '../provider.js'
import { answerUnknownRoutes, createProviderApp } from '../provider.js'
import { createSkillsVideoErrors, renderSkillsVideoFailure, unsupportedModel } from './errors.js'
import { createGenerationHandler, GENERATION_FAILED } from './create-generation.js'
import { createStreamHandler } from './sse.js'
import { getGenerationHandler, listRunningHandler } from './generations.js'
import { sendWebhooks } from './webhooks.js'

type Credits = components['schemas']['Credits']

export const skillsVideo: Provider = {
  id: 'skills-video',
  taskFailure: GENERATION_FAILED,
  createRoutes(runtime) {
    const errors = createSkillsVideoErrors(runtime.config)
    const app = createProviderApp({
      id: 'skills-video',
      runtime,
      keyScheme: 'bearer',
      policyErrors: { ipNotAllowed: 'forbidden', rateLimited: 'image_generation_rate_limited' },
      errors,
      renderFailure: (failure) => renderSkillsVideoFailure(failure, errors),
    })
    sendWebhooks(runtime)

    app.post('/api/v1/generation/openai/gpt-image-2', createGenerationHandler(runtime, errors))
    app.post('/api/v1/generation/sse/openai/gpt-image-2', createStreamHandler(runtime, errors))
    // The real service hosts many models under the same pattern; the emulator only this one.
    app.post('/api/v1/generation/sse/:provider/:model', (c) => {
      throw unsupportedModel(`${c.req.param('provider')}/${c.req.param('model')}`)
    })
    app.post('/api/v1/generation/:provider/:model', (c) => {
      throw unsupportedModel(`${c.req.param('provider')}/${c.req.param('model')}`)
    })

    app.get('/api/v1/generation/:id', getGenerationHandler(runtime, errors))
    app.get('/api/v1/generations/running', listRunningHandler(runtime))

    app.get('/api/v1/credits', (c) => {
      const account = runtime.credits.account({
        namespace: requestNamespace(c),
        provider: 'skills-video',
        apiKey: c.get('apiKey'),
      })
      const body: Credits = {
        total: account.balance,
        subscription: account.subscription,
        permanent: account.permanent,
      }
      return c.json(body)
    })

    return answerUnknownRoutes(app, 'skills-video')
  },
}
