/**
 * The admin token: when configured, the control plane answers only callers that send
 * `Authorization: Bearer <token>`, so an emulator reachable from a network cannot be reset,
 * steered or read by anyone who finds it. Health stays open for probes; record mode's capture
 * route stays open for the upstream, its unguessable path being its credential. A browser, which
 * cannot add a header to a page it opens, sends the token as HTTP Basic's password: the 401's
 * Basic challenge makes it ask once, then send it with every request of the dashboard.
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
    const sent = tokenOf(c.req.header('authorization') ?? '')
    if (sent === undefined || !timingSafeEqual(digest(sent), expected)) {
      c.header('www-authenticate', 'Bearer realm="gpt-image-emulator control plane"')
      c.header('www-authenticate', 'Basic realm="gpt-image-emulator", charset="UTF-8"', {
        append: true,
      })
      throw new EmulatorError(
        401,
        'unauthorized',
        'The control plane needs Authorization: Bearer <admin token> (EMULATOR_ADMIN_TOKEN); ' +
          'a browser asks for it (any user name, the token as password).',
        { field: 'authorization' },
      )
    }
    return next()
  }
}

/** The token a Bearer header carries, or the password of a Basic one. */
function tokenOf(authorization: string): string | undefined {
  const [, scheme = '', credentials = ''] = /^(\S+) +(.+)$/.exec(authorization) ?? []
  if (/^bearer$/i.test(scheme)) return credentials
  if (!/^basic$/i.test(scheme)) return undefined
  const decoded = Buffer.from(credentials, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  return colon < 0 ? undefined : decoded.slice(colon + 1)
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}
