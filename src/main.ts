#!/usr/bin/env node
/**
 * The `gpt-image-emulator` command (and `npm start`): reads options, the environment and an
 * optional config file, starts the emulator, and stops it on SIGTERM or SIGINT. The only module
 * that reads process.env or argv, or installs signal handlers.
 */
import { startServer } from './server.js'
import { providers } from './providers/index.js'
import { VERSION } from './version.js'
import { configFromEnv, describeStartupError } from './env.js'
import { HELP, parseCommandLine } from './cli/args.js'
import { readConfigFile } from './cli/config-file.js'
import { mergeConfig } from './cli/merge.js'

function fail(message: string): never {
  console.error(`gpt-image-emulator could not start:\n${message}`)
  process.exit(1)
}

let args: ReturnType<typeof parseCommandLine>
try {
  args = parseCommandLine(process.argv.slice(2))
} catch (err) {
  fail(`${(err as Error).message}\nSee gpt-image-emulator --help.`)
}
if (args.help) {
  process.stdout.write(HELP)
  process.exit(0)
}
if (args.version) {
  console.log(VERSION)
  process.exit(0)
}

const emulator = await (async () => {
  const file = args.configFile ? await readConfigFile(args.configFile) : undefined
  return startServer(mergeConfig({ log: 'pretty' }, file, configFromEnv(process.env), args.input))
})().catch((err: unknown) => fail(describeStartupError(err, process.env)))

let stopping = false
async function stop(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  console.log(`${signal}: stopping`)
  // Streams still open after a second should not keep a container from stopping.
  setTimeout(() => process.exit(0), 1000).unref()
  await emulator.close()
  process.exit(0)
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))

// Announce readiness only once the signal handlers are in place.
const { config } = emulator.runtime
console.log(
  `gpt-image-emulator ${VERSION} listening on ${emulator.url} ` +
    `(${config.mode}, timing ${config.timing})`,
)
for (const { id } of providers)
  if (config.providers.includes(id)) console.log(`  ${id.padEnd(13)} ${emulator.url}/${id}`)
console.log(`  control plane ${emulator.url}/__emulator/health`)
