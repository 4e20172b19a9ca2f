/**
 * OpenAI's error envelope `{error:{message,type,param,code}}` and OpenAI's wording for invalid
 * input, shared by the providers that relay OpenAI's API shape (gptproto, oceanbase).
 */
import type { z } from 'zod'
import { Failure, ProviderError } from '../../core/failure.js'

export interface OpenAIErrorBody {
  error: {
    message: string
    type: string
    param: string | null
    code: string | null
    moderation_details?: { moderation_stage: 'input' | 'output'; categories: string[] }
  }
}

export function openAIError(
  status: number,
  fields: { message: string; type: string; param?: string | null; code?: string | null },
  headers: Record<string, string> = {},
  extra: Partial<OpenAIErrorBody['error']> = {},
): ProviderError {
  const body: OpenAIErrorBody = {
    error: {
      message: fields.message,
      type: fields.type,
      param: fields.param ?? null,
      code: fields.code ?? null,
      ...extra,
    },
  }
  return new ProviderError(status, body, headers)
}

/** `retry-after` (whole seconds) and `retry-after-ms`, the pair the openai SDK reads. */
export function retryAfterHeaders(seconds: number): Record<string, string> {
  return {
    'retry-after': String(Math.ceil(seconds)),
    'retry-after-ms': String(Math.round(seconds * 1000)),
  }
}

/**
 * Parses `input` with `schema`; on failure throws an `invalid_request` Failure worded as OpenAI
 * words the first problem ("Missing required parameter: 'prompt'.").
 */
export function parseOrFail<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true })
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const { message, code, param } = describeIssue(issue)
  throw new Failure('invalid_request', message, { param, code })
}

function describeIssue(issue: z.core.$ZodIssue): {
  message: string
  code: string
  param: string | null
} {
  const param = issue.path.length > 0 ? issue.path.map(String).join('.') : null
  const name = param ?? 'body'
  if (
    param !== null &&
    issue.input === undefined &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_value')
  ) {
    return {
      message: `Missing required parameter: '${name}'.`,
      code: 'missing_required_parameter',
      param,
    }
  }
  switch (issue.code) {
    case 'invalid_type':
      return {
        message: `Invalid type for '${name}': expected ${article(issue.expected)}, but got ${typeOf(issue.input)} instead.`,
        code: 'invalid_type',
        param,
      }
    case 'invalid_value':
      return {
        message: `Invalid value: '${String(issue.input)}'. Supported values are: ${listValues(issue.values)}.`,
        code: 'invalid_value',
        param,
      }
    case 'unrecognized_keys': {
      const key = issue.keys[0]!
      return {
        message: `Unknown parameter: '${[...issue.path, key].join('.')}'.`,
        code: 'unknown_parameter',
        param: key,
      }
    }
    case 'too_big':
      if (issue.origin === 'string') {
        return {
          message: `Invalid '${name}': string too long. Expected a string with maximum length ${issue.maximum}, but got a string with length ${String(issue.input).length} instead.`,
          code: 'string_above_max_length',
          param,
        }
      }
      if (issue.origin === 'array') {
        return {
          message: `Invalid '${name}': array too long. Expected an array with maximum length ${issue.maximum}, but got an array with length ${(issue.input as unknown[]).length} instead.`,
          code: 'array_above_max_length',
          param,
        }
      }
      return {
        message: `Invalid '${name}': integer above maximum value. Expected a value <= ${issue.maximum}, but got ${String(issue.input)} instead.`,
        code: 'integer_above_max_value',
        param,
      }
    case 'too_small':
      if (issue.origin === 'string') {
        return {
          message: `Invalid '${name}': empty string. Expected a string with minimum length ${issue.minimum}, but got an empty string instead.`,
          code: 'empty_string',
          param,
        }
      }
      return {
        message: `Invalid '${name}': integer below minimum value. Expected a value >= ${issue.minimum}, but got ${String(issue.input)} instead.`,
        code: 'integer_below_min_value',
        param,
      }
    default:
      return { message: `Invalid '${name}': ${issue.message}.`, code: 'invalid_value', param }
  }
}

function article(expected: string): string {
  const names: Record<string, string> = {
    int: 'an integer',
    // Every numeric field of OpenAI's image API is an integer, and zod reports a string given to
    // an integer field as "expected number".
    number: 'an integer',
    string: 'a string',
    boolean: 'a boolean',
    array: 'an array',
    object: 'an object',
  }
  return names[expected] ?? `a value of type ${expected}`
}

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal'
  if (typeof value === 'object') return 'an object'
  return article(typeof value)
}

function listValues(values: readonly unknown[]): string {
  const quoted = values.map((v) => `'${String(v)}'`)
  return quoted.length <= 1
    ? quoted.join('')
    : `${quoted.slice(0, -1).join(', ')}, and ${quoted.at(-1)}`
}
