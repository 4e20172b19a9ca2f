/**
 * Which provider deployment a contract run talks to, chosen by environment:
 *
 *   CONTRACT_TARGET=emulator (default)  the emulator, started in-process on a free port
 *   CONTRACT_TARGET=live                the real providers: <ID>_BASE_URL (default: the real base
 *                                       URL) and <ID>_API_KEY; a provider without a key is skipped
 *   CONTRACT_TARGET=replay              the emulator answering from CONTRACT_CASSETTES only
 *
 * Live runs are guarded: CONTRACT_MAX_PAID_CALLS (default 3 per provider) caps calls that cost
 * money, each at the cheapest settings, and CONTRACT_DRY_RUN=1 lists what would be sent.
 */
import { inject } from 'vitest'
import { REAL_BASE_URLS, providerById, type ProviderId } from '../../src/providers/index.js'

export type TargetKind = 'emulator' | 'live' | 'replay'

export interface Target {
  kind: TargetKind
  provider: ProviderId
  /** Why the suite is skipped; undefined when it runs. */
  skip?: string
  /** The provider's base URL, the mount included (`http://127.0.0.1:4010/gptproto`). */
  baseUrl: string
  key: string
  /** The emulator's own origin, when the target is an emulator (control plane reachable). */
  emulatorUrl?: string
  /**
   * Whether the provider is a real remote service (a live target off loopback): only then do
   * tasks take minutes and polls wait seconds; the emulator, replay and loopback recorders answer
   * in milliseconds.
   */
  remote: boolean
  /** Whether the provider can reach a callback receiver started by the suite. */
  callbacks: { enabled: boolean; publicUrl?: string; port?: number }
  dryRun: boolean
  maxPaidCalls: number
}

/** The key for emulator and replay runs: the descriptor's `exampleKey` (replay ignores keys). */
export const defaultKey = (provider: ProviderId): string => providerById(provider)!.exampleKey

export const envName = (provider: ProviderId) => provider.toUpperCase().replace(/-/g, '_')

export function contractTarget(provider: ProviderId): Target {
  const kind = (process.env.CONTRACT_TARGET ?? 'emulator') as TargetKind
  const dryRun = process.env.CONTRACT_DRY_RUN === '1'
  const maxPaidCalls = Number(process.env.CONTRACT_MAX_PAID_CALLS ?? 3)
  if (kind !== 'live') {
    const emulatorUrl = inject('emulatorUrl')
    return {
      kind,
      provider,
      baseUrl: `${emulatorUrl}/${provider}`,
      key: process.env[`${envName(provider)}_API_KEY`] ?? defaultKey(provider),
      emulatorUrl,
      remote: false,
      callbacks: { enabled: true },
      dryRun: false,
      maxPaidCalls: Infinity,
    }
  }
  const key = process.env[`${envName(provider)}_API_KEY`]
  const baseUrl = process.env[`${envName(provider)}_BASE_URL`] ?? REAL_BASE_URLS[provider]
  const publicUrl = process.env.CONTRACT_CALLBACK_URL
  const loopback =
    baseUrl !== undefined && /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(baseUrl)
  return {
    kind,
    provider,
    skip: !key
      ? `no ${envName(provider)}_API_KEY`
      : !baseUrl
        ? `no ${envName(provider)}_BASE_URL`
        : undefined,
    baseUrl: baseUrl ?? '',
    key: key ?? '',
    remote: !loopback,
    callbacks: publicUrl
      ? { enabled: true, publicUrl, port: Number(process.env.CONTRACT_CALLBACK_PORT ?? 0) }
      : { enabled: loopback },
    dryRun,
    maxPaidCalls,
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    emulatorUrl: string
  }
}
