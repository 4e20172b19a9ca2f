/** The steering on the context: decoded by the first middleware, read by everything after it. */
import type { Context, MiddlewareHandler } from 'hono'
import type { EmulatorEnv } from '../http/env.js'
import { decodeSteering, UNSTEERED } from './decode.js'

/**
 * The first middleware of every route: puts the decoded steering on the context, numbers the
 * request (`onSteered`), and only then refuses a bad header, so even a refusal has a request id.
 */
export function steer(
  onSteered: (c: Context<EmulatorEnv>) => void,
): MiddlewareHandler<EmulatorEnv> {
  return async function steer(c, next) {
    try {
      c.set('steering', decodeSteering(c.req.raw.headers))
    } catch (refusal) {
      c.set('steering', UNSTEERED)
      onSteered(c)
      throw refusal
    }
    onSteered(c)
    await next()
  }
}

/** The namespace the request is steered to (`default` unless `X-Emulator-Namespace` says). */
export const namespaceOf = (c: Context<EmulatorEnv>): string => c.get('steering').namespace

/** The namespace `X-Emulator-Namespace` named, or undefined when the header was not sent. */
export const namedNamespaceOf = (c: Context<EmulatorEnv>): string | undefined =>
  c.get('steering').namespaceNamed ? c.get('steering').namespace : undefined
