/**
 * Each error example of specs/openai.openapi.yaml, produced by the emulator word for word: the
 * catalogue entries by `X-Emulator-Error`, the others by the request that causes them.
 */
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { specPath } from '../../../src/specs.js'
import { useEmulator, jsonRequest } from '../../support/emulator.js'
import { createSpecValidator } from '../../support/spec-validator.js'

const server = useEmulator()
const spec = createSpecValidator('openai', '/openai')
const PATH = '/openai/v1/images/generations'
const KEY = { authorization: 'Bearer sk-examples' }
const ok = { model: 'gpt-image-2', prompt: 'a cat', size: '1024x1024' }

type Example = { value?: unknown }
const responses = (
  parseYaml(readFileSync(specPath('openai'), 'utf8')) as {
    components: {
      responses: Record<
        string,
        { content: Record<string, { examples?: Record<string, Example>; example?: unknown }> }
      >
    }
  }
).components.responses
const example = (response: string, name?: string): unknown => {
  const content = responses[response]!.content['application/json']!
  return name === undefined ? content.example : content.examples![name]!.value
}

/** The documented example, and how to make the emulator answer it. */
const CASES: [string, unknown, RequestInit][] = [
  [
    'responseFormat',
    example('BadRequest', 'responseFormat'),
    jsonRequest({ ...ok, response_format: 'b64_json' }, KEY),
  ],
  [
    'invalidSize',
    example('BadRequest', 'invalidSize'),
    jsonRequest({ ...ok, size: '1666x2514' }, KEY),
  ],
  [
    'moderation',
    example('BadRequest', 'moderation'),
    jsonRequest(ok, { ...KEY, 'x-emulator-error': 'moderation_blocked' }),
  ],
  ['missingKey', example('Unauthorized', 'missingKey'), jsonRequest(ok)],
  [
    'invalidKey',
    example('Unauthorized', 'invalidKey'),
    jsonRequest(ok, { ...KEY, 'x-emulator-error': 'invalid_api_key' }),
  ],
  [
    'region',
    example('Forbidden', 'region'),
    jsonRequest(ok, { ...KEY, 'x-emulator-error': 'unsupported_country_region_territory' }),
  ],
  [
    'unverifiedOrganization',
    example('Forbidden', 'unverifiedOrganization'),
    jsonRequest(ok, { ...KEY, 'x-emulator-error': 'organization_not_verified' }),
  ],
  [
    'rateLimit',
    example('RateLimited', 'rateLimit'),
    jsonRequest(ok, { ...KEY, 'x-emulator-error': 'rate_limit_exceeded' }),
  ],
  [
    'insufficientQuota',
    example('RateLimited', 'insufficientQuota'),
    jsonRequest(ok, { ...KEY, 'x-emulator-error': 'insufficient_quota' }),
  ],
  [
    'InternalError',
    example('InternalError'),
    jsonRequest(ok, { ...KEY, 'x-emulator-error': 'server_error' }),
  ],
]

describe("openai answers the spec's error examples word for word", () => {
  it.each(CASES)('%s', async (_name, documented, init) => {
    const response = await fetch(server.url + PATH, init)
    const text = await response.text()
    await spec.check('POST', PATH, response, text)
    expect(documented).toBeDefined()
    expect(JSON.parse(text)).toEqual(documented)
  })
})
