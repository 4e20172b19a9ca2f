/** The command line: `gpt-image-emulator [options]`, parsed into a partial config. */
import { parseArgs } from 'node:util'
import type { EmulatorConfigInput } from '../config.js'
import { PROVIDER_IDS } from '../providers/index.js'
import { parseUpstreams } from '../env.js'

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
      --upstream <id=url>   record mode: a provider's upstream base URL; repeatable
                            (default: the real base URLs; OceanBase needs one)      ${ENV}UPSTREAMS
      --cassettes <dir>     folder of cassettes for record and replay (default cassettes)
      --timing <profile>    async task timing: instant, fast (default), realistic   ${ENV}TIMING
      --seed <text>         seed for ids, images and chaos: same seed, same run    ${ENV}SEED
      --credits <n>         credits a key starts with (default 1000)                ${ENV}CREDITS
      --public-url <url>    origin for image URLs in responses (docker networks)    ${ENV}PUBLIC_URL
      --admin-token <text>  require Authorization: Bearer <text> on the control plane,
                            all but /__emulator/health (env EMULATOR_ADMIN_TOKEN)
      --shutdown-grace-ms <n>  after SIGTERM or SIGINT, how long in-flight requests
                            and due callbacks get (default 10000; env EMULATOR_SHUTDOWN_GRACE_MS)
      --config <file>       a JSON or YAML file with any setting of src/config.ts
      --log <format>        one line per request: pretty (default), json or off
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
  configFile?: string
  help: boolean
  version: boolean
}

/** Parses argv (without node and the script); throws an Error naming the bad option. */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
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
      'shutdown-grace-ms': { type: 'string' },
      config: { type: 'string' },
      log: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  })
  const input: Record<string, unknown> = {}
  if (values.port !== undefined) input.port = Number(values.port)
  if (values.host !== undefined) input.host = values.host
  if (values.providers !== undefined)
    input.providers = values.providers
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
  if (values.mode !== undefined) input.mode = values.mode
  if (values.upstream !== undefined) input.upstreams = parseUpstreams(values.upstream.join(','))
  if (values.cassettes !== undefined) input.cassettes = values.cassettes
  if (values.timing !== undefined) input.timing = values.timing
  if (values.seed !== undefined) input.seed = values.seed
  if (values.credits !== undefined) input.credits = { defaultBalance: Number(values.credits) }
  if (values['public-url'] !== undefined) input.publicUrl = values['public-url']
  if (values.log !== undefined) input.log = values.log
  if (values['admin-token'] !== undefined) input.adminToken = values['admin-token']
  if (values['shutdown-grace-ms'] !== undefined)
    input.shutdown = { graceMs: Number(values['shutdown-grace-ms']) }
  return {
    input,
    configFile: values.config,
    help: values.help ?? false,
    version: values.version ?? false,
  }
}
