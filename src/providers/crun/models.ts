/**
 * `GET /api/v1/client/job/Models?modality=&operation=` and `GET .../Models/{model}`: the three
 * gpt-image-2 channels as CRUN's agent CLI lists and describes them. The labels are the vendor
 * catalog's (catalog/models.json in CrunTeam/crun-agent-skills); `input_schema` is made from the
 * very schemas CreateTask validates with, so it never drifts from what is accepted.
 */
import { z } from 'zod'
import type { Handler } from 'hono'
import type { EmulatorEnv } from '../../core/http/env.js'
import type { components } from '../../generated/crun.js'
import { Refusal } from '../../core/errors/failure.js'
import { PremiumInput, StableInput, StandardInput, type CrunModel } from './schemas.js'

type Schemas = components['schemas']
type ModelSummary = Schemas['ModelSummary']
type ModelDetail = Schemas['ModelDetail']

const summary = (model: CrunModel, quality_tier: 'standard' | 'high'): ModelSummary => ({
  model,
  provider: 'OpenAI',
  model_version: model.replace(/^openai\//, ''),
  model_type: 'image',
  modality: 'image',
  operations: ['text-to-image', 'image-edit'],
  quality_tier,
  speed_tier: 'balanced',
  supports_reference: true,
  supports_native_audio: false,
})

/** A channel's input as JSON Schema (the input side: defaults shown, nothing required of them). */
const inputSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>

const MODELS: readonly ModelDetail[] = [
  { ...summary('openai/gpt-image-2', 'standard'), input_schema: inputSchema(StandardInput) },
  { ...summary('openai/gpt-image-2-stable', 'standard'), input_schema: inputSchema(StableInput) },
  { ...summary('openai/gpt-image-2-premium', 'high'), input_schema: inputSchema(PremiumInput) },
].map((model) => ({ ...model, required_input_fields: ['prompt'] }))

/** Filters as the vendor's local catalog filters: an unknown value lists nothing. */
export const listModels: Handler<EmulatorEnv> = (c) => {
  const modality = c.req.query('modality')
  const operation = c.req.query('operation')
  const models = MODELS.filter(
    (m) =>
      (!modality || m.modality === modality || m.model_type === modality) &&
      (!operation || m.operations.includes(operation as never)),
  ).map(({ input_schema: _schema, required_input_fields: _fields, ...rest }) => rest)
  const body: Schemas['ModelListResponse'] = {
    code: 200,
    message: 'success',
    data: { total: models.length, models },
  }
  return c.json(body)
}

export const describeModel: Handler<EmulatorEnv> = (c) => {
  // The vendor's CLI sends the slash unescaped (`Models/openai/gpt-image-2`); %2F works too.
  const name = c.req.param('model') ?? ''
  const model = MODELS.find((m) => m.model === name)
  if (!model) throw new Refusal('not_found', { message: `Model not found: ${name}` })
  const body: Schemas['ModelDetailResponse'] = { code: 200, message: 'success', data: model }
  return c.json(body)
}
