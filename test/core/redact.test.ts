/** The one owner of "what is a secret": names, URLs, queries, JSON, paths. */
import { describe, expect, it } from 'vitest'
import {
  isSecretHeader,
  isSecretName,
  redactField,
  redactJson,
  redactPath,
  redactSearch,
  redactUrl,
} from '../../src/core/redact.js'

describe('redact', () => {
  it('names keys, tokens, passwords and signed-URL parameters as secrets, and nothing else', () => {
    for (const name of [
      'key',
      'api_key',
      'apiKey',
      'token',
      'access_token',
      'X-Amz-Signature',
      'X-Amz-Credential',
      'X-Amz-Security-Token',
      'X-Goog-Signature',
      'Signature',
      'sig',
      'password',
      'client_secret',
    ])
      expect(isSecretName(name), name).toBe(true)
    for (const name of ['prompt', 'model', 'size', 'callback_url', 'max_tokens', 'keyword'])
      expect(isSecretName(name), name).toBe(false)
    for (const name of ['authorization', 'x-api-key', 'api-key', 'x-goog-api-key', 'x-auth-token'])
      expect(isSecretHeader(name), name).toBe(true)
    expect(isSecretHeader('content-type')).toBe(false)
    expect(isSecretHeader('webhook-signature')).toBe(false)
  })

  it('redacts signed URLs and callback tokens, and leaves a clean URL exactly as written', () => {
    expect(redactUrl('https://b.example/a.png?X-Amz-Signature=abc&X-Amz-Credential=def&w=1')).toBe(
      'https://b.example/a.png?X-Amz-Signature=REDACTED&X-Amz-Credential=REDACTED&w=1',
    )
    expect(redactUrl('http://u:p@h.example/cb?token=t')).toBe(
      'http://REDACTED:REDACTED@h.example/cb?token=REDACTED',
    )
    expect(redactUrl('http://127.0.0.1:4000')).toBe('http://127.0.0.1:4000')
    expect(redactUrl('http://h/cb?a=b')).toBe('http://h/cb?a=b')
    expect(redactUrl('http://h/__emulator/capture/abc123')).toBe(
      'http://h/__emulator/capture/REDACTED',
    )
    // A URL inside a query value (a callback URL as a parameter) is redacted too.
    expect(redactSearch('?callback=' + encodeURIComponent('http://h/cb?token=t'))).toBe(
      '?callback=' + encodeURIComponent('http://h/cb?token=REDACTED'),
    )
    expect(redactSearch('')).toBe('')
  })

  it('redacts secret-named JSON and multipart fields, URLs in values, and the keys used', () => {
    expect(
      redactJson(
        {
          api_key: 'k1',
          nested: [{ token: 't1', callback_url: 'http://h/cb?token=t2' }],
          prompt: 'uses sk-used-key-1 inline',
        },
        ['sk-used-key-1'],
      ),
    ).toEqual({
      api_key: 'REDACTED',
      nested: [{ token: 'REDACTED', callback_url: 'http://h/cb?token=REDACTED' }],
      prompt: 'uses REDACTED inline',
    })
    expect(redactField('api_key', 'k')).toBe('REDACTED')
    expect(redactField('image_url', 'https://b/a?sig=s')).toBe('https://b/a?sig=REDACTED')
    expect(redactField('prompt', 'a cat')).toBe('a cat')
  })

  it('survives very deep JSON without overflowing the stack', () => {
    let deep: unknown = { token: 'secret' }
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(JSON.stringify(redactJson(deep))).not.toContain('secret')
  })

  it('hides the key in a control-plane key path and the token in a capture path', () => {
    expect(redactPath('/__emulator/keys/gptproto/sk-secret')).toBe(
      '/__emulator/keys/gptproto/REDACTED',
    )
    expect(redactPath('/__emulator/keys')).toBe('/__emulator/keys')
    expect(redactPath('/gptproto/v1/images/generations')).toBe('/gptproto/v1/images/generations')
  })
})
