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
import { mergeConfig } from './cli/merge.js'
import { isLoopbackHost } from './core/http/loopback.js'

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
  // The config file reader (and its YAML parser) loads only when a file is given.
  const file = args.configFile
    ? await (await import('./cli/config-file.js')).readConfigFile(args.configFile)
    : undefined
  return startServer(mergeConfig({ log: 'pretty' }, file, configFromEnv(process.env), args.input))
})().catch((err: unknown) => fail(describeStartupError(err, process.env)))

let stopping = false
async function stop(signal: string): Promise<void> {
  if (stopping) {
    // The operator insists: whatever is still open is abandoned, and said so.
    console.error(`${signal} again: exiting now, in-flight requests and callbacks abandoned`)
    process.exit(1)
  }
  stopping = true
  const { graceMs } = emulator.runtime.config.shutdown
  // Said once the server has stopped listening (shutdown() does that before it first waits).
  const stopped = emulator.shutdown(graceMs)
  console.log(`${signal}: stopping, up to ${graceMs} ms for in-flight requests and callbacks`)
  const report = await stopped
  if (report.cutConnections > 0)
    console.error(`${report.cutConnections} connection(s) still busy after ${graceMs} ms: closed`)
  for (const d of report.undelivered)
    console.error(`undelivered ${d.event} of task ${d.taskId} (${d.provider}) to ${d.url}`)
  console.log('stopped')
  // No process.exit: if something still holds the process open, that hang must show.
  process.exitCode = 0
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
if (!config.adminToken && !isLoopbackHost(config.host))
  console.error(
    `warning: listening on ${config.host}, reachable from other machines, without an admin ` +
      'token: anyone who can reach it can drive the control plane (set EMULATOR_ADMIN_TOKEN)',
  )
