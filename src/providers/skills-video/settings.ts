/** skills.video's settings: the `skillsVideo` section of the config. */
import { z } from 'zod'
import { providerRetrySettings } from '../../core/callbacks/retry-schedule.js'

export const SkillsVideoSettings = z.object({
  /** HTTP status of a successful create: the docs list both 200 and 202. */
  createStatus: z.union([z.literal(200), z.literal(202)]).default(200),
  /** Credits per image by resolution (the docs' example charges 20 for one 1K image). */
  prices: z
    .object({ '1K': z.number().min(0), '2K': z.number().min(0), '4K': z.number().min(0) })
    .default({ '1K': 20, '2K': 40, '4K': 80 }),
  /**
   * Webhook retries. Undocumented: under `realistic` timing the first retries of Svix, which
   * wrote Standard Webhooks (5 s, 5 min, 30 min).
   */
  callbacks: providerRetrySettings([5_000, 300_000, 1_800_000]),
})
export type SkillsVideoSettings = z.output<typeof SkillsVideoSettings>
