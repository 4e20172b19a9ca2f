/**
 * `--config <file>`: a JSON or YAML file of settings, checked against the config schema on its own:
 * unknown keys at any depth are refused, with the nearest known one.
 */
import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { checkConfig, type EmulatorConfigInput } from '../config.js'
import { describeProblem } from '../config-errors.js'

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
  // Checked on its own, so each problem names the file and the key as written there.
  const checked = checkConfig(value)
  if (!checked.success)
    throw new ConfigFileError(
      checked.problems.map((problem) => `${path}: ${describeProblem(problem)}`).join('\n'),
    )
  return value as EmulatorConfigInput
}
