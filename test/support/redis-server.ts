/**
 * A real redis-server (Debian's package) on a free loopback port, for the shared-state tests.
 * Nothing is saved to disk. `.ci/run` installs redis-server when it is missing. `stop()` then
 * `start()` brings a fresh, empty server back on the same port: Redis lost mid-run, and back.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { Redis } from 'ioredis'

export interface RedisServer {
  url: string
  port: number
  /** A fresh client to the server (close it yourself). */
  client(): Redis
  /** Kills the server (SIGKILL, as a crash would); resolves once it has exited. */
  stop(): Promise<void>
  /** Starts a new, empty server on the same port once stopped; resolves once it answers PING. */
  start(): Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** Resolves once a server on `port` answers PING; rejects after `timeoutMs`. */
async function untilAnswering(port: number, output: () => string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const redis = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0 })
    redis.on('error', () => undefined)
    try {
      await redis.connect()
      await redis.ping()
      return
    } catch {
      if (Date.now() > deadline) throw new Error(`redis-server did not answer:\n${output()}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    } finally {
      redis.disconnect()
    }
  }
}

/** One redis-server process on `port`, answering. */
async function spawnOn(port: number): Promise<ChildProcess> {
  const child: ChildProcess = spawn(
    process.env.REDIS_SERVER ?? 'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (err) => {
      reject(new Error(`redis-server did not start (apt-get install redis-server): ${err.message}`))
    })
    child.once('exit', (code) => {
      reject(new Error(`redis-server exited (${String(code)}) before answering:\n${output}`))
    })
  })
  failed.catch(() => undefined) // a later exit (stop()) is no failure
  try {
    await Promise.race([untilAnswering(port, () => output), failed])
  } catch (err) {
    child.kill('SIGKILL')
    throw err
  }
  return child
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve()
      return
    }
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort()
  let child: ChildProcess | undefined = await spawnOn(port)
  const url = `redis://127.0.0.1:${String(port)}`
  return {
    url,
    port,
    client: () => new Redis(url),
    async stop() {
      const running = child
      child = undefined
      if (running) await kill(running)
    },
    async start() {
      if (child) throw new Error(`redis-server on ${String(port)} is already running`)
      child = await spawnOn(port)
    },
  }
}
