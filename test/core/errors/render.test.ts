// Proves the error renderer: refusals, the failure table, retry-after, headers, internal errors.
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createErrorRenderer,
  refusalReason,
  retryAfterHeaders,
} from '../../../src/core/errors/render.js'
import { EmulatorError } from '../../../src/core/errors/emulator-error.js'
import { Failure, Refusal } from '../../../src/core/errors/failure.js'
import type {
  ErrorCatalogue,
  Envelope,
  FailureTable,
  ProviderErrors,
} from '../../../src/core/errors/catalogue.js'

const catalogue: ErrorCatalogue = {
  rate_limited: {
    status: 429,
    code: 'rate_limit_exceeded',
    type: 'requests',
    message: 'Slow down.',
    retryAfter: true,
    headers: { 'x-ratelimit-limit': '10', 'retry-after-ms': '999999' },
  },
  bad_request: {
    status: 400,
    code: 'invalid_request',
    type: 'invalid_request_error',
    message: 'Bad request.',
    headers: { 'x-entry': 'entry' },
    extra: { hint: 'read the docs', tier: 1 },
  },
  no_credits: { status: 402, code: 'insufficient_quota', message: 'Top up.' },
  server_error: { status: 500, code: 'server_error', message: 'Something broke.' },
}

/** A provider envelope that shows everything it was given. */
const envelope: Envelope = (entry, detail) => ({
  error: {
    code: entry.code,
    type: entry.type ?? null,
    message: entry.message,
    param: detail.param ?? null,
    detail_code: detail.code ?? null,
    ...entry.extra,
  },
})

const failures: FailureTable = {
  malformed_body: 'bad_request',
  body_too_large: { entry: 'bad_request', status: 413 },
  invalid_request: { entry: 'bad_request' },
  missing_api_key: { status: 401, code: 'missing_key', type: 'auth' },
  invalid_api_key: { status: 401, code: 'invalid_key' },
  ip_not_allowed: { entry: 'bad_request', status: 403, headers: { 'x-entry': 'table' } },
  rate_limited: 'rate_limited',
  insufficient_credits: 'no_credits',
  spend_limit_exceeded: { entry: 'no_credits', message: (m) => `Validation Error: ${m}` },
  task_not_found: { code: 'not_found', status: 404 },
  content_rejected: { entry: 'bad_request', extra: { moderation: true } },
  route_not_found: {},
  unavailable: { entry: 'server_error', status: 503 },
  internal: 'server_error',
}

const errors: ProviderErrors = { catalogue, failures, envelope }
const renderer = createErrorRenderer(errors, { retryAfterSeconds: 1.5 })

afterEach(() => {
  vi.restoreAllMocks()
})

