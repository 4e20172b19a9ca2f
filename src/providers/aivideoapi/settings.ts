/** aivideoapi.ai's settings: the `aivideoapi` section of the config. */
import { z } from 'zod'
import { providerRetrySettings } from '../../core/callbacks/retry-schedule.js'

export const AivideoapiSettings = z.object({
  /** Where the 1k tier lists two sizes (1024x1024 / 1254x1254), which one is rendered. */
  oneKSize: z.enum(['first', 'second']).default('first'),
  /** Credits per image by resolution tier (seed 002's pricing table). */
  prices: z
    .object({ '1k': z.number().min(0), '2k': z.number().min(0), '4k': z.number().min(0) })
    .default({ '1k': 4.7, '2k': 9.4, '4k': 14.1 }),
  /** Callback retries; under `realistic` timing the documented 3 and 10 minutes (3 attempts). */
  callbacks: providerRetrySettings([180_000, 600_000]),
})
export type AivideoapiSettings = z.output<typeof AivideoapiSettings>
