/**
 * `/__emulator/keys/{provider}/{key}`: a key's credits, and what makes it fail: disabled (the
 * provider's 401), an IP allowlist (aivideoapi's 403 ip_not_allowed), spend limits (aivideoapi's
 * 429 spend_limit_exceeded) and a rate limit (the provider's 429 with retry-after).
 */
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { Runtime } from '../runtime.js'
import type { EmulatorEnv } from '../core/http/env.js'
import type { components } from '../generated/emulator.js'
import type { AccountRef } from '../core/credits/ledger.js'
import { maskSecret } from '../core/redact.js'
import { EmulatorError } from '../core/errors/emulator-error.js'
import { namespaceOf } from '../core/steering/middleware.js'
import { toBlockList, type KeyPolicy } from '../core/keys/key-policies.js'
import { PROVIDER_IDS } from '../providers/index.js'
import { readControlBody } from './validate.js'

type KeyView = components['schemas']['Key']

/**
 * Bounds that keep every derived number finite: a balance of 1e308 overflowed to null in JSON
 * once spent against, and a refill of 1e-320 a second made `retry-after: Infinity`.
 */
const MAX_CREDITS = 1e12
const MAX_RATE = 1e6
const MIN_REFILL_PER_SECOND = 0.001

const amount = () => z.number().min(0).max(MAX_CREDITS)

const KeyPatch = z.strictObject({
  credits: z
    .union([amount(), z.strictObject({ subscription: amount(), permanent: amount().default(0) })])
    .optional(),
  disabled: z.boolean().optional(),
  ip_allowlist: z
    .array(z.string().refine(isAddressOrRange, 'must be an IP address or CIDR range'))
    .max(100)
    .nullable()
    .optional(),
  spend_limits: z
    .strictObject({
      hourly: amount().optional(),
      daily: amount().optional(),
      total: amount().optional(),
    })
    .nullable()
    .optional(),
  rate_limit: z
    .strictObject({
      capacity: z.number().int().positive().max(MAX_RATE),
      refill_per_second: z.number().min(MIN_REFILL_PER_SECOND).max(MAX_RATE),
    })
    .nullable()
    .optional(),
})

export function createKeyRoutes(runtime: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()

  const refOf = (c: Context<EmulatorEnv>): AccountRef => {
    const provider = c.req.param('provider')!
    if (!(PROVIDER_IDS as readonly string[]).includes(provider)) {
      throw new EmulatorError(404, 'not_found', `No provider '${provider}'.`, {
        field: 'provider',
        allowed: [...PROVIDER_IDS],
      })
    }
    return { namespace: namespaceOf(c), provider, apiKey: c.req.param('key')! }
  }

  app.get('/keys', async (c) => {
    const listed = await runtime.keys.list(namespaceOf(c))
    return c.json({ keys: await Promise.all(listed.map(({ ref }) => view(runtime, ref))) })
  })

  app.get('/keys/:provider/:key', async (c) => c.json(await view(runtime, refOf(c))))

  app.put('/keys/:provider/:key', async (c) => {
    const ref = refOf(c)
    const patch = await readControlBody(c, KeyPatch)
    const policy: Partial<KeyPolicy> = {
      ...(patch.disabled !== undefined && { disabled: patch.disabled }),
      ...(patch.ip_allowlist !== undefined && { ipAllowlist: patch.ip_allowlist }),
      ...(patch.spend_limits !== undefined && { spendLimits: patch.spend_limits }),
      ...(patch.rate_limit !== undefined && {
        rateLimit: patch.rate_limit && {
          capacity: patch.rate_limit.capacity,
          refillPerSecond: patch.rate_limit.refill_per_second,
        },
      }),
    }
    await runtime.keys.set(ref, policy)
    if (patch.credits !== undefined) {
      await runtime.credits.setBalance(
        ref,
        typeof patch.credits === 'number' ? { subscription: patch.credits } : patch.credits,
      )
    }
    return c.json(await view(runtime, ref))
  })

  return app
}

async function view(runtime: Runtime, ref: AccountRef): Promise<KeyView> {
  const [policy, account] = await Promise.all([runtime.keys.get(ref), runtime.credits.account(ref)])
  return {
    provider: ref.provider,
    // Named as the journal names it: enough to tell keys apart, never the whole secret.
    key: maskSecret(ref.apiKey),
    namespace: ref.namespace,
    disabled: policy.disabled,
    ip_allowlist: policy.ipAllowlist,
    spend_limits: policy.spendLimits,
    rate_limit: policy.rateLimit && {
      capacity: policy.rateLimit.capacity,
      refill_per_second: policy.rateLimit.refillPerSecond,
    },
    credits: {
      balance: account.balance,
      subscription: account.subscription,
      permanent: account.permanent,
      purchased: account.purchased,
      consumed: account.consumed,
    },
  }
}

function isAddressOrRange(entry: string): boolean {
  try {
    toBlockList([entry])
    return true
  } catch {
    return false
  }
}
