#!/usr/bin/env node
/**
 * The `gpt-image-emulator` command (and `npm start`): reads options, the environment and an
 * optional config file, starts the emulator, and stops it on SIGTERM or SIGINT. The only module
 * that reads process.env or argv, or installs signal handlers.
 */
import { startServer } from './server.js'
import { VERSION } from './version.js'
import { configFromEnv, unknownEnvWarnings } from './env.js'
import { HELP, parseCommandLine } from './cli/args.js'
import { mergeConfig } from './cli/merge.js'
import { describeStartupError, type SettingSources } from './cli/startup-error.js'
import { startBanner, startEvents } from './cli/banner.js'
import { createSay, type Say } from './cli/say.js'
import { redactUrl } from './core/redact.js'

/**
 * One line per problem on stderr, then the hint, and exit 1: never a stack trace. Under
 * `--log json` (once known), one JSON object.
 */
function fail(err: unknown, sources: SettingSources = {}, say?: Say): never {
  const { lines, hint } = describeStartupError(err, sources)
  if (say) say.err('start_failed', { problems: lines, hint: hint ?? null }, '')
  else {
    for (const line of lines) console.error(`gpt-image-emulator: ${line}`)
    if (hint) console.error(hint)
  }
  process.exit(1)
}

let args: ReturnType<typeof parseCommandLine>
try {
  args = parseCommandLine(process.argv.slice(2))
} catch (err) {
  fail(err)
}
if (args.help) {
  process.stdout.write(HELP)
  process.exit(0)
}
if (args.version) {
  console.log(VERSION)
  process.exit(0)
}

const envWarnings = unknownEnvWarnings(process.env)
const sources: SettingSources = { options: args.sources, env: process.env }
const input = await (async () => {
  // The config file reader (and its YAML parser) loads only when a file is given.
  const file = args.configFile
    ? await (await import('./cli/config-file.js')).readConfigFile(args.configFile)
    : undefined
  return mergeConfig({ log: 'pretty' }, file, configFromEnv(process.env), args.input)
})().catch((err: unknown) => {
  for (const warning of envWarnings) console.error(`warning: ${warning}`)
  return fail(err, sources)
})
// From here every line the command prints is in the log's format: `--log json` is JSON only.
const json = input.log === 'json'
const say = createSay(json ? 'json' : 'pretty')
for (const warning of envWarnings) say.err('warning', { message: warning }, `warning: ${warning}`)
const emulator = await startServer(input).catch((err: unknown) =>
  fail(err, sources, json ? say : undefined),
)

let stopping = false
async function stop(signal: string): Promise<void> {
  if (stopping) {
    // The operator insists: whatever is still open is abandoned, and said so.
    say.err(
      'exiting',
      { signal },
      `${signal} again: exiting now, in-flight requests and callbacks abandoned`,
    )
    process.exit(1)
  }
  stopping = true
  const { graceMs } = emulator.runtime.config.shutdown
  // Said once the server has stopped listening (shutdown() does that before it first waits).
  const stopped = emulator.shutdown(graceMs)
  say.out(
    'stopping',
    { signal, grace_ms: graceMs },
    `${signal}: stopping, up to ${graceMs} ms for in-flight requests and callbacks`,
  )
  const report = await stopped
  const cut = report.cutConnections
  if (cut > 0)
    say.err(
      'connections_cut',
      { count: cut, grace_ms: graceMs },
      `${cut} connection(s) still busy after ${graceMs} ms: closed`,
    )
  for (const d of report.undelivered) {
    const url = redactUrl(d.url)
    say.err(
      'undelivered',
      { provider: d.provider, task_id: d.taskId, callback_event: d.event, url },
      `undelivered ${d.event} of task ${d.taskId} (${d.provider}) to ${url}`,
    )
  }
  say.out('stopped', {}, 'stopped')
  // No process.exit: if something still holds the process open, that hang must show.
  process.exitCode = 0
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))

// Announce readiness only once the signal handlers are in place.
if (json) {
  const events = startEvents(emulator)
  say.entries(events.out, 'out')
  say.entries(events.err, 'err')
} else {
  const banner = startBanner(emulator)
  for (const line of banner.out) console.log(line)
  for (const line of banner.err) console.error(line)
}
