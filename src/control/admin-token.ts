/**
 * The admin token: when configured, the control plane answers only callers that send
 * `Authorization: Bearer <token>`, so an emulator reachable from a network cannot be reset,
 * steered or read by anyone who finds it. Health stays open for probes; record mode's capture
 * route stays open for the upstream, its unguessable path being its credential.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { EmulatorEnv } from '../core/http/env.js'
import { EmulatorError } from '../core/errors/emulator-error.js'

/** Paths under `/__emulator` answered without the token. */
const OPEN = [/^\/__emulator\/health\/?$/, /^\/__emulator\/capture\//]

export function requireAdminToken(token: string): MiddlewareHandler<EmulatorEnv> {
  // Digests have one length whatever was sent, so the comparison takes the same time.
  const expected = digest(token)
  return async (c, next) => {
    if (OPEN.some((path) => path.test(c.req.path))) return next()
    const sent = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    if (sent === undefined || !timingSafeEqual(digest(sent), expected)) {
      c.header('www-authenticate', 'Bearer realm="gpt-image-emulator control plane"')
      throw new EmulatorError(
        401,
        'unauthorized',
        'The control plane needs Authorization: Bearer <admin token> (EMULATOR_ADMIN_TOKEN).',
        { field: 'authorization' },
      )
    }
    return next()
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}
