/** Mounts OpenAI's two image routes with a provider's policy: one call in each provider. */
import type { Hono } from 'hono'
import type { EmulatorEnv } from '../../core/http/env.js'
import type { ProviderServices } from '../descriptor.js'
import type { ImagesPolicy } from './images-policy.js'
import { createGenerationHandler } from './generations.js'
import { createEditHandler } from './edits.js'

export function addImagesRoutes(
  app: Hono<EmulatorEnv>,
  services: ProviderServices<unknown>,
  policy: ImagesPolicy,
): void {
  const context = { services, policy }
  app.post('/v1/images/generations', createGenerationHandler(context))
  app.post('/v1/images/edits', createEditHandler(context))
}
