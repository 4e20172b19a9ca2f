// Proves which bind addresses count as reachable only from this machine.
import { describe, expect, it } from 'vitest'
import { isLoopbackHost } from '../../src/core/http/loopback.js'

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1'])(
    '%s is loopback',
    (host) => expect(isLoopbackHost(host)).toBe(true),
  )
  it.each(['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.test', 'fe80::1'])(
    '%s is reachable from elsewhere',
    (host) => expect(isLoopbackHost(host)).toBe(false),
  )
})
