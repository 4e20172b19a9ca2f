/**
 * Key settings are validated: credits and spend limits finite, non-negative and at most a sane
 * maximum, rate limits bounded so no wait is infinite, and allowlist entries parsed strictly
 * (`10.1.2.3/` is refused, not read as a /0 that admits every IPv4 address).
 */
import { describe, expect, it } from 'vitest'
import { useEmulator } from '../support/emulator.js'

const server = useEmulator()

const put = (body: unknown) =>
  fetch(`${server.url}/__emulator/keys/aivideoapi/sk-bounded`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-emulator-namespace': 'bounded-keys' },
    body: JSON.stringify(body),
  })

const refusedField = async (body: unknown) => {
  const response = await put(body)
  expect(response.status).toBe(422)
  return ((await response.json()) as { emulator_error: { field: string } }).emulator_error.field
}

describe('key settings', () => {
  it.each([
    [{ credits: 1e308 }, 'credits'],
    [{ credits: -1 }, 'credits'],
    [{ credits: { subscription: 1e300 } }, 'credits.subscription'],
    [{ credits: { subscription: 1, permanent: 1e13 } }, 'credits.permanent'],
    [{ spend_limits: { total: 1e308 } }, 'spend_limits.total'],
    [{ rate_limit: { capacity: 1, refill_per_second: 1e-320 } }, 'rate_limit.refill_per_second'],
    [{ rate_limit: { capacity: 1e12, refill_per_second: 1 } }, 'rate_limit.capacity'],
    [{ rate_limit: { capacity: 1, refill_per_second: 1e300 } }, 'rate_limit.refill_per_second'],
    [{ ip_allowlist: ['10.1.2.3/'] }, 'ip_allowlist.0'],
    [{ ip_allowlist: ['::1/'] }, 'ip_allowlist.0'],
    [{ ip_allowlist: ['10.1.2.3/33'] }, 'ip_allowlist.0'],
    [{ ip_allowlist: ['0x7f.1'] }, 'ip_allowlist.0'],
    [{ ip_allowlist: ['1.2.3.4/ 8'] }, 'ip_allowlist.0'],
  ])('refuses %j naming %s', async (body, field) => {
    expect(field.startsWith((await refusedField(body)).split('.')[0]!)).toBe(true)
  })

  it('takes sane values, and the balance stays a number', async () => {
    const response = await put({
      credits: 1e12,
      rate_limit: { capacity: 5, refill_per_second: 0.001 },
      ip_allowlist: ['10.0.0.0/8', '::1', '192.168.1.7'],
    })
    expect(response.status).toBe(200)
    const key = (await response.json()) as { credits: { balance: unknown }; ip_allowlist: string[] }
    expect(key.credits.balance).toBe(1e12)
    expect(key.ip_allowlist).toEqual(['10.0.0.0/8', '::1', '192.168.1.7'])
  })

  it('keeps an allowlist of 10.1.2.3/32 from admitting other addresses', async () => {
    expect((await put({ ip_allowlist: ['10.1.2.3/32'], credits: 100 })).status).toBe(200)
    const response = await fetch(`${server.url}/aivideoapi/v1/credits`, {
      headers: { authorization: 'Bearer sk-bounded', 'x-emulator-namespace': 'bounded-keys' },
    })
    expect(response.status).toBe(403)
  })
})
