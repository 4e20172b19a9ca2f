/**
 * `/__emulator/faults`: rules that make matching provider requests fail on purpose, in the
 * vocabulary of the one-shot headers (see core/faults/fault-actions.ts).
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { Runtime } from '../runtime.js'
import type { EmulatorEnv } from '../core/http/env.js'
import type { components } from '../generated/emulator.js'
import type { FaultRule } from '../core/faults/fault-rules.js'
import { EmulatorError } from '../core/errors/emulator-error.js'
import { namespaceOf } from '../core/steering/middleware.js'
import {
  FAULT_TOKENS,
  FaultSyntaxError,
  mergePlans,
  parseFaultTokens,
  parseLatency,
  type FaultPlan,
} from '../core/faults/fault-actions.js'
import { PROVIDER_IDS } from '../providers/index.js'
import { readControlBody } from './validate.js'
import { maskSecret } from '../core/redact.js'

type FaultWire = components['schemas']['FaultRule']

const NewFault = z
  .strictObject({
    match: z
      .strictObject({
        provider: z.enum(PROVIDER_IDS).optional(),
        method: z.enum(['GET', 'POST', 'PUT', 'DELETE']).optional(),
        path: z.string().min(1).optional(),
        key: z.string().min(1).optional(),
        prompt_contains: z.string().min(1).optional(),
      })
      .default({}),
    error: z.string().min(1).optional(),
    latency_ms: z
      .union([
        z.int().min(0).max(60_000),
        z.tuple([z.int().min(0).max(60_000), z.int().min(0).max(60_000)]),
      ])
      .optional(),
    fault: z.string().min(1).optional(),
    probability: z.number().min(0).max(1).default(1),
    times: z.int().min(1).optional(),
  })
  .refine((f) => f.error !== undefined || f.latency_ms !== undefined || f.fault !== undefined, {
    error: 'a rule needs at least one of error, latency_ms or fault',
  })

export function createFaultRoutes(runtime: Runtime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()

  app.get('/faults', async (c) =>
    c.json({ faults: (await runtime.faults.list(namespaceOf(c))).map(toWire) }),
  )

  // What an 'error' rule and X-Emulator-Error may name, per mounted provider.
  app.get('/errors', (c) => {
    const body: components['schemas']['ErrorCatalogue'] = {
      providers: [...runtime.providers.values()].map((p) => ({
        id: p.descriptor.id,
        errors: [...p.errors.names],
      })),
    }
    return c.json(body)
  })

  app.post('/faults', async (c) => {
    const input = await readControlBody(c, NewFault)
    const plan = toPlan(input, runtime)
    const rule = await runtime.faults.add(namespaceOf(c), {
      match: {
        provider: input.match.provider,
        method: input.match.method,
        path: input.match.path,
        key: input.match.key,
        promptContains: input.match.prompt_contains,
      },
      plan,
      probability: input.probability,
      times: input.times,
    })
    return c.json(toWire(rule), 201)
  })

  app.delete('/faults/:id', async (c) => {
    if (!(await runtime.faults.remove(namespaceOf(c), c.req.param('id')))) {
      throw new EmulatorError(404, 'not_found', `No fault rule '${c.req.param('id')}'.`, {
        field: 'id',
      })
    }
    return c.body(null, 204)
  })

  app.delete('/faults', async (c) => {
    await runtime.faults.reset(namespaceOf(c))
    return c.body(null, 204)
  })

  return app
}

function toPlan(input: z.output<typeof NewFault>, runtime: Runtime): FaultPlan {
  const plans: FaultPlan[] = []
  if (input.error !== undefined) {
    const provider = input.match.provider
    if (!provider)
      throw new EmulatorError(
        422,
        'invalid_field',
        "An 'error' rule needs match.provider: each provider has its own catalogue.",
        { field: 'match.provider', allowed: [...PROVIDER_IDS] },
      )
    const names = runtime.providers.get(provider)?.errors.names ?? []
    if (!names.includes(input.error)) {
      throw new EmulatorError(
        422,
        'invalid_field',
        `'${input.error}' is not in ${provider}'s error catalogue.`,
        { field: 'error', allowed: [...names] },
      )
    }
    plans.push({ error: input.error })
  }
  if (input.latency_ms !== undefined) {
    const [min, max] =
      typeof input.latency_ms === 'number' ? [input.latency_ms, input.latency_ms] : input.latency_ms
    if (max < min)
      throw new EmulatorError(422, 'invalid_field', 'latency_ms [min, max] needs min <= max.', {
        field: 'latency_ms',
      })
    plans.push({ latency: parseLatency(`${min}-${max}`) })
  }
  if (input.fault !== undefined) {
    try {
      plans.push(parseFaultTokens(input.fault))
    } catch (err) {
      if (!(err instanceof FaultSyntaxError)) throw err
      throw new EmulatorError(422, 'invalid_field', `Invalid fault: ${err.message}.`, {
        field: 'fault',
        allowed: [...FAULT_TOKENS],
      })
    }
  }
  return mergePlans(...plans)
}

function toWire(rule: FaultRule): FaultWire {
  const { match, plan } = rule
  return {
    id: rule.id,
    match: {
      ...(match.provider && { provider: match.provider }),
      ...(match.method && { method: match.method }),
      ...(match.path && { path: match.path }),
      ...(match.key && { key: maskSecret(match.key) }),
      ...(match.promptContains && { prompt_contains: match.promptContains }),
    },
    plan: {
      ...(plan.error && { error: plan.error }),
      ...(plan.latency && { latency_ms: [plan.latency.minMs, plan.latency.maxMs] }),
      ...(plan.connection && {
        connection:
          plan.connection.kind === 'stream-cut'
            ? `stream-cut:${plan.connection.afterEvents}`
            : plan.connection.kind,
      }),
      ...(plan.task && { task_failure: plan.task }),
      ...(plan.callback && {
        callback: {
          fail_first: plan.callback.failFirst,
          duplicate: plan.callback.duplicate,
          out_of_order: plan.callback.outOfOrder,
        },
      }),
    },
    probability: rule.probability,
    times: rule.times ?? null,
    matched: rule.matched,
    fired: rule.fired,
  }
}