describe('createErrorRenderer', () => {
  it("names the catalogue's entries", () => {
    expect(renderer.names).toEqual(['rate_limited', 'bad_request', 'no_credits', 'server_error'])
  })

  it("renders the emulator's own refusal in the emulator envelope, without headers", () => {
    const err = new EmulatorError(400, 'invalid_header', 'Bad header.', {
      field: 'X-Emulator-Seed',
    })
    expect(renderer.render(err)).toEqual({
      status: 400,
      body: {
        emulator_error: {
          code: 'invalid_header',
          message: 'Bad header.',
          field: 'X-Emulator-Seed',
        },
      },
      headers: {},
      reason: 'invalid_header: Bad header.',
    })
  })

  it("renders a Refusal's catalogue entry through the provider's envelope", () => {
    expect(renderer.render(new Refusal('bad_request'))).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid_request',
          type: 'invalid_request_error',
          message: 'Bad request.',
          param: null,
          detail_code: null,
          hint: 'read the docs',
          tier: 1,
        },
      },
      headers: { 'x-entry': 'entry' },
      reason: 'bad_request: Bad request.',
    })
  })

  it("renders a Refusal overriding the entry's message, headers and extra fields", () => {
    const refusal = new Refusal('bad_request', {
      message: "Model 'dall-e' is not supported.",
      headers: { 'x-entry': 'override', 'x-more': '1' },
      extra: { tier: 2, category: 'model' },
    })
    expect(renderer.render(refusal)).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid_request',
          type: 'invalid_request_error',
          message: "Model 'dall-e' is not supported.",
          param: null,
          detail_code: null,
          hint: 'read the docs',
          tier: 2,
          category: 'model',
        },
      },
      headers: { 'x-entry': 'override', 'x-more': '1' },
      reason: "bad_request: Model 'dall-e' is not supported.",
    })
  })

  it('renders a failure mapped to a bare entry name as that entry, with its own message', () => {
    const failure = new Failure('malformed_body', 'Unexpected token } in JSON.', {
      param: 'body',
      code: 'invalid_json',
    })
    const { status, body } = renderer.render(failure)
    expect(status).toBe(400)
    expect(body).toMatchObject({
      error: {
        code: 'invalid_request',
        message: 'Bad request.',
        param: 'body',
        detail_code: 'invalid_json',
      },
    })
  })

  it("renders a failure mapped to an entry with a status in it, in the failure's words", () => {
    const { status, body, headers } = renderer.render(
      new Failure('body_too_large', 'The body is over 1 MB.'),
    )
    expect(status).toBe(413)
    expect(body).toMatchObject({
      error: {
        code: 'invalid_request',
        type: 'invalid_request_error',
        message: 'The body is over 1 MB.',
        hint: 'read the docs',
      },
    })
    expect(headers).toEqual({ 'x-entry': 'entry' })
  })

  it("words the failure's sentence with the table's message function", () => {
    const { status, body } = renderer.render(
      new Failure('spend_limit_exceeded', 'The hourly spend limit is reached.'),
    )
    expect(status).toBe(402)
    expect(body).toMatchObject({
      error: {
        code: 'insufficient_quota',
        message: 'Validation Error: The hourly spend limit is reached.',
      },
    })
  })

  it("replaces the entry's fields with the table's, and its headers and extra wholesale", () => {
    expect(renderer.render(new Failure('ip_not_allowed', 'Not from here.'))).toMatchObject({
      status: 403,
      headers: { 'x-entry': 'table' },
    })
    const { body } = renderer.render(new Failure('content_rejected', 'Rejected.'))
    expect(body).toEqual({
      error: {
        code: 'invalid_request',
        type: 'invalid_request_error',
        message: 'Rejected.',
        param: null,
        detail_code: null,
        moderation: true,
      },
    })
  })

  it('renders a failure mapped to no entry as a 500 with a null code unless the table says', () => {
    expect(renderer.render(new Failure('route_not_found', 'Invalid URL (GET /x)'))).toEqual({
      status: 500,
      body: {
        error: {
          code: null,
          type: null,
          message: 'Invalid URL (GET /x)',
          param: null,
          detail_code: null,
        },
      },
      headers: {},
      reason: 'route_not_found: Invalid URL (GET /x)',
    })
    expect(renderer.render(new Failure('task_not_found', "No task 't1'."))).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', message: "No task 't1'." } },
    })
  })

  it('sends retry-after headers for a retryAfter entry, the entry headers winning', () => {
    expect(renderer.render(new Failure('rate_limited', 'Too many requests.')).headers).toEqual({
      'retry-after': '2',
      'retry-after-ms': '999999',
      'x-ratelimit-limit': '10',
    })
    expect(renderer.render(new Refusal('rate_limited')).status).toBe(429)
    expect(renderer.render(new Refusal('rate_limited')).headers['retry-after']).toBe('2')
    expect(renderer.render(new Refusal('no_credits')).headers).toEqual({})
  })

  it("lets a failure's detail headers win over the entry's and retry-after", () => {
    const failure = new Failure('rate_limited', 'Too many requests.', {
      headers: { 'retry-after': '7', 'x-ratelimit-limit': '3', 'x-ratelimit-remaining': '0' },
    })
    expect(renderer.render(failure).headers).toEqual({
      'retry-after': '7',
      'retry-after-ms': '999999',
      'x-ratelimit-limit': '3',
      'x-ratelimit-remaining': '0',
    })
  })

  it("renders an unknown error as the table's 'internal' answer, logging it", () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const bug = new TypeError('undefined is not a function')
    expect(renderer.render(bug)).toEqual({
      status: 500,
      body: {
        error: {
          code: 'server_error',
          type: null,
          message: 'Something broke.',
          param: null,
          detail_code: null,
        },
      },
      headers: {},
      // The failure's own sentence, not the entry's: the log names what happened.
      reason: 'internal: The server had an error while processing your request.',
    })
    expect(log).toHaveBeenCalledWith('[gpt-image-emulator] unexpected error:', bug)
  })

  it("speaks the internal failure's sentence when the table maps internal to an object", () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const other = createErrorRenderer(
      { ...errors, failures: { ...failures, internal: { entry: 'server_error' } } },
      { retryAfterSeconds: 1 },
    )
    expect(other.render('a thrown string')).toMatchObject({
      status: 500,
      body: {
        error: {
          code: 'server_error',
          message: 'The server had an error while processing your request.',
        },
      },
    })
  })
})

describe('retryAfterHeaders', () => {
  it('rounds seconds up for retry-after and gives milliseconds for retry-after-ms', () => {
    expect(retryAfterHeaders(1.2)).toEqual({ 'retry-after': '2', 'retry-after-ms': '1200' })
    expect(retryAfterHeaders(3)).toEqual({ 'retry-after': '3', 'retry-after-ms': '3000' })
    expect(retryAfterHeaders(0.0004)).toEqual({ 'retry-after': '1', 'retry-after-ms': '0' })
  })

  it('gives the reason in one short phrase, cutting a long sentence', () => {
    expect(refusalReason('invalid_request', 'x'.repeat(300))).toBe(
      `invalid_request: ${'x'.repeat(97)}...`,
    )
    expect(
      renderer.render(new Failure('missing_api_key', 'Missing API key: send it in the X header.'))
        .reason,
    ).toBe('missing_api_key: Missing API key: send it in the X header.')
  })
})
