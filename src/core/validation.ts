/**
 * Request validation for providers whose errors are plain sentences ("'model' is required.").
 * The OpenAI-shaped providers word theirs as OpenAI does (providers/openai-family).
 */
import type { z } from 'zod'
import { Failure } from './failure.js'

/** Parses `input`, or throws an `invalid_request` Failure whose message names the first problem. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true })
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  throw new Failure('invalid_request', plainMessage(issue), {
    param: issue.path.map(String).join('.') || null,
  })
}

export function plainMessage(issue: z.core.$ZodIssue): string {
  const field = `'${issue.path.map(String).join('.') || 'body'}'`
  if (
    issue.input === undefined &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_value')
  )
    return `${field} is required.`
  switch (issue.code) {
    case 'invalid_type':
      return `${field} must be ${article(issue.expected)}.`
    case 'invalid_value':
      return `${field} must be one of: ${issue.values.map(String).join(', ')}.`
    case 'too_big':
      return issue.origin === 'string'
        ? `${field} must be at most ${issue.maximum} characters.`
        : issue.origin === 'array'
          ? `${field} must have at most ${issue.maximum} items.`
          : `${field} must be at most ${issue.maximum}.`
    case 'too_small':
      return issue.origin === 'string'
        ? `${field} must not be empty.`
        : issue.origin === 'array'
          ? `${field} must have at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}.`
          : `${field} must be at least ${issue.minimum}.`
    case 'unrecognized_keys':
      return `Unknown field '${[...issue.path, issue.keys[0]].join('.')}'.`
    case 'custom':
      return issue.message
    case 'invalid_format':
      return `${field} must be a valid ${issue.format === 'regex' ? 'value' : issue.format}.`
    default:
      return `${field} is invalid: ${issue.message}.`
  }
}

function article(expected: string): string {
  const names: Record<string, string> = {
    int: 'an integer',
    number: 'a number',
    string: 'a string',
    boolean: 'a boolean',
    array: 'an array',
    object: 'an object',
  }
  return names[expected] ?? expected
}
