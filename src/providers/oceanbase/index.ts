/**
 * OceanBase Cloud AI API (seed 001): synchronous gpt-image-2, Bearer keys. Mounted at /oceanbase.
 * Route: generations.ts; errors: errors.ts; request schema: schemas.ts;
 * spec: specs/oceanbase.openapi.yaml.
 */
import { bearerScheme } from '../../core/auth/api-key.js'
import { defineProvider } from '../descriptor.js'
import { OCEANBASE_ERRORS } from './errors.js'
import { OceanbaseSettings } from './settings.js'
import { createGenerationHandler } from './generations.js'

export const oceanbase = defineProvider({
  id: 'oceanbase',
  title: 'OceanBase Cloud AI API',
  // The base URL is per account: record mode needs `upstreams.oceanbase`.
  keyScheme: bearerScheme,
  exampleKey: 'sk-contract-oceanbase',
  settings: { key: 'oceanbase', schema: OceanbaseSettings },
  errors: () => OCEANBASE_ERRORS,

  routes(app, services) {
    app.post('/api/v1/images/generations', createGenerationHandler(services))
  },
})
