/** The command line: `gpt-image-emulator [options]`, parsed into a partial config. */
import { parseArgs } from 'node:util'
import type { EmulatorConfigInput } from '../config.js'
import { PROVIDER_IDS } from '../providers/index.js'
import { numberOrText, parseUpstreams } from '../env.js'
import { didYouMean } from '../core/did-you-mean.js'
import { StartupError } from './startup-error.js'

// The environment column's common part (the space before it too), so the rows fit 100 characters.
const ENV = ' env EMULATOR_'

export const HELP = `gpt-image-emulator: a local stand-in for the gpt-image-2 APIs of skills.video,
OceanBase Cloud, aivideoapi.ai, CRUN, GPTProto and OpenAI. Point your application's base URL at it.

Usage: gpt-image-emulator [options]

  -p, --port <n>            port to listen on (default 4010; 0 picks a free one)     env PORT
      --host <addr>         interface to listen on (default 127.0.0.1)               env HOST
      --providers <ids>     providers to mount, comma-separated (default all):
                            ${PROVIDER_IDS.join(', ')}
      --mode <mode>         emulate (default), record (forward to the real providers
                            and write cassettes) or replay (answer from cassettes)  ${ENV}MODE
      --upstream <id=url>   record mode: a provider's upstream base URL, repeatable, e.g.
                            --upstream gptproto=https://gptproto.com (default: the
                            real base URLs; OceanBase has none: give one, or leave it
                            out with --providers)                                   ${ENV}UPSTREAMS
      --cassettes <dir>     folder of cassettes for record and replay (default cassettes)
      --timing <profile>    async task timing: instant, fast (default), realistic   ${ENV}TIMING
      --seed <text>         seed for ids, images and chaos: same seed, same run    ${ENV}SEED
      --credits <n>         credits a key starts with (default 1000)                ${ENV}CREDITS
      --public-url <url>    origin for image URLs in responses (docker networks)    ${ENV}PUBLIC_URL
      --admin-token <text>  require Authorization: Bearer <text> on the control plane,
                            all but /__emulator/health (env EMULATOR_ADMIN_TOKEN)
      --redis-url <url>     share all state with other replicas through this Redis,
                            e.g. redis://127.0.0.1:6379 (default: in memory)        ${ENV}REDIS_URL
      --shutdown-grace-ms <n>  after SIGTERM or SIGINT, how long in-flight requests
                            and due callbacks get (default 10000; env EMULATOR_SHUTDOWN_GRACE_MS)
      --config <file>       a JSON or YAML file with any setting of src/config.ts
      --log <format>        requests, faults, failed callbacks: pretty (default), json or off
  -h, --help                show this help
  -v, --version             show the version

Settings apply in this order, later ones winning: defaults, --config file, environment, options.

Examples:
  gpt-image-emulator                                    every provider on :4010
  gpt-image-emulator --timing instant --seed ci-run-1   tasks finish at once, reproducibly
  gpt-image-emulator --mode record --upstream aivideoapi=https://api.aivideoapi.ai

Then, e.g.: curl http://127.0.0.1:4010/__emulator/health
`

export interface ParsedArgs {
  input: EmulatorConfigInput
  /** Which option set each config path (`credits.defaultBalance` -> `--credits`), for errors. */
  sources: Record<string, string>
  configFile?: string
  help: boolean
  version: boolean
}

const OPTIONS = {
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  providers: { type: 'string' },
  mode: { type: 'string' },
  upstream: { type: 'string', multiple: true },
  cassettes: { type: 'string' },
  timing: { type: 'string' },
  seed: { type: 'string' },
  credits: { type: 'string' },
  'public-url': { type: 'string' },
  'admin-token': { type: 'string' },
  'redis-url': { type: 'string' },
  'shutdown-grace-ms': { type: 'string' },
  config: { type: 'string' },
  log: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const

const SEE_HELP = 'Run gpt-image-emulator --help to see every option.'

/** Parses argv (without node and the script); throws a StartupError naming the bad option. */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  const values = readOptions(argv)
  const input: Record<string, unknown> = {}
  const sources: Record<string, string> = {}
  /** Sets config `path` from `--option`, remembering who set it. */
  const set = (path: string, option: string, value: unknown) => {
    const keys = path.split('.')
    let at = input
    for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>
    at[keys.at(-1)!] = value
    sources[path] = option
  }
  if (values.port !== undefined) set('port', '--port', numberOrText(values.port))
  if (values.host !== undefined) set('host', '--host', values.host)
  if (values.providers !== undefined)
    set(
      'providers',
      '--providers',
      values.providers
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
  if (values.mode !== undefined) set('mode', '--mode', values.mode)
  if (values.upstream !== undefined) {
    const upstreams = parseUpstreamOptions(values.upstream)
    set('upstreams', '--upstream', upstreams)
    for (const id of Object.keys(upstreams)) sources[`upstreams.${id}`] = `--upstream ${id}`
  }
  if (values.cassettes !== undefined) set('cassettes', '--cassettes', values.cassettes)
  if (values.timing !== undefined) set('timing', '--timing', values.timing)
  if (values.seed !== undefined) set('seed', '--seed', values.seed)
  if (values.credits !== undefined)
    set('credits.defaultBalance', '--credits', numberOrText(values.credits))
  if (values['public-url'] !== undefined) set('publicUrl', '--public-url', values['public-url'])
  if (values.log !== undefined) set('log', '--log', values.log)
  if (values['admin-token'] !== undefined) set('adminToken', '--admin-token', values['admin-token'])
  if (values['redis-url'] !== undefined) set('redis.url', '--redis-url', values['redis-url'])
  if (values['shutdown-grace-ms'] !== undefined)
    set('shutdown.graceMs', '--shutdown-grace-ms', numberOrText(values['shutdown-grace-ms']))
  return {
    input,
    sources,
    configFile: values.config,
    help: values.help ?? false,
    version: values.version ?? false,
  }
}

function readOptions(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: OPTIONS })
      .values
  } catch (err) {
    throw new StartupError(parseArgsMessage(err), SEE_HELP)
  }
}

/** node:util's parse errors, shortened, with the nearest option for an unknown one. */
function parseArgsMessage(err: unknown): string {
  const { code, message } = err as { code?: string; message: string }
  const named = /'([^']*)'/.exec(message)?.[1] ?? ''
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const known = Object.keys(OPTIONS).map((name) => `--${name}`)
    const word = named.startsWith('--') ? named : `--${named.replace(/^-+/, '')}`
    return `unknown option ${named}${didYouMean(word, known)}`
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `unexpected argument ${JSON.stringify(named)}: every setting is an option (--name value)`
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // "Option '-p, --port <value>' argument missing", or a value given to a flag.
    const option = /--[a-z-]+/.exec(message)?.[0] ?? named
    return message.includes('argument missing')
      ? `${option} needs a value`
      : `${option} takes no value`
  }
  return message.split('. ')[0]!
}

function parseUpstreamOptions(pairs: readonly string[]): Record<string, string> {
  try {
    return parseUpstreams(pairs, '--upstream')
  } catch (err) {
    throw new StartupError((err as Error).message, SEE_HELP)
  }
}
