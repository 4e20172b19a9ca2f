/**
 * A real redis-server (Debian's package) on a free loopback port, for the shared-state tests.
 * Nothing is saved to disk. `.ci/run` installs redis-server when it is missing.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { Redis } from 'ioredis'

export interface RedisServer {
  url: string
  port: number
  /** A fresh client to the server (close it yourself). */
  client(): Redis
  stop(): Promise<void>
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

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort()
  const child: ChildProcess = spawn(
    process.env.REDIS_SERVER ?? 'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await new Promise<void>((resolve, reject) => {
    child.once('error', (err) =>
      reject(
        new Error(`redis-server did not start (apt-get install redis-server): ${err.message}`),
      ),
    )
    const deadline = Date.now() + 10_000
    const probe = async () => {
      const redis = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0 })
      redis.on('error', () => {})
      try {
        await redis.connect()
        await redis.ping()
        redis.disconnect()
        resolve()
      } catch {
        redis.disconnect()
        if (Date.now() > deadline) reject(new Error(`redis-server did not answer:\n${output}`))
        else setTimeout(() => void probe(), 50)
      }
    }
    void probe()
  })
  const url = `redis://127.0.0.1:${port}`
  return {
    url,
    port,
    client: () => new Redis(url),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve()
          return
        }
        child.once('exit', () => resolve())
        child.kill('SIGKILL')
      }),
  }
}
