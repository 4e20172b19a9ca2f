/**
 * Where callbacks may go. A reachable emulator must not be turned into a way to reach what only
 * it can (cloud metadata, link-local services), so those are always refused; config's allow and
 * deny lists (CIDRs or host names) cover the rest. Only literal IP hosts are checked against
 * CIDRs: a host name is compared by name, never resolved, so a name that resolves to a refused
 * address is not caught here.
 */
import ipaddr from 'ipaddr.js'
import { z } from 'zod'
import { Failure } from '../errors/failure.js'

/** Link-local (IPv4 and IPv6) and AWS's IPv6 metadata address; 169.254.169.254 is link-local. */
const ALWAYS_REFUSED = ['169.254.0.0/16', 'fe80::/10', 'fd00:ec2::254/128'].map((cidr) =>
  ipaddr.parseCIDR(cidr),
)

const HOST_NAME = /^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i

/** A CIDR, a single address, a host name, or `.example.com` for the domain and every subdomain. */
export const targetPattern = z
  .string()
  .refine(
    (p) => ipaddr.isValidCIDR(p) || ipaddr.isValid(p) || HOST_NAME.test(p),
    'expected a CIDR (10.0.0.0/8), an address or a host name (hooks.example.com, .example.com)',
  )

export interface TargetPolicy {
  allow: readonly string[]
  deny: readonly string[]
}

type Address = ReturnType<typeof ipaddr.parse>

/** Throws an `invalid_request` Failure naming `callback_url` when `url` may not be called. */
export function checkCallbackTarget(url: string, policy: TargetPolicy): void {
  const refuse = (why: string): never => {
    throw new Failure('invalid_request', `callback_url ${why}.`, {
      param: 'callback_url',
      code: 'invalid_value',
    })
  }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return refuse('is not a valid URL')
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    refuse(`must use http or https, not ${parsed.protocol.slice(0, -1)}`)
  // The URL parser has already normalized IPv4 forms (0x7f.1) and bracketed IPv6.
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  // IPv4-mapped IPv6 (::ffff:169.254.169.254) is checked as the IPv4 address it is.
  const address = ipaddr.isValid(host) ? ipaddr.process(host) : undefined
  if (address && ALWAYS_REFUSED.some((range) => inRange(address, range)))
    refuse('points at a link-local or cloud metadata address, which the emulator never calls')
  if (policy.deny.some((p) => matches(p, host, address)))
    refuse(`points at ${host}, which the emulator's callbacks.deny refuses`)
  if (policy.allow.length > 0 && !policy.allow.some((p) => matches(p, host, address)))
    refuse(`points at ${host}, which is not in the emulator's callbacks.allow`)
}

function matches(pattern: string, host: string, address: Address | undefined): boolean {
  if (ipaddr.isValidCIDR(pattern))
    return address !== undefined && inRange(address, ipaddr.parseCIDR(pattern))
  if (ipaddr.isValid(pattern))
    return address !== undefined && ipaddr.process(pattern).toString() === address.toString()
  const name = pattern.toLowerCase()
  return name.startsWith('.') ? host === name.slice(1) || host.endsWith(name) : host === name
}

function inRange(address: Address, [range, bits]: [Address, number]): boolean {
  return address.kind() === range.kind() && address.match(range, bits)
}
