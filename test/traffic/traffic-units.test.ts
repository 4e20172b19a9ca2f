import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { redactHeaders, redactJson, redactUrl, scrubSecrets } from '../../src/traffic/redact.js'
import { canonicalRequest, identityOf } from '../../src/traffic/identity.js'
import {
  callbackUrlOf,
  volatileOf,
  withCallbackUrl,
  type RequestParts,
} from '../../src/traffic/hints.js'
import { aivideoapi } from '../../src/providers/aivideoapi/index.js'
import { openCassette, type HarEntry } from '../../src/traffic/cassette.js'
import { authorizationScheme } from '../../src/core/auth/api-key.js'
import {
  externalizeBase64,
  internalizeBase64,
  mapSseData,
  openBlobStore,
} from '../../src/traffic/blobs.js'
import { authShape } from '../../src/traffic/request-shape.js'

describe('redaction', () => {
  it('replaces credentials in headers and drops X-Emulator and hop-by-hop headers', () => {
    const headers = new Headers({
      authorization: 'Bearer sk-1',
      'x-api-key': 'ak_2',
      'x-emulator-fault': 'reset',
      connection: 'keep-alive',
      accept: '*/*',
    })
    expect(redactHeaders(headers)).toEqual([
      { name: 'accept', value: '*/*' },
      { name: 'authorization', value: 'REDACTED' },
      { name: 'x-api-key', value: 'REDACTED' },
    ])
  })

  it('replaces secret query parameters and userinfo in URLs', () => {
    expect(redactUrl('https://me:pw@cb.example/hook?token=abc&id=7')).toBe(
      'https://REDACTED:REDACTED@cb.example/hook?token=REDACTED&id=7',
    )
  })

  it('replaces secret-named fields and URLs inside JSON', () => {
    expect(
      redactJson({
        api_key: 'x',
        nested: { callback_url: 'https://cb.example/?sig=1' },
        prompt: 'keep',
      }),
    ).toEqual({
      api_key: 'REDACTED',
      nested: { callback_url: 'https://cb.example/?sig=REDACTED' },
      prompt: 'keep',
    })
  })

  it('scrubs the keys themselves wherever they appear', () => {
    expect(scrubSecrets('echo sk-secret-1 and sk-secret-1', ['sk-secret-1'])).toBe(
      'echo REDACTED and REDACTED',
    )
  })
})

describe('callback URLs, wherever a provider carries them', () => {
  const parts = (over: Partial<RequestParts> = {}): RequestParts => ({
    url: new URL('http://upstream/v1/tasks?model=m'),
    headers: new Headers(),
    ...over,
  })
  const capture = (url: string) => `http://emulator/capture?for=${encodeURIComponent(url)}`

  it('rewrites a JSON body field and leaves the rest of the body as sent', () => {
    const place = { in: 'body', field: 'callback_url' } as const
    const request = parts({
      bytes: Buffer.from(JSON.stringify({ prompt: 'p', callback_url: 'http://app/cb' })),
      contentType: 'application/json',
    })
    expect(callbackUrlOf(place, request)).toBe('http://app/cb')
    const forwarded = withCallbackUrl(place, request, capture)
    expect(JSON.parse(forwarded.bytes!.toString('utf8'))).toEqual({
      prompt: 'p',
      callback_url: capture('http://app/cb'),
    })
  })

  it('rewrites a query parameter', () => {
    const place = { in: 'query', name: 'webhook' } as const
    const request = parts({
      url: new URL('http://upstream/v1/tasks?webhook=http%3A%2F%2Fapp%2Fcb'),
    })
    expect(callbackUrlOf(place, request)).toBe('http://app/cb')
    const forwarded = withCallbackUrl(place, request, capture)
    expect(forwarded.url.searchParams.get('webhook')).toBe(capture('http://app/cb'))
  })

  it('rewrites a header', () => {
    const place = { in: 'header', name: 'x-callback-url' } as const
    const request = parts({ headers: new Headers({ 'x-callback-url': 'http://app/cb' }) })
    const forwarded = withCallbackUrl(place, request, capture)
    expect(forwarded.headers.get('x-callback-url')).toBe(capture('http://app/cb'))
    expect(request.headers.get('x-callback-url')).toBe('http://app/cb')
  })

  it('leaves a request without a callback URL untouched', () => {
    const request = parts()
    expect(withCallbackUrl({ in: 'query', name: 'webhook' }, request, capture)).toBe(request)
  })
})

