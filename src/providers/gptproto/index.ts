/**
 * GPTProto (https://gptproto.com): OpenAI-compatible and synchronous. Mounted at /gptproto.
 * Routes: generations.ts, edits.ts; errors: errors.ts; request schemas: schemas.ts;
 * spec: specs/gptproto.openapi.yaml.
 */
import type { Provider } from '../provider.js'
import { answerUnknownRoutes, createProviderApp } from '../provider.js'
import { createGptprotoErrors, renderGptprotoFailure } from './errors.js'
import { createGenerationHandler } from './generations.js'
import { createEditHandler } from './edits.js'

export const gptproto: Provider = {
  id: 'gptproto',
  createRoutes(runtime) {
    const errors = createGptprotoErrors(runtime.config)
    const app = createProviderApp({
      id: 'gptproto',
      runtime,
      keyScheme: 'raw-or-bearer',
      policyErrors: {
        ipNotAllowed: 'insufficient_permissions',
        rateLimited: 'rate_limit_exceeded',
      },
      errors,
      renderFailure: (failure) => renderGptprotoFailure(failure, errors),
    })
    app.post('/v1/images/generations', createGenerationHandler(runtime))
    app.post('/v1/images/edits', createEditHandler(runtime))
    return answerUnknownRoutes(app, 'gptproto')
  },
}
