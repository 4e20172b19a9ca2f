/**
 * Checks made before record or replay starts listening, so a run that cannot do what it was
 * asked stops at once with the reason: a recording provider without an upstream, or a replay
 * without cassettes. Also says, per mounted provider, what record mode does with its requests.
 */
import { existsSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { EmulatorConfig } from '../config.js'
import { PROVIDER_IDS, providerById } from '../providers/index.js'
import { cassettePath } from './cassette.js'

/** A start-up refusal: `message` is the line to show, `hint` the line after it. */
export class TrafficStartError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message)
    this.name = 'TrafficStartError'
  }
}

/** Where record mode sends a mounted provider's requests; none: it emulates them. */
export function recordUpstream(config: EmulatorConfig, id: string): string | undefined {
  return (config.upstreams as Partial<Record<string, string>>)[id] ?? providerById(id)?.realBaseUrl
}

/**
 * Throws when the mode cannot work: in record mode, a provider mounted by default that has no
 * upstream (providers named explicitly are emulated, and the banner says so); in replay, no
 * cassette for any mounted provider.
 */
export function preflightTraffic(config: EmulatorConfig, providersNamed: boolean): void {
  if (config.mode === 'record' && !providersNamed) {
    const missing = config.providers.filter((id) => !recordUpstream(config, id))
    if (missing.length > 0) {
      const others = config.providers.filter((id) => !missing.includes(id))
      throw new TrafficStartError(
        `record mode: no upstream for ${missing.join(', ')} (${missing.length > 1 ? 'their base URLs are' : 'its base URL is'} per account)`,
        `Give one with --upstream ${missing[0]!}=<url>, or record the others only with ` +
          `--providers ${others.join(',')}.`,
      )
    }
  }
  if (config.mode === 'replay') {
    const dir = resolve(config.cassettes)
    if (config.providers.some((id) => existsSync(cassettePath(dir, id)))) return
    const elsewhere = existsSync(dir)
      ? readdirSync(dir).filter((f) => PROVIDER_IDS.some((id) => f === `${id}.har`))
      : []
    throw new TrafficStartError(
      elsewhere.length > 0
        ? `no cassettes for ${config.providers.join(', ')} in ${dir} (it has ${elsewhere.join(', ')}): record first`
        : `no cassettes in ${dir}: record first`,
      `Record with: gpt-image-emulator --mode record --cassettes ${config.cassettes}`,
    )
  }
}
