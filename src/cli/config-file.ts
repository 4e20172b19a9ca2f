/**
 * `--config <file>`: a JSON or YAML file of settings, checked against the config schema on its own.
 */
import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { z } from 'zod'
import { ConfigSchema, type EmulatorConfigInput } from '../config.js'

export class ConfigFileError extends Error {}

export async function readConfigFile(path: string): Promise<EmulatorConfigInput> {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    throw new ConfigFileError(
      `${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    )
  }
  let value: unknown
  try {
    // yaml is loaded only when a YAML file is given: it would cost every start 25 ms.
    value = ['.yaml', '.yml'].includes(extname(path).toLowerCase())
      ? (await import('yaml')).parse(text)
      : JSON.parse(text)
  } catch (err) {
    throw new ConfigFileError(
      `${path}: not valid ${extname(path).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ` +
        `${(err as Error).message.split('\n')[0]}`,
    )
  }
  const result = ConfigSchema.strict().safeParse(value ?? {}, { reportInput: true })
  if (!result.success)
    throw new ConfigFileError(
      result.error.issues.map((issue) => `${path}: ${describeIssue(issue)}`).join('\n'),
    )
  return value as EmulatorConfigInput
}

/**
 * `mode: expected one of emulate, record, replay, got "emulator"`, naming the field and what it
 * takes.
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join('.') || '(top level)'
  if (issue.code === 'invalid_value')
    return (
      `${field}: expected one of ${issue.values.map(String).join(', ')}, got ` +
      JSON.stringify(issue.input)
    )
  if (issue.code === 'unrecognized_keys') {
    const where = field === '(top level)' ? '' : `${field}: `
    return `${where}unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`
  }
  return `${field}: ${issue.message}`
}
