/** Placeholder while the provider is built: every path answers the provider's 404. */
import type { Provider } from '../provider.js'
import { answerUnknownRoutes } from '../provider.js'
import { Hono } from 'hono'
import type { EmulatorEnv } from '../../core/http/env.js'

export const skillsVideo: Provider = {
  id: 'skills-video',
  createRoutes() {
    return answerUnknownRoutes(new Hono<EmulatorEnv>(), 'skills-video')
  },
}
