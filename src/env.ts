/**
 * The environment variables `npm start` reads, mapped onto config fields, and config errors
 * phrased in terms of those variables.
 */
import { z } from 'zod'
import { describeIssue, type EmulatorConfigInput } from './config.js'

const ENV_NAMES: Record<string, string> = {
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
  'shutdown.graceMs': 'EMULATOR_SHUTDOWN_GRACE_MS',
}

export function configFromEnv(env: NodeJS.ProcessEnv): EmulatorConfigInput {
  return {
    port: env.PORT === undefined || env.PORT === '' ? undefined : Number(env.PORT),
    host: env.HOST || undefined,
    publicUrl: env.EMULATOR_PUBLIC_URL || undefined,
    seed: env.EMULATOR_SEED || undefined,
    startTime: env.EMULATOR_START_TIME || undefined,
    mode: (env.EMULATOR_MODE || undefined) as EmulatorConfigInput['mode'],
    upstreams: env.EMULATOR_UPSTREAMS ? parseUpstreams(env.EMULATOR_UPSTREAMS) : undefined,
    cassettes: env.EMULATOR_CASSETTES || undefined,
    timing: (env.EMULATOR_TIMING || undefined) as EmulatorConfigInput['timing'],
    credits: env.EMULATOR_CREDITS ? { defaultBalance: Number(env.EMULATOR_CREDITS) } : undefined,
    adminToken: env.EMULATOR_ADMIN_TOKEN || undefined,
    shutdown: env.EMULATOR_SHUTDOWN_GRACE_MS
      ? { graceMs: Number(env.EMULATOR_SHUTDOWN_GRACE_MS) }
      : undefined,
  }
}

/** One line per problem, naming the environment variable (or config field) at fault. */
export function describeStartupError(err: unknown, env: NodeJS.ProcessEnv): string {
  if (err instanceof z.ZodError) {
    return err.issues
      .map((issue) => {
        const name = ENV_NAMES[issue.path.join('.')]
        const described = describeIssue(issue)
        return name && env[name] !== undefined
          ? `${name}=${JSON.stringify(env[name])}: ${described}`
          : described
      })
      .join('\n')
  }
  return err instanceof Error ? err.message : String(err)
}

/**
 * `aivideoapi=https://api.aivideoapi.ai,crun=http://localhost:9000` -> { aivideoapi: ..., crun: ...
 * }
 */
export function parseUpstreams(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split(',')
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=')
        return at === -1 ? [pair, ''] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()]
      }),
  )
}
