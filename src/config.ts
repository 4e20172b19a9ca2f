/**
 * The emulator's configuration: the core settings (config-core.ts) joined with each provider's
 * own section, from the providers' descriptors. `main.ts` fills it from the environment, files
 * and flags; tests and the in-process helper pass a partial object.
 */
import { z } from 'zod'
import { CoreConfigSchema } from './config-core.js'
import { PROVIDER_IDS, providers, type ProviderId } from './providers/index.js'
import { coerceEnumNumbers, unknownKeys } from './config-walk.js'
import { ConfigError, problemsOf, type ConfigProblem } from './config-errors.js'
import type { AnyProvider } from './providers/descriptor.js'

type Providers = (typeof providers)[number]

/** Each provider's settings section, by its config key (`skillsVideo`, `crun`). */
type SettingsShape = {
  [P in Providers as P['settings']['key']]: z.ZodPrefault<P['settings']['schema']>
}

const settingsShape = Object.fromEntries(
  (providers as readonly AnyProvider[]).map((p) => [
    p.settings.key,
    p.settings.schema.prefault({}),
  ]),
) as SettingsShape

export const ConfigSchema = CoreConfigSchema.extend({
  /** Providers to mount; all of them by default. */
  providers: z
    .array(z.enum(PROVIDER_IDS))
    .min(1)
    .default([...PROVIDER_IDS]),
  /** Base URL per provider for record mode; the real services' by default. */
  upstreams: z.partialRecord(z.enum(PROVIDER_IDS), z.url()).default({}),
  ...settingsShape,
})

export type EmulatorConfig = z.infer<typeof ConfigSchema>
export type EmulatorConfigInput = z.input<typeof ConfigSchema>
export type { CoreConfig } from './config-core.js'
export { ConfigError, type ConfigProblem } from './config-errors.js'
export type { ProviderId }

/** A complete config from a partial one; throws a ConfigError naming each bad field. */
export function resolveConfig(input: EmulatorConfigInput = {}): EmulatorConfig {
  const checked = checkConfig(input)
  if (!checked.success) throw new ConfigError(checked.problems)
  return checked.config
}

/**
 * Validates a (partial) config: unknown keys, at any depth, are problems too (zod would drop them
 * silently), and a number where an enum of numeric strings is expected counts as that string.
 */
export function checkConfig(
  input: unknown,
): { success: true; config: EmulatorConfig } | { success: false; problems: ConfigProblem[] } {
  const value = coerceEnumNumbers(ConfigSchema, input ?? {})
  const unknown = unknownKeys(ConfigSchema, value)
  const result = ConfigSchema.safeParse(value, { reportInput: true })
  // zod reports a record's unknown keys itself; objects' are found by unknownKeys.
  const issues = [...unknown, ...(result.success ? [] : result.error.issues)]
  if (result.success && issues.length === 0) return { success: true, config: result.data }
  return { success: false, problems: issues.flatMap((issue) => problemsOf(issue, ConfigSchema)) }
}
