/**
 * OceanBase Cloud AI API (seed 001): synchronous gpt-image-2, Bearer keys. Mounted at /oceanbase.
 * Route: generations.ts; errors: errors.ts; request schema: schemas.ts;
 * spec: specs/oceanbase.openapi.yaml.
 */
import type { Provider } from '../provider.js'
import { answerUnknownRoutes, createProviderApp } from '../provider.js'
import { createOceanbaseErrors, renderOceanbaseFailure } from './errors.js'
import { createGenerationHandler } from './generations.js'

export const oceanbase: Provider = {
  id: 'oceanbase',
  createRoutes(runtime) {
    const errors = createOceanbaseErrors(runtime.config)
    const app = createProviderApp({
      id: 'oceanbase',
      runtime,
      keyScheme: 'bearer',
      policyErrors: { ipNotAllowed: 'permission_denied', rateLimited: 'rate_limit_exceeded' },
      errors,
      renderFailure: (failure) => renderOceanbaseFailure(failure, errors),
    })
    app.post('/api/v1/images/generations', createGenerationHandler(runtime))
    return answerUnknownRoutes(app, 'oceanbase')
  },
}
