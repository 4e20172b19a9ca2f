/**
 * Request validation: one zod-issue translator, worded per family. Plain words ("'model' is
 * required.") by default; the OpenAI-shaped providers pass OpenAI's
 * (openai-family/openai-errors.ts).
 */
import type { z } from 'zod'
import { Failure } from './errors/failure.js'

export type Issue = z.core.$ZodIssue

export interface WordedIssue {
  message: string
  /** A finer code, for families that send one (`missing_required_parameter`). */
  code?: string
  param: string | null
}

/** Words one zod issue the way a family of providers words its 400s. */
export type IssueWording = (issue: Issue) => WordedIssue

/** Parses `input`, or throws an `invalid_request` Failure worded for the provider's family. */
export function parseRequest<S extends z.ZodType>(
  schema: S,
  input: unknown,
  wording: IssueWording = plainWording,
): z.output<S> {
  // Parsed without options first: zod's compiled fast path, at a third of the cost. Only a
  // refusal is parsed again, with the inputs its wording quotes.
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const result = schema.safeParse(input, { reportInput: true })
  if (result.success) return result.data
  const { message, code, param } = wording(result.error.issues[0]!)
  throw new Failure('invalid_request', message, { param, ...(code !== undefined && { code }) })
}

/** The field's path as the provider names it (`input.prompt`), or null for the body itself. */
export function paramOf(issue: Issue): string | null {
  return issue.path.length > 0 ? issue.path.map(String).join('.') : null
}

/** Whether the issue is a required field that was not sent. */
export function isMissing(issue: Issue): boolean {
  return (
    issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')
  )
}

export const TYPE_NAMES: Readonly<Record<string, string>> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
}

/** `an integer`, `a string`: a JSON type with its article. */
export function article(expected: string): string {
  return TYPE_NAMES[expected] ?? expected
}

export const plainWording: IssueWording = (issue) => {
  const param = paramOf(issue)
  const field = `'${param ?? 'body'}'`
  const say = (message: string): WordedIssue => ({ message, param })
  if (isMissing(issue)) return say(`${field} is required.`)
  switch (issue.code) {
    case 'invalid_type':
      return say(`${field} must be ${article(issue.expected)}.`)
    case 'invalid_value':
      return say(`${field} must be one of: ${issue.values.map(String).join(', ')}.`)
    case 'too_big':
      return say(
        issue.origin === 'string'
          ? `${field} must be at most ${issue.maximum} characters.`
          : issue.origin === 'array'
            ? `${field} must have at most ${issue.maximum} items.`
            : `${field} must be at most ${issue.maximum}.`,
      )
    case 'too_small':
      return say(
        issue.origin === 'string'
          ? `${field} must not be empty.`
          : issue.origin === 'array'
            ? `${field} must have at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}.`
            : `${field} must be at least ${issue.minimum}.`,
      )
    case 'unrecognized_keys':
      return say(`Unknown field '${[...issue.path, issue.keys[0]].join('.')}'.`)
    case 'custom':
      return say(issue.message)
    case 'invalid_format':
      return say(`${field} must be a valid ${issue.format === 'regex' ? 'value' : issue.format}.`)
    default:
      return say(`${field} is invalid: ${issue.message}.`)
  }
}