describe('request identity', () => {
  const shape = (body: unknown, query: [string, string][] = []) => ({
    method: 'post',
    path: '/v1/x',
    query,
    body,
  })

  it('ignores key order, query order and the callback URLs the provider declares', () => {
    const volatile = volatileOf(aivideoapi.traffic)
    const a = identityOf(
      shape({ model: 'm', prompt: 'p', callback_url: 'http://a' }, [
        ['b', '2'],
        ['a', '1'],
      ]),
      volatile,
    )
    const b = identityOf(
      shape({ prompt: 'p', model: 'm', callback_url: 'http://b' }, [
        ['a', '1'],
        ['b', '2'],
      ]),
      volatile,
    )
    expect(a).toBe(b)
  })

  it('keeps a callback_url that the provider does not declare as its callback URL', () => {
    const withUrl = (url: string) => identityOf(shape({ prompt: 'p', callback_url: url }))
    expect(withUrl('http://a')).not.toBe(withUrl('http://b'))
  })

  it('ignores a callback URL carried in a query parameter when the provider says so', () => {
    const volatile = volatileOf({ callbackUrl: { in: 'query', name: 'webhook' } })
    const withUrl = (url: string) =>
      identityOf(shape({ prompt: 'p' }, [['webhook', url]]), volatile)
    expect(withUrl('http://a')).toBe(withUrl('http://b'))
  })

  it('tells different bodies apart', () => {
    expect(identityOf(shape({ prompt: 'a' }))).not.toBe(identityOf(shape({ prompt: 'b' })))
  })

  it('keeps how a call authenticated, never the key', () => {
    expect(authShape(new Headers({ authorization: 'Bearer sk-abcdef' }))).toEqual({
      shape: 'bearer:sk-',
      secrets: ['sk-abcdef'],
    })
    expect(authShape(new Headers({ 'x-api-key': 'ak_123' }))).toEqual({
      shape: 'x-api-key:ak_',
      secrets: ['ak_123'],
    })
    expect(authShape(new Headers())).toEqual({ shape: 'none', secrets: [] })
    // A scheme of another shape still has its bare key scrubbed.
    const key = authShape(new Headers({ authorization: 'Key fal-123' }), authorizationScheme('Key'))
    expect(key.secrets).toContain('fal-123')
    expect(canonicalRequest(shape({ auth: 'bearer:sk-' }))).not.toContain('abcdef')
  })
})

describe('blobs', () => {
  const blobs = openBlobStore(mkdtempSync(join(tmpdir(), 'blobs-')))
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(400, 7)])

  it('moves long base64 and data URIs into content-addressed files and back', () => {
    const value = {
      a: png.toString('base64'),
      b: `data:image/png;base64,${png.toString('base64')}`,
      short: 'QUJD',
    }
    const out = externalizeBase64(value, blobs) as Record<string, string>
    expect(out.a).toMatch(/^@emulator-blob:base64:blobs\/[0-9a-f]{32}\.png$/)
    expect(out.b).toMatch(/^@emulator-blob:data-uri:image\/png:blobs\/[0-9a-f]{32}\.png$/)
    expect(out.short).toBe('QUJD')
    expect(internalizeBase64(out, blobs)).toEqual(value)
  })

  it('stores identical bytes once', () => {
    expect(blobs.put(png)).toBe(blobs.put(Buffer.from(png)))
  })

  it('maps each SSE data frame and leaves other lines alone', () => {
    const text = 'event: e\ndata: {"n":1}\n\ndata: {"n":2}\n\n'
    expect(mapSseData(text, (j) => ({ ...(j as object), seen: true }))).toBe(
      'event: e\ndata: {"n":1,"seen":true}\n\ndata: {"n":2,"seen":true}\n\n',
    )
  })
})

describe('cassette places', () => {
  it('writes entries in request arrival order, whatever order they finish in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cassette-order-'))
    try {
      const cassette = openCassette(dir, 'crun')
      const entry = (url: string) =>
        ({ request: { url }, _emulator: { provider: 'crun', kind: 'request' } }) as HarEntry
      const first = cassette.reserve()
      const dropped = cassette.reserve()
      const second = cassette.reserve()
      const secondWritten = second.fill(entry('/poll-2'))
      expect(cassette.entries).toHaveLength(0)
      dropped.drop()
      expect(await Promise.all([first.fill(entry('/poll-1')), secondWritten])).toEqual([0, 1])
      expect(openCassette(dir, 'crun').entries.map((e) => e.request.url)).toEqual([
        '/poll-1',
        '/poll-2',
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
