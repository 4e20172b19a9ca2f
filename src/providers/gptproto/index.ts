/**
 * GPTProto (https://gptproto.com): OpenAI-compatible and synchronous. Mounted at /gptproto. Its
 * routes are OpenAI's (openai-family/) with GPTProto's schemas and settings; errors: errors.ts;
 * request schemas: schemas.ts; settings: settings.ts; spec: specs/gptproto.openapi.yaml.
 */
import { authorizationScheme } from '../../core/auth/api-key.js'
import { addImagesRoutes } from '../openai-family/images-routes.js'
import { relayedModerationMessage } from '../openai-family/openai-errors.js'
import { defineProvider } from '../descriptor.js'
import { GPTPROTO_ERRORS } from './errors.js'
import { GptprotoSettings } from './settings.js'
import {
  EditFields,
  GenerationRequest,
  LenientEditFields,
  LenientGenerationRequest,
} from './schemas.js'

export const gptproto = defineProvider({
  id: 'gptproto',
  title: 'GPTProto',
  realBaseUrl: 'https://gptproto.com',
  // GPTProto documents both `Authorization: <key>` and `Authorization: Bearer <key>`.
  keyScheme: authorizationScheme('Bearer', { bareKeyToo: true }),
  exampleKey: 'sk-contract-gptproto',
  settings: { key: 'gptproto', schema: GptprotoSettings },
  errors: () => GPTPROTO_ERRORS,

  routes(app, services) {
    const { unknownParameters, pricePerImage } = services.settings
    const lenient = unknownParameters === 'ignore'
    addImagesRoutes(app, services, {
      generation: lenient ? LenientGenerationRequest : GenerationRequest,
      edit: lenient ? LenientEditFields : EditFields,
      pricePerImage,
      autoQuality: services.settings.autoQuality,
      b64DataUriPrefix: services.settings.b64DataUriPrefix,
      moderationMessage: relayedModerationMessage,
    })
  },
})
