/**
 * OpenAI's own Images API (https://api.openai.com), the upstream every reseller relays: synchronous,
 * GPT image models only. Mounted at /openai. Its routes are openai-family's with OpenAI's schemas;
 * errors: errors.ts; request schemas: schemas.ts; settings: settings.ts;
 * spec: specs/openai.openapi.yaml.
 */
import { bearerScheme } from '../../core/auth/api-key.js'
import { addImagesRoutes } from '../openai-family/images-routes.js'
import { defineProvider } from '../descriptor.js'
import { OPENAI_ERRORS } from './errors.js'
import { OpenAISettings } from './settings.js'
import { EditFields, GenerationRequest } from './schemas.js'

export const openai = defineProvider({
  id: 'openai',
  title: 'OpenAI',
  realBaseUrl: 'https://api.openai.com',
  // `Authorization: Bearer <key>` is the only form OpenAI accepts.
  keyScheme: bearerScheme,
  exampleKey: 'sk-contract-openai',
  settings: { key: 'openai', schema: OpenAISettings },
  errors: () => OPENAI_ERRORS,

  routes(app, services) {
    addImagesRoutes(app, services, {
      generation: GenerationRequest,
      edit: EditFields,
      autoQuality: services.settings.autoQuality,
      // GPT image models answer bare base64, never a data URI.
      b64DataUriPrefix: false,
      // OpenAI's own wording names where to write and the request's real id.
      moderationMessage: (category, requestId) =>
        'Your request was rejected by the safety system. If you believe this is an error, ' +
        `contact us at help.openai.com and include the request ID ${requestId}. ` +
        `safety_violations=[${category}].`,
    })
  },
})
