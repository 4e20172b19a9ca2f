/** Whether an interface the server binds to is reachable only from this machine. */
import ipaddr from 'ipaddr.js'

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  if (bare === 'localhost') return true
  // 0.0.0.0 and :: are every interface, hence reachable: their range is 'unspecified'.
  return ipaddr.isValid(bare) && ipaddr.process(bare).range() === 'loopback'
}
