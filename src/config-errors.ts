/**
 * Config problems in words: each names the setting's path and says what it takes and what it
 * got, enum values quoted so '200' and 200 never read alike, with the nearest known key or
 * value when one is near. Whoever reports them may name the setting otherwise (an option, an
 * environment variable, a file's key).
 */
import { z } from 'zod'
import { didYouMean } from './core/did-you-mean.js'
import { enumValuesAt, knownKeysAt, schemaAt } from './config-walk.js'

export interface ConfigProblem {
  /** The setting's path in the config (`crun.refusalStatus`, `providers.1`). */
  path: PropertyKey[]
  /** What is wrong, without the path: `expected one of "200", "mirror", got 201`. */
  problem: string
}

/** Thrown by resolveConfig: every problem of a config at once. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map(describeProblem).join('\n'))
    this.name = 'ConfigError'
  }
}

export const pathText = (path: readonly PropertyKey[]): string => path.map(String).join('.')

export function describeProblem({ path, problem }: ConfigProblem): string {
  return path.length === 0 ? problem : `${pathText(path)}: ${problem}`
}

/** A value as the user would have written it: strings quoted, numbers bare. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  const text = JSON.stringify(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

const ARTICLE: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  url: 'a URL',
  datetime: 'an ISO date-time with an offset (2026-01-01T00:00:00Z)',
}

/** The problems of one zod issue (an issue with several unknown keys gives one per key). */
export function problemsOf(issue: z.core.$ZodIssue, schema: z.core.$ZodType): ConfigProblem[] {
  const path = [...issue.path]
  const got = `got ${show(issue.input)}`
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(schema, path)
      // A record's keys are names (providers), not settings: say which names it takes.
      const record = schemaAt(schema, path) instanceof z.ZodRecord
      const what = record
        ? `unknown key, expected one of ${known.map(show).join(', ')}`
        : 'unknown setting'
      return issue.keys.map((key) => ({
        path: [...path, key],
        problem: `${what}${didYouMean(key, known, record ? show : undefined)}`,
      }))
    }
    case 'invalid_value': {
      const values = issue.values.map(show).join(', ')
      const hint =
        typeof issue.input === 'string'
          ? didYouMean(issue.input, enumValuesAt(schema, path), show)
          : ''
      return [{ path, problem: `expected one of ${values}, ${got}${hint}` }]
    }
    case 'invalid_type':
      return [
        {
          path,
          problem:
            issue.input === undefined
              ? `required: ${ARTICLE[issue.expected] ?? issue.expected}`
              : `expected ${ARTICLE[issue.expected] ?? issue.expected}, ${got}`,
        },
      ]
    case 'invalid_format': {
      // A pattern's own message names what it wants better than "regex" does.
      const wanted = issue.format === 'regex' ? issue.message : issue.format
      return [{ path, problem: `expected ${ARTICLE[wanted] ?? wanted}, ${got}` }]
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum
      const word =
        issue.code === 'too_small'
          ? issue.inclusive === false
            ? 'more than'
            : 'at least'
          : issue.inclusive === false
            ? 'less than'
            : 'at most'
      const unit =
        issue.origin === 'array' ? ' item(s)' : issue.origin === 'string' ? ' character(s)' : ''
      return [{ path, problem: `expected ${word} ${String(bound)}${unit}, ${got}` }]
    }
    default:
      return [{ path, problem: `${issue.message}, ${got}` }]
  }
}
