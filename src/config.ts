/**
 * The emulator's configuration: the core settings (config-core.ts) joined with each provider's
 * own section, from the providers' descriptors. `main.ts` fills it from the environment, files
 * and flags; tests and the in-process helper pass a partial object.
 */
import { z } from 'zod'
import { CoreConfigSchema } from './config-core.js'
import { PROVIDER_IDS, providers, type ProviderId } from './providers/index.js'
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
export type { ProviderId }

/** A complete config from a partial one; throws a ZodError naming each bad field. */
export function resolveConfig(input: EmulatorConfigInput = {}): EmulatorConfig {
  return ConfigSchema.parse(input, { reportInput: true })
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
