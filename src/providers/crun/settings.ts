/** CRUN's settings: the `crun` section of the config. */
import { z } from 'zod'
import { providerRetrySettings } from '../../core/callbacks/retry-schedule.js'

export const CrunSettings = z.object({
  /** Credits per image by channel (undocumented; a public client's fixture shows 12). */
  prices: z
    .object({
      standard: z.number().min(0),
      stable: z.number().min(0),
      premium1K: z.number().min(0),
      premium2K: z.number().min(0),
      premium4K: z.number().min(0),
    })
    .default({ standard: 10, stable: 12, premium1K: 15, premium2K: 20, premium4K: 30 }),
  /**
   * HTTP status of refusals CRUN signals in the body `code` (401, 402, 422, 429, 455, 501, 505):
   * `200`, as its public clients observe, or `mirror` to use the body code as the status.
   */
  refusalStatus: z.enum(['200', 'mirror']).default('200'),
  /**
   * Callback body: the bare task `data` object (the docs' wording) or the whole TaskInfo envelope.
   */
  callbackBody: z.enum(['data', 'envelope']).default('data'),
  /** Callback retries; undocumented, so the core schedules (`callbacks.*`) by default. */
  callbacks: providerRetrySettings(),
})
export type CrunSettings = z.output<typeof CrunSettings>
