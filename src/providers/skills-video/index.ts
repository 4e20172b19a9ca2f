/**
 * skills.video (seed 000): asynchronous gpt-image-2 generations with polling, server-sent events
 * and Standard Webhooks, Bearer keys, subscription and permanent credits. Mounted at
 * /skills-video. Routes: create-generation.ts, sse.ts, generations.ts and below; request reading:
 * read-request.ts; wire format: wire.ts; webhooks: webhooks.ts; errors: errors.ts; settings:
 * settings.ts; spec: specs/skills-video.openapi.yaml.
 */
import type { components } from '../../generated/skills-video.js'
import { bearerScheme } from '../../core/auth/api-key.js'
import { Refusal } from '../../core/errors/failure.js'
import { namespaceOf } from '../../core/steering/middleware.js'
import { defineProvider } from '../descriptor.js'
import { SKILLS_VIDEO_ERRORS, unsupportedModelMessage } from './errors.js'
import { SkillsVideoSettings } from './settings.js'
import { createGenerationHandler, GENERATION_FAILED } from './create-generation.js'
import { createStreamHandler } from './sse.js'
import { getGenerationHandler, listRunningHandler } from './generations.js'
import { announce } from './webhooks.js'

type Credits = components['schemas']['Credits']

export const skillsVideo = defineProvider({
  id: 'skills-video',
  title: 'skills.video',
  realBaseUrl: 'https://open.skills.video',
  keyScheme: bearerScheme,
  exampleKey: 'sk-contract-skills-video',
  settings: { key: 'skillsVideo', schema: SkillsVideoSettings },
  errors: () => SKILLS_VIDEO_ERRORS,
  // Webhooks are configured in the real dashboard (here, the control plane), not per request.
  tasks: {
    newId: (random) => `gen_${random.hex(24)}`,
    failure: GENERATION_FAILED,
    onChange: announce,
  },
  webhooks: true,
  traffic: { taskIdOf: (body) => (body as { id?: string }).id },

  routes(app, services) {
    app.post('/api/v1/generation/openai/gpt-image-2', createGenerationHandler(services))
    app.post('/api/v1/generation/sse/openai/gpt-image-2', createStreamHandler(services))
    // The real service hosts many models under the same pattern; the emulator only this one.
    const unsupported = (provider = '', model = '') => {
      throw new Refusal('image_generation_unsupported_model', {
        message: unsupportedModelMessage(`${provider}/${model}`),
      })
    }
    app.post('/api/v1/generation/sse/:provider/:model', (c) =>
      unsupported(c.req.param('provider'), c.req.param('model')),
    )
    app.post('/api/v1/generation/:provider/:model', (c) =>
      unsupported(c.req.param('provider'), c.req.param('model')),
    )

    app.get('/api/v1/generation/:id', getGenerationHandler(services))
    app.get('/api/v1/generations/running', listRunningHandler(services))

    app.get('/api/v1/credits', async (c) => {
      const ref = { namespace: namespaceOf(c), provider: 'skills-video', apiKey: c.get('apiKey') }
      const account = await services.credits.account(ref)
      const body: Credits = {
        total: account.balance,
        subscription: account.subscription,
        permanent: account.permanent,
      }
      return c.json(body)
    })
  },
})
