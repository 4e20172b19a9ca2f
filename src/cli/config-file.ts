/**
 * `--config <file>`: a JSON or YAML file of settings, checked against the config schema on its own.
 */
import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { ConfigSchema, describeIssue, type EmulatorConfigInput } from '../config.js'

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
