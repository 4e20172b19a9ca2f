/**
 * `npm start`: reads the environment, starts the emulator, and stops it on SIGTERM or SIGINT.
 * The only module that reads process.env or installs signal handlers.
 */
import { startServer } from './server.js'
import { providers } from './providers/index.js'
import { VERSION } from './version.js'
import { configFromEnv, describeStartupError } from './env.js'

const emulator = await startServer(configFromEnv(process.env)).catch((err: unknown) => {
  console.error(`gpt-image-emulator could not start:\n${describeStartupError(err, process.env)}`)
  process.exit(1)
})

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
console.log(`gpt-image-emulator ${VERSION} listening on ${emulator.url}`)
for (const { id } of providers) console.log(`  ${id.padEnd(13)} ${emulator.url}/${id}`)
console.log(`  control plane ${emulator.url}/__emulator/health`)
