/**
 * What the command prints once it listens: the address it is bound to and the URL to reach it
 * by, each mounted provider's base URL and, in record and replay, what happens to its requests;
 * record mode's webhook capture URLs; and warnings, for stderr. Readable lines (`startBanner`)
 * or, under `--log json`, one JSON object per line (`startEvents`), from the same facts.
 */
import type { RunningEmulator } from '../server.js'
import { providers } from '../providers/index.js'
import { VERSION } from '../version.js'
import { isLoopbackHost } from '../core/http/loopback.js'
import type { LogEntry } from '../core/log/log.js'

/** The facts both forms print. */
interface StartFacts {
  /** Where a client on this machine reaches the emulator. */
  url: string
  /** The interface and port the server is bound to, as bound (`0.0.0.0:4010`). */
  bind: string
  /** Bound to every interface (0.0.0.0, ::): reached by another address than the bound one. */
  everyInterface: boolean
  providers: { id: string; url: string; note?: string }[]
  /** Record mode: the URL to set as a provider's webhook URL in its dashboard. */
  captures: { provider: string; title: string; url: string }[]
  warnings: string[]
  notes: string[]
}

function startFacts(emulator: RunningEmulator): StartFacts {
  const { config } = emulator.runtime
  const { traffic } = emulator
  const bareHost = config.host.replace(/^\[|\]$/g, '')
  const everyInterface = bareHost === '0.0.0.0' || bareHost === '::'
  const facts: StartFacts = {
    url: emulator.url,
    bind: `${bareHost.includes(':') ? `[${bareHost}]` : bareHost}:${emulator.port}`,
    everyInterface,
    providers: [],
    captures: [],
    warnings: [],
    notes: [],
  }
  for (const { id, title } of providers) {
    if (!config.providers.includes(id)) continue
    const plan = traffic?.providers.find((p) => p.id === id)
    let note: string | undefined
    if (traffic && plan)
      note =
        traffic.mode === 'record'
          ? plan.upstream
            ? `records to ${plan.upstream}`
            : 'emulated: no upstream'
          : plan.recordings
            ? `replays ${plan.recordings} recording(s)`
            : `no recordings: ${config.replayMissing === 'emulate' ? 'emulated' : 'answers 404'}`
    facts.providers.push({ id, url: `${emulator.url}/${id}`, ...(note && { note }) })
    const capture = traffic?.webhookCaptures[id]
    if (capture) {
      facts.captures.push({
        provider: id,
        title,
        url: `${config.publicUrl ?? emulator.url}${capture}`,
      })
      if (!config.publicUrl)
        facts.notes.push(
          `${title} must reach that URL: give a public origin (a tunnel to this port) ` +
            'with --public-url, and register that instead',
        )
    }
  }
  if (!config.adminToken && !isLoopbackHost(config.host))
    facts.warnings.push(
      `listening on ${config.host}, reachable from other machines, without an admin ` +
        'token: anyone who can reach it can drive the control plane (set EMULATOR_ADMIN_TOKEN)',
    )
  return facts
}

/** The readable banner: lines for stdout, and warnings and notes for stderr. */
export function startBanner(emulator: RunningEmulator): { out: string[]; err: string[] } {
  const { config } = emulator.runtime
  const facts = startFacts(emulator)
  const how = `(${config.mode}, timing ${config.timing})`
  const out = [
    facts.everyInterface
      ? `gpt-image-emulator ${VERSION} listening on ${facts.bind} ${how}; reach it at ` +
        `${facts.url} from this machine, or http://<host>:${emulator.port} from a container ` +
        'network or another machine'
      : `gpt-image-emulator ${VERSION} listening on ${facts.url} ${how}`,
  ]
  for (const provider of facts.providers) {
    const base = `  ${provider.id.padEnd(13)} ${provider.url}`
    out.push(provider.note ? `${base}  ${provider.note}` : base)
    const capture = facts.captures.find((c) => c.provider === provider.id)
    if (capture)
      out.push(
        `  ${capture.title} webhooks: while recording, set this as the webhook URL in its dashboard:`,
        `    ${capture.url}`,
      )
  }
  out.push(
    `  dashboard     ${facts.url}/ (reference at ${facts.url}/__emulator/docs)`,
    `  control plane ${facts.url}/__emulator/health`,
  )
  const { shared } = emulator.runtime
  if (shared) out.push(`  shared state  ${shared.url} (this replica: ${shared.replicaId})`)
  const err = [
    ...facts.notes.map((note) => `note: ${note}`),
    ...facts.warnings.map((warning) => `warning: ${warning}`),
  ]
  return { out, err }
}

/** The same facts as JSON log entries: `listening` for stdout, `note` and `warning` for stderr. */
export function startEvents(emulator: RunningEmulator): { out: LogEntry[]; err: LogEntry[] } {
  const { config } = emulator.runtime
  const facts = startFacts(emulator)
  const time = Date.now()
  const entry = (event: string, fields: Record<string, unknown>): LogEntry => ({
    event,
    time,
    fields,
    text: '',
  })
  const listening = entry('listening', {
    version: VERSION,
    url: facts.url,
    bind: facts.bind,
    mode: config.mode,
    timing: config.timing,
    providers: facts.providers,
    control: `${facts.url}/__emulator`,
    ...(emulator.runtime.shared && {
      redis: emulator.runtime.shared.url,
      replica: emulator.runtime.shared.replicaId,
    }),
    ...(facts.captures.length > 0 && {
      webhook_captures: facts.captures.map(({ provider, url }) => ({ provider, url })),
    }),
  })
  return {
    out: [listening],
    err: [
      ...facts.notes.map((message) => entry('note', { message })),
      ...facts.warnings.map((message) => entry('warning', { message })),
    ],
  }
}
