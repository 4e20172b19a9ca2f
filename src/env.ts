/**
 * The environment variables `npm start` reads, mapped onto config fields. Values are passed on
 * as written when they are not what the setting takes, so errors can quote them.
 */
import type { EmulatorConfigInput } from './config.js'
import { PROVIDER_IDS, REAL_BASE_URLS, type ProviderId } from './providers/index.js'
import { didYouMean } from './core/did-you-mean.js'

/** Each variable by the config path it sets (error messages name the variable). */
export const ENV_NAMES: Readonly<Record<string, string>> = {
  port: 'PORT',
  host: 'HOST',
  publicUrl: 'EMULATOR_PUBLIC_URL',
  seed: 'EMULATOR_SEED',
  startTime: 'EMULATOR_START_TIME',
  mode: 'EMULATOR_MODE',
  upstreams: 'EMULATOR_UPSTREAMS',
  cassettes: 'EMULATOR_CASSETTES',
  timing: 'EMULATOR_TIMING',
  'credits.defaultBalance': 'EMULATOR_CREDITS',
  adminToken: 'EMULATOR_ADMIN_TOKEN',
  'redis.url': 'EMULATOR_REDIS_URL',
  'shutdown.graceMs': 'EMULATOR_SHUTDOWN_GRACE_MS',
}

export function configFromEnv(env: NodeJS.ProcessEnv): EmulatorConfigInput {
  const number = (text: string | undefined) => (text ? numberOrText(text) : undefined)
  return {
    port: number(env.PORT),
    host: env.HOST || undefined,
    publicUrl: env.EMULATOR_PUBLIC_URL || undefined,
    seed: env.EMULATOR_SEED || undefined,
    startTime: env.EMULATOR_START_TIME || undefined,
    mode: (env.EMULATOR_MODE || undefined) as EmulatorConfigInput['mode'],
    upstreams: env.EMULATOR_UPSTREAMS
      ? parseUpstreams(env.EMULATOR_UPSTREAMS.split(','), 'EMULATOR_UPSTREAMS')
      : undefined,
    cassettes: env.EMULATOR_CASSETTES || undefined,
    timing: (env.EMULATOR_TIMING || undefined) as EmulatorConfigInput['timing'],
    credits: env.EMULATOR_CREDITS ? { defaultBalance: number(env.EMULATOR_CREDITS) } : undefined,
    adminToken: env.EMULATOR_ADMIN_TOKEN || undefined,
    redis: env.EMULATOR_REDIS_URL ? { url: env.EMULATOR_REDIS_URL } : undefined,
    shutdown: env.EMULATOR_SHUTDOWN_GRACE_MS
      ? { graceMs: number(env.EMULATOR_SHUTDOWN_GRACE_MS) }
      : undefined,
  }
}

/**
 * The number `text` spells, or `text` itself when it spells none: `abc` reaches validation as
 * written, and its error quotes it, where Number() would have made it NaN.
 */
export function numberOrText(text: string): number {
  const value = Number(text)
  return text.trim() !== '' && Number.isFinite(value) ? value : (text as unknown as number)
}

/** `EMULATOR_TIMNG is not a setting (did you mean EMULATOR_TIMING?)`, per unknown EMULATOR_*. */
export function unknownEnvWarnings(env: NodeJS.ProcessEnv): string[] {
  const known = Object.values(ENV_NAMES)
  return Object.keys(env)
    .filter((name) => name.startsWith('EMULATOR_') && !known.includes(name))
    .map((name) => `${name} is not a setting, ignored${didYouMean(name, known)}`)
}

/**
 * `['aivideoapi=https://api.aivideoapi.ai', 'crun=http://localhost:9000']` -> { aivideoapi: ...,
 * crun: ... }; throws on a pair not written `<provider>=<url>`, naming the source by `label`
 * (`--upstream`, `EMULATOR_UPSTREAMS`).
 */
export function parseUpstreams(pairs: readonly string[], label: string): Record<string, string> {
  const entries = pairs
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair): [string, string] => {
      const at = pair.indexOf('=')
      const [id, url] = at === -1 ? [pair, ''] : [pair.slice(0, at).trim(), pair.slice(at + 1)]
      if (!id || !url.trim()) throw new Error(upstreamFormMessage(label, pair, id))
      return [id, url.trim()]
    })
  return Object.fromEntries(entries)
}

function upstreamFormMessage(label: string, pair: string, id: string): string {
  const provider = (PROVIDER_IDS as readonly string[]).includes(id)
    ? (id as ProviderId)
    : 'gptproto'
  // OceanBase has no public base URL: each account has its own.
  const example = `${provider}=${REAL_BASE_URLS[provider] ?? 'https://<your-endpoint>'}`
  return label.startsWith('--')
    ? `${label} ${pair}: expected ${label} <provider>=<url>, e.g. ${label} ${example}`
    : `${label}=${JSON.stringify(pair)}: expected <provider>=<url>[,<provider>=<url>...], ` +
        `e.g. ${label}=${example}`
}
