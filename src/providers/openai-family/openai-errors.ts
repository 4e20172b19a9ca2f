/**
 * OpenAI's error envelope `{error:{message,type,param,code}}` and OpenAI's wording for invalid
 * input, shared by the providers that relay OpenAI's API shape (openai, gptproto, oceanbase).
 */
import type { z } from 'zod'
import type { Envelope, FailureTable } from '../../core/errors/catalogue.js'
import {
  TYPE_NAMES,
  isMissing,
  paramOf,
  parseRequest,
  type IssueWording,
  type WordedIssue,
} from '../../core/validation.js'
import { showValue } from '../../core/show-value.js'

export interface OpenAIErrorBody {
  error: {
    message: string
    type: string
    param: string | null
    code: string | null
    moderation_details?: { moderation_stage: 'input' | 'output'; categories: string[] }
  }
}

/** OpenAI's envelope: a failure's `param` and finer `code` win over the entry's. */
export const openAIEnvelope: Envelope = (entry, detail): OpenAIErrorBody => ({
  error: {
    message: entry.message,
    type: entry.type ?? 'invalid_request_error',
    param: detail.param ?? null,
    code: detail.code ?? (entry.code === null ? null : String(entry.code)),
    ...entry.extra,
  },
})

/**
 * How OpenAI itself answers the provider-neutral failures; resellers replace what they word
 * otherwise.
 */
export const OPENAI_FAILURES = {
  missing_api_key: 'invalid_api_key',
  invalid_api_key: 'invalid_api_key',
  ip_not_allowed: 'insufficient_permissions',
  rate_limited: 'rate_limit_exceeded',
  insufficient_credits: 'insufficient_quota',
  spend_limit_exceeded: 'insufficient_quota',
  task_not_found: { status: 404, type: 'invalid_request_error', code: null },
  malformed_body: { status: 400, type: 'invalid_request_error', code: null },
  body_too_large: { status: 413, type: 'invalid_request_error', code: 'request_too_large' },
  invalid_request: { status: 400, type: 'invalid_request_error', code: null },
  content_rejected: 'moderation_blocked',
  route_not_found: { status: 404, type: 'invalid_request_error', code: null },
  // OpenAI's overloaded answer: a server_error with HTTP 503, retried by its SDKs.
  unavailable: { status: 503, type: 'server_error', code: null },
  internal: 'internal_error',
} as const satisfies FailureTable

/** The safety-system refusal as GPTProto relays it: no address, no request id. */
export const relayedModerationMessage = (category: string): string =>
  'Your request was rejected by the safety system. If you believe this is an error, ' +
  `contact us and include the request ID. safety_violations=[${category}].`

/** OpenAI's safety-system refusal: the sentence the policy words, the category in the details. */
export function moderationBlockedOverrides(message: string, category: string) {
  return {
    message,
    extra: { moderation_details: { moderation_stage: 'input', categories: [category] } },
  }
}

/**
 * Parses `input` with `schema`; on failure throws an `invalid_request` Failure worded as OpenAI
 * words the first problem ("Missing required parameter: 'prompt'.").
 */
export function parseOrFail<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  return parseRequest(schema, input, openAIWording)
}

// Every numeric field of OpenAI's image API is an integer, and zod reports a string given to an
// integer field as "expected number".
const OPENAI_TYPE_NAMES: Readonly<Record<string, string>> = { ...TYPE_NAMES, number: 'an integer' }
const typeName = (expected: string) => OPENAI_TYPE_NAMES[expected] ?? `a value of type ${expected}`

export const openAIWording: IssueWording = (issue) => {
  const param = paramOf(issue)
  const name = param ?? 'body'
  const say = (message: string, code: string, at = param): WordedIssue => ({
    message,
    code,
    param: at,
  })
  if (param !== null && isMissing(issue)) {
    return say(`Missing required parameter: '${name}'.`, 'missing_required_parameter')
  }
  switch (issue.code) {
    case 'invalid_type':
      return say(
        `Invalid type for '${name}': expected ${typeName(issue.expected)}, but got ` +
          `${typeOf(issue.input)} instead.`,
        'invalid_type',
      )
    case 'invalid_value':
      return say(
        `Invalid value: '${showValue(issue.input)}'. Supported values are: ` +
          `${listValues(issue.values)}.`,
        'invalid_value',
      )
    case 'unrecognized_keys': {
      const key = issue.keys[0]!
      return say(
        `Unknown parameter: '${[...issue.path, key].join('.')}'.`,
        'unknown_parameter',
        key,
      )
    }
    case 'too_big':
      if (issue.origin === 'string') {
        return say(
          `Invalid '${name}': string too long. Expected a string with maximum length ` +
            `${issue.maximum}, but got a string with length ${lengthOf(issue.input)} instead.`,
          'string_above_max_length',
        )
      }
      if (issue.origin === 'array') {
        return say(
          `Invalid '${name}': array too long. Expected an array with maximum length ` +
            `${issue.maximum}, but got an array with length ` +
            `${lengthOf(issue.input)} instead.`,
          'array_above_max_length',
        )
      }
      return say(
        `Invalid '${name}': integer above maximum value. Expected a value <= ` +
          `${issue.maximum}, but got ${showValue(issue.input)} instead.`,
        'integer_above_max_value',
      )
    case 'too_small':
      if (issue.origin === 'string') {
        return say(
          `Invalid '${name}': empty string. Expected a string with minimum length ` +
            `${issue.minimum}, but got an empty string instead.`,
          'empty_string',
        )
      }
      return say(
        `Invalid '${name}': integer below minimum value. Expected a value >= ` +
          `${issue.minimum}, but got ${showValue(issue.input)} instead.`,
        'integer_below_min_value',
      )
    default:
      return say(`Invalid '${name}': ${issue.message}.`, 'invalid_value')
  }
}

/** A string's or an array's length, as the "too long" wording reports it. */
const lengthOf = (value: unknown): number =>
  typeof value === 'string' || Array.isArray(value) ? value.length : 0

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal'
  if (typeof value === 'object') return 'an object'
  return typeName(typeof value)
}

function listValues(values: readonly unknown[]): string {
  const quoted = values.map((v) => `'${String(v)}'`)
  return quoted.length <= 1
    ? quoted.join('')
    : `${quoted.slice(0, -1).join(', ')}, and ${quoted.at(-1)}`
}
