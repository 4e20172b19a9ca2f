/** Starts the emulator's HTTP server and stops it cleanly; used by main.ts and by tests. */
import { serve, type ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { resolveConfig, type EmulatorConfigInput } from './config.js'
import { createRuntime, type Runtime } from './runtime.js'
import { createApp } from './app.js'

export interface RunningEmulator {
  /** `http://host:port`, with the port actually bound (useful with port 0). */
  url: string
  port: number
  runtime: Runtime
  close(): Promise<void>
}

export async function startServer(input: EmulatorConfigInput = {}): Promise<RunningEmulator> {
  const config = resolveConfig(input)
  const runtime = createRuntime(config)
  const app = createApp(runtime)
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(s),
    )
    s.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    runtime,
    close: async () => {
      runtime.close()
      await closeServer(server)
    },
  }
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()))
    // Idle keep-alive sockets would hold close() open; in-flight requests still finish.
    if ('closeIdleConnections' in server) server.closeIdleConnections()
  })
}
