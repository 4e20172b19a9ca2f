// Proves the callback target policy: link-local and metadata addresses and non-http schemes are
// always refused, allow and deny lists decide the rest, and providers answer a 400 on the field.
import { describe, expect, it } from 'vitest'
import {
  checkCallbackTarget,
  targetPattern,
  type TargetPolicy,
} from '../../../src/core/callbacks/target-policy.js'
import { Failure } from '../../../src/core/errors/failure.js'
import { useEmulator, jsonRequest } from '../../support/emulator.js'

const OPEN: TargetPolicy = { allow: [], deny: [] }

function refusal(url: string, policy = OPEN): Failure | undefined {
  try {
    checkCallbackTarget(url, policy)
    return undefined
  } catch (err) {
    return err as Failure
  }
}

describe('checkCallbackTarget', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://169.254.1.1:8080/hook',
    'http://[fe80::1]/hook',
    'http://[fd00:ec2::254]/latest',
    'http://[::ffff:169.254.169.254]/',
    // The URL parser normalizes other IPv4 spellings first: 0xa9fea9fe is 169.254.169.254.
    'http://0xa9fea9fe/',
    'ftp://example.test/hook',
    'file:///etc/passwd',
    'not a url',
  ])('always refuses %s, naming callback_url', (url) => {
    const failure = refusal(url, { allow: ['0.0.0.0/0', '::/0'], deny: [] })
    expect(failure).toBeInstanceOf(Failure)
    expect(failure).toMatchObject({ kind: 'invalid_request', detail: { param: 'callback_url' } })
  })

  it('lets any other http(s) target through by default', () => {
    for (const url of ['http://127.0.0.1:9000/h', 'https://hooks.example.test/h', 'http://[::1]/'])
      expect(refusal(url), url).toBeUndefined()
  })

  it('refuses what deny names: CIDRs, addresses, host names and domains', () => {
    const policy = { allow: [], deny: ['10.0.0.0/8', '::1', 'internal.test', '.corp.test'] }
    for (const url of [
      'http://10.1.2.3/h',
      'http://[::1]:8080/h',
      'http://INTERNAL.test/h',
      'https://a.b.corp.test/h',
      'https://corp.test/h',
    ])
      expect(refusal(url, policy)?.message, url).toMatch(/callbacks\.deny/)
    expect(refusal('http://11.0.0.1/h', policy)).toBeUndefined()
    expect(refusal('http://notcorp.test/h', policy)).toBeUndefined()
  })

  it('takes only what allow names when it names anything', () => {
    const policy = { allow: ['127.0.0.0/8', 'hooks.example.test'], deny: [] }
    expect(refusal('http://127.0.0.1:9000/h', policy)).toBeUndefined()
    expect(refusal('https://hooks.example.test/h', policy)).toBeUndefined()
    expect(refusal('https://other.example.test/h', policy)?.message).toMatch(/callbacks\.allow/)
    expect(refusal('http://192.168.0.1/h', policy)?.message).toMatch(/callbacks\.allow/)
  })

  it('accepts CIDRs, addresses and host names in config, and nothing else', () => {
    for (const ok of ['10.0.0.0/8', 'fd00::/8', '192.168.1.1', 'example.test', '.example.test'])
      expect(targetPattern.safeParse(ok).success, ok).toBe(true)
    for (const bad of ['10.0.0.0/99', 'http://example.test', 'a b', ''])
      expect(targetPattern.safeParse(bad).success, bad).toBe(false)
  })
})

describe('a refused callback_url at the providers', () => {
  const server = useEmulator({ timing: 'instant', callbacks: { deny: ['.blocked.test'] } })

  it('is aivideoapi 400 invalid_request naming callback_url, with nothing charged', async () => {
    const headers = { authorization: 'Bearer sk-targets' }
    const post = (callbackUrl: string) =>
      fetch(
        `${server.url}/aivideoapi/v1/images/generations`,
        jsonRequest(
          { model: 'gpt-image-2', callback_url: callbackUrl, input: { prompt: 'x' } },
          headers,
        ),
      )
    for (const url of ['http://169.254.169.254/latest', 'https://hooks.blocked.test/h']) {
      const response = await post(url)
      expect(response.status, url).toBe(400)
      const { error } = (await response.json()) as { error: { code: string; message: string } }
      expect(error.code).toBe('invalid_request')
      expect(error.message).toContain('callback_url')
    }
    const credits = await fetch(`${server.url}/aivideoapi/v1/credits`, { headers })
    expect(JSON.stringify(await credits.json())).toContain('1000')
  })

  it("is CRUN's own invalid-parameter answer (body code 422) naming callback_url", async () => {
    const response = await fetch(
      `${server.url}/crun/api/v1/client/job/CreateTask`,
      jsonRequest(
        {
          model: 'openai/gpt-image-2',
          callback_url: 'http://[fe80::1]/hook',
          input: { prompt: 'x' },
        },
        { 'x-api-key': 'ak_targets' },
      ),
    )
    const body = (await response.json()) as { code: number; message: string }
    expect(body.code).toBe(422)
    expect(body.message).toContain('callback_url')
  })
})
