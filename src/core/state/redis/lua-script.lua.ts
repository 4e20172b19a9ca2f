/**
 * Runs a Lua script by its SHA1 (EVALSHA), sending the source (EVAL) only when Redis answers
 * NOSCRIPT: after a restart, or the first time. A script is how the shared stores change state
 * two replicas may touch at once, atomically, in one round trip.
 */
import { createHash } from 'node:crypto'
import type { Redis } from 'ioredis'

type Arg = string | number | Buffer

export interface LuaScript {
  /** Runs the script; bulk replies come back as strings. */
  run(redis: Redis, keys: readonly string[], args: readonly Arg[]): Promise<unknown>
  /** Runs the script; bulk replies come back as Buffers (for binary values). */
  runBuffer(redis: Redis, keys: readonly string[], args: readonly Arg[]): Promise<unknown>
}

export function luaScript(source: string): LuaScript {
  const sha = createHash('sha1').update(source).digest('hex')

  async function send(
    call: (command: string, ...args: Arg[]) => Promise<unknown>,
    keys: readonly string[],
    args: readonly Arg[],
  ): Promise<unknown> {
    try {
      return await call('evalsha', sha, keys.length, ...keys, ...args)
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err
      return call('eval', source, keys.length, ...keys, ...args)
    }
  }

  return {
    run: (redis, keys, args) => send((...a) => redis.call(...a), keys, args),
    runBuffer: (redis, keys, args) => send((...a) => redis.callBuffer(...a), keys, args),
  }
}
