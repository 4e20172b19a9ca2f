/**
 * Request arbitraries for the fuzz suite: per route, a valid request (built from the specs in
 * specs/*.openapi.yaml) and the ways to break it: wrong types, missing and extra fields, odd field
 * names, huge strings, deep nesting, the wrong content type, malformed JSON and multipart, bad
 * `X-Emulator-*` values, unknown ids and bad keys in each provider's auth style.
 *
 * Cases are plain data, so fast-check can shrink them and print them. A few values are markers
 * the harness expands when it sends the case (see harness.ts):
 * - `\u0000HUGE:<n>` in a JSON value: a string of n characters;
 * - `\u0000DEEP:<n>:<obj|arr>` in a JSON value: n levels of nesting;
 * - `{task}`, `{task:foreign}`, `{task:cp}`, `{webhook}`, `{fault}` in a path: ids of tasks,
 *   endpoints and rules the harness seeded;
 * - `@error:<n>` as X-Emulator-Error: the provider's nth catalogue entry below 500.
 */
import fc from 'fast-check'

export const FUZZ_KEY = 'sk-fuzz-key'
export const CRUN_KEY = 'ak_fuzz0000000000000000000000000000'
/** Namespaces of provider requests (tasks are seeded in the first) and of control-plane calls. */
export const PROVIDER_NAMESPACES = ['pv-1', 'pv-2'] as const
export const CONTROL_NAMESPACES = ['cp-1', 'cp-2'] as const
/** A callback URL nobody listens on: delivery fails at once and is not retried (harness). */
export const DEAD_CALLBACK = 'http://127.0.0.1:9/callback'

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

export type FormValue = string | { file: 'png' | 'garbage' | 'empty'; name: string; type: string }

export type Body =
  | { kind: 'json'; value: Json }
  | { kind: 'text'; text: string }
  | { kind: 'multipart'; fields: [string, FormValue][] }
  | { kind: 'deep'; depth: number; shape: 'obj' | 'arr' }
  | { kind: 'huge'; length: number }

export type Auth =
  | { kind: 'valid' }
  | { kind: 'key'; key: string }
  | { kind: 'raw'; headers: Record<string, string> }

export interface FuzzCase {
  /** `gptproto POST /v1/images/generations`, for reports. */
  route: string
  provider: string
  method: string
  path: string
  auth: Auth
  body: Body | null
  /** The content-type label: 'natural' for the body's own, null for none. */
  contentType: string | null
  namespace: string | null
  steering: [string, string][]
}

// ---------------------------------------------------------------- values

/** URL-encodes, a lone surrogate as the raw bytes a client could still send. */
function enc(text: string): string {
  try {
    return encodeURIComponent(text)
  } catch {
    return '%ED%A0%80'
  }
}

const ODD_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  ' ',
  'MODEL',
  'prompt ',
  'a.b',
  '$ref',
  '\u0000',
  '\u202e',
  'x'.repeat(300),
] as const

const ODD_STRINGS = [
  '',
  ' ',
  'auto',
  '0',
  '-1',
  'NaN',
  'null',
  'true',
  '1024x1024',
  '1024X1024',
  '0x0',
  '16x16',
  '99999x99999',
  '1024x1024x1024',
  '1:0',
  '0:1',
  '16:9',
  '1k',
  '4K',
  'gpt-image-2',
  'dall-e-3',
  'openai/gpt-image-2-premium',
  'http://127.0.0.1:9/x',
  'https://example.com/a.png',
  'ftp://example.com/a.png',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'data:image/png;base64,iVBORw0KGgo=',
  'unsafe-content',
  '\u0000',
  '\ud800',
  '😀'.repeat(50),
  '%s%n%x',
  '${7*7}',
  '<script>',
  '__proto__',
] as const

const ODD_NUMBERS = [0, -0, -1, 1, 1.5, 2, 4, 10, 11, 17, 1e308, -1e308, 2 ** 53, 1e-9] as const

const scalar: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(...ODD_STRINGS),
  fc.constantFrom<Json>(...ODD_NUMBERS),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
)

/** A value of any JSON type, small, with the odd strings and numbers weighted in. */
export const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  { withCrossShrink: true },
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...ODD_NAMES, 'a', 'prompt'), scalar) },
  { weight: 1, arbitrary: fc.constantFrom(100_000, 1_100_000).map((n) => `\u0000HUGE:${n}`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(50, 5_000, 100_000), fc.constantFrom('obj', 'arr'))
      .map(([n, shape]) => `\u0000DEEP:${n}:${shape}`),
  },
)

// ---------------------------------------------------------------- JSON bodies

type Mutation =
  | { op: 'set'; path: string[]; value: Json }
  | { op: 'delete'; path: string[] }
  | { op: 'replace-root'; value: Json }

/** Every key path of a valid body, down to depth 2 (`input.prompt`). */
function keyPaths(value: Json, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return []
  return Object.entries(value).flatMap(([k, v]) => [
    [...prefix, k],
    ...(prefix.length < 1 ? keyPaths(v, [...prefix, k]) : []),
  ])
}

function mutationOf(valid: Json): fc.Arbitrary<Mutation> {
  const paths = keyPaths(valid)
  const parents: string[][] = [[], ...paths.filter((p) => p.length === 1)]
  const existing = fc.constantFrom(...paths)
  const fresh = fc
    .tuple(fc.constantFrom(...parents), fc.oneof(fc.constantFrom(...ODD_NAMES), fc.string()))
    .map(([parent, name]) => [...parent, name])
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({ op: fc.constant('set' as const), path: existing, value: wrongValue }),
    },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), path: existing }) },
    {
      weight: 3,
      arbitrary: fc.record({ op: fc.constant('set' as const), path: fresh, value: wrongValue }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('replace-root' as const), value: wrongValue }),
    },
  )
}

/** Sets `path` in a deep copy of `value`, own property even for `__proto__`. */
export function applyMutations(valid: Json, mutations: readonly Mutation[]): Json {
  let root: Json = structuredClone(valid)
  for (const m of mutations) {
    if (m.op === 'replace-root') {
      root = m.value
      continue
    }
    let node: Json = root
    for (const step of m.path.slice(0, -1)) {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) break
      node = Object.hasOwn(node, step) ? node[step]! : null
    }
    if (node === null || typeof node !== 'object' || Array.isArray(node)) continue
    const last = m.path[m.path.length - 1]!
    if (m.op === 'delete') Reflect.deleteProperty(node, last)
    else
      Object.defineProperty(node, last, {
        value: m.value,
        enumerable: true,
        writable: true,
        configurable: true,
      })
  }
  return root
}

const MALFORMED_JSON = [
  '{',
  '}',
  '{"model": "gpt-image-2",}',
  '{"prompt": "a cat"',
  "{'prompt': 'a cat'}",
  '{"prompt": "\\ud800"}',
  '{"prompt": "a\u0000cat"}',
  '{"__proto__": {"polluted": true}, "prompt": "a cat"}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"prompt": NaN}',
  '{"n": 1e999}',
  '[]',
  '[{}]',
  '"a string"',
  '42',
  'null',
  'true',
  '',
  ' ',
  '\u0000\u0001\u00ff',
  '\ufeff{"prompt":"bom"}',
  'prompt=a+cat&model=gpt-image-2',
  '--x\r\nContent-Disposition: form-data; name="prompt"\r\n\r\na cat\r\n--x--\r\n',
] as const

function jsonBody(valid: Json): fc.Arbitrary<Body> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 2, arbitrary: fc.constant<Body>({ kind: 'json', value: valid }) },
    {
      weight: 10,
      arbitrary: fc
        .array(mutationOf(valid), { minLength: 1, maxLength: 3 })
        .map((ms): Body => ({ kind: 'json', value: applyMutations(valid, ms) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(fc.constantFrom(...MALFORMED_JSON), fc.string({ maxLength: 40 }))
        .map((text): Body => ({ kind: 'text', text })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({
          depth: fc.constantFrom(100, 5_000, 20_000, 100_000),
          shape: fc.constantFrom('obj', 'arr'),
        })
        .map((d): Body => ({ kind: 'deep', ...d })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(1_100_000, 3_000_000)
        .map((length): Body => ({ kind: 'huge', length })),
    },
  )
}

// ---------------------------------------------------------------- multipart bodies

const PNG_FILE: FormValue = { file: 'png', name: 'image.png', type: 'image/png' }

function multipartBody(valid: [string, FormValue][]): fc.Arbitrary<Body> {
  const names = valid.map(([name]) => name)
  const value: fc.Arbitrary<FormValue> = fc.oneof(
    { withCrossShrink: true },
    { weight: 4, arbitrary: fc.constantFrom<FormValue>(...ODD_STRINGS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    {
      weight: 2,
      arbitrary: fc.record({
        file: fc.constantFrom('png' as const, 'garbage' as const, 'empty' as const),
        name: fc.constantFrom('image.png', '', '../../etc/passwd', 'a.txt', '__proto__'),
        type: fc.constantFrom('image/png', 'text/plain', '', 'application/json', 'image/webp'),
      }),
    },
  )
  const edit = fc.oneof(
    fc.record({ op: fc.constant('set' as const), name: fc.constantFrom(...names), value }),
    fc.record({ op: fc.constant('drop' as const), name: fc.constantFrom(...names) }),
    fc.record({
      op: fc.constant('add' as const),
      name: fc.oneof(fc.constantFrom(...ODD_NAMES, ...names, 'image[]', 'mask'), fc.string()),
      value,
    }),
  )
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 1, arbitrary: fc.constant<Body>({ kind: 'multipart', fields: valid }) },
    {
      weight: 5,
      arbitrary: fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits): Body => {
        let fields = [...valid]
        for (const e of edits) {
          if (e.op === 'drop') fields = fields.filter(([n]) => n !== e.name)
          else if (e.op === 'set')
            fields = fields.map(([n, v]): [string, FormValue] => [n, n === e.name ? e.value : v])
          else fields.push([e.name, e.value])
        }
        return { kind: 'multipart', fields }
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '--zzz\r\nContent-Disposition: form-data; name="prompt"\r\n\r\na cat',
          '--zzz\r\nContent-Disposition: form-data; name="prompt"\r\n\r\na cat\r\n--zzz--',
          '--other\r\nContent-Disposition: form-data; name="prompt"\r\n\r\na\r\n--other--\r\n',
          '--zzz\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--zzz--\r\n',
          '--zzz\r\n\r\n\r\n--zzz--\r\n',
          '--zzz--\r\n',
          '',
          '{"prompt":"a cat"}',
        )
        .map((text): Body => ({ kind: 'text', text })),
    },
  )
}

// ---------------------------------------------------------------- the rest of a request

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/plain',
  'multipart/form-data',
  'multipart/form-data; boundary=zzz',
  'multipart/form-data; boundary=',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  ';;;',
] as const

const contentType: fc.Arbitrary<string | null> = fc.oneof(
  { withCrossShrink: true },
  { weight: 6, arbitrary: fc.constant('natural') },
  { weight: 3, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
  { weight: 1, arbitrary: fc.constant(null) },
)

/** Header-safe strings: printable Latin-1 without line breaks or NUL. */
const headerText = (maxLength: number) =>
  fc.string({
    unit: fc.oneof(
      {
        weight: 9,
        arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      },
      {
        weight: 1,
        arbitrary: fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)),
      },
    ),
    maxLength,
  })

const ODD_KEYS = [
  'no-sk-prefix',
  'sk-',
  '__proto__',
  'constructor',
  'sk-__proto__',
  'sk-../../etc/passwd',
  'sk-%00',
  'ak_',
  'sk-\u00e9\u00ff',
  'sk-' + 'k'.repeat(10_000),
] as const

const RAW_AUTH: Record<string, string>[] = [
  {},
  { authorization: '' },
  { authorization: ' ' },
  { authorization: 'Bearer' },
  { authorization: 'Bearer ' },
  { authorization: 'Bearer two words' },
  { authorization: 'Basic dXNlcjpwYXNz' },
  { authorization: 'bearer sk-lower' },
  { authorization: 'Key sk-fal-style' },
  { authorization: `Bearer ${FUZZ_KEY}`, 'x-api-key': '' },
  { 'x-api-key': '' },
  { 'x-api-key': ' ' },
  { 'x-api-key': 'Bearer ak_x' },
  { 'X-API-KEY': CRUN_KEY },
  { 'api-key': FUZZ_KEY },
]

const auth: fc.Arbitrary<Auth> = fc.oneof(
  { withCrossShrink: true },
  { weight: 8, arbitrary: fc.constant<Auth>({ kind: 'valid' }) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(fc.constantFrom(...ODD_KEYS), headerText(30))
      .map((key): Auth => ({ kind: 'key', key })),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...RAW_AUTH).map((headers): Auth => ({ kind: 'raw', headers })),
  },
)

const STEERING_GOOD: [string, string][] = [
  ['x-emulator-seed', 'fuzz-seed'],
  ['x-emulator-timing', 'instant'],
  ['x-emulator-timing', 'queue=0;run=0'],
  ['x-emulator-latency', '0'],
  ['x-emulator-latency', '0-1'],
  ['x-emulator-fault', 'callback-duplicate'],
  ['x-emulator-fault', 'callback-fail:1'],
  ['x-emulator-fault', 'task-fail:queued'],
  ['x-emulator-fault', 'task-fail:running:boom'],
  ['x-emulator-fault', 'callback-out-of-order, callback-duplicate'],
]

const STEERING_BAD: [string, string][] = [
  ['x-emulator-timing', 'bogus'],
  ['x-emulator-timing', 'queue=-1;run=0'],
  ['x-emulator-timing', 'queue=99999999;run=0'],
  ['x-emulator-timing', ''],
  ['x-emulator-seed', ''],
  ['x-emulator-seed', ' '],
  ['x-emulator-seed', 's'.repeat(201)],
  ['x-emulator-latency', 'soon'],
  ['x-emulator-latency', '5-1'],
  ['x-emulator-latency', '60001'],
  ['x-emulator-latency', '-1'],
  ['x-emulator-fault', 'explode'],
  ['x-emulator-fault', ''],
  ['x-emulator-fault', ','],
  ['x-emulator-fault', 'callback-fail:0'],
  ['x-emulator-fault', 'callback-fail:21'],
  ['x-emulator-fault', 'stream-cut:x'],
  ['x-emulator-fault', 'task-fail:later'],
  ['x-emulator-fault', '__proto__'],
  ['x-emulator-error', 'no_such_entry'],
  ['x-emulator-error', '__proto__'],
  ['x-emulator-error', 'constructor'],
  ['x-emulator-error', 'toString'],
  ['x-emulator-error', ''],
  ['x-emulator-colour', 'blue'],
  ['x-emulator-', 'x'],
  ['x-emulator-namespace', ''],
]

const steeringEntry: fc.Arbitrary<[string, string]> = fc.oneof(
  { withCrossShrink: true },
  { weight: 3, arbitrary: fc.constantFrom(...STEERING_GOOD) },
  {
    weight: 1,
    arbitrary: fc.nat(50).map((n): [string, string] => ['x-emulator-error', `@error:${n}`]),
  },
  { weight: 3, arbitrary: fc.constantFrom(...STEERING_BAD) },
  {
    weight: 2,
    // A prefix no valid value starts with, so a random string never asks for a long wait.
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          'x-emulator-timing',
          'x-emulator-latency',
          'x-emulator-fault',
          'x-emulator-error',
          'x-emulator-seed',
        ),
        headerText(20),
      )
      .map(([name, value]): [string, string] => [name, `z${value}`]),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({
        unit: fc.constantFrom('a', 'b', 'c', 'x', 'y', 'z', '-', '_', '0'),
        minLength: 1,
        maxLength: 8,
      })
      .map((suffix): [string, string] => [`x-emulator-${suffix}`, 'on']),
  },
)

const steering = fc.oneof(
  { withCrossShrink: true },
  { weight: 3, arbitrary: fc.constant<[string, string][]>([]) },
  { weight: 2, arbitrary: fc.array(steeringEntry, { minLength: 1, maxLength: 2 }) },
)

const BAD_NAMESPACES = ['../etc', 'not a namespace!', 'n'.repeat(65), '%2e%2e', 'ns/1', 'é']

function namespaceOf(valid: readonly string[], absentToo: boolean): fc.Arbitrary<string | null> {
  const choices: fc.WeightedArbitrary<string | null>[] = [
    { weight: 6, arbitrary: fc.constantFrom(...valid) },
    { weight: 1, arbitrary: fc.constantFrom(...BAD_NAMESPACES) },
  ]
  if (absentToo) choices.push({ weight: 3, arbitrary: fc.constant(null) })
  return fc.oneof(...choices)
}

const ID_SEGMENTS = [
  '{task}',
  '{task:foreign}',
  '00000000-0000-4000-8000-000000000000',
  'gen_0000000000000000',
  'does-not-exist',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '..',
  '%2e%2e',
  '%2F',
  '%00',
  '%ZZ',
  '%F0%9F%98%80',
  'x'.repeat(5_000),
  ' ',
] as const

export const idSegment: fc.Arbitrary<string> = fc.oneof(
  { withCrossShrink: true },
  { weight: 4, arbitrary: fc.constantFrom(...ID_SEGMENTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => enc(s) || 'x') },
)

const queryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom<string>(...ODD_STRINGS, '{task}', '1', '100', '101', '50', 'x'.repeat(5_000)),
  fc.string({ maxLength: 10 }),
)

/** `?a=..&b=..` from optional entries; the values URL-encoded, `{task}` left for the harness. */
function query(names: readonly string[]): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.constantFrom(...names, 'extra', '__proto__'), queryValue), { maxLength: 3 })
    .map((pairs) =>
      pairs.length === 0
        ? ''
        : '?' + pairs.map(([k, v]) => `${k}=${v === '{task}' ? v : enc(v)}`).join('&'),
    )
}

// ---------------------------------------------------------------- routes

interface RouteShape {
  method: string
  path: string
  body: Body | null
}

interface RouteDef {
  provider: string
  /** The route as documented, for reports. */
  template: string
  method: string
  shape: fc.Arbitrary<RouteShape>
}

const json = (provider: string, method: string, template: string, valid: Json): RouteDef => ({
  provider,
  template,
  method,
  shape: jsonBody(valid).map((body) => ({ method, path: template, body })),
})

const get = (provider: string, template: string, path: fc.Arbitrary<string>): RouteDef => ({
  provider,
  template,
  method: 'GET',
  shape: path.map((p) => ({ method: 'GET', path: p, body: null })),
})

const bodiless = (
  provider: string,
  method: string,
  template: string,
  path: fc.Arbitrary<string>,
) => ({
  provider,
  template,
  method,
  shape: path.map((p) => ({ method, path: p, body: null })),
})

const SKILLS_CREATE: Json = {
  prompt: 'a fuzzed cat',
  aspect_ratio: '1:1',
  resolution: '1K',
  quality: 'low',
  output_format: 'png',
  n: 1,
}
const SKILLS_FORM: [string, FormValue][] = [
  ['prompt', 'a fuzzed cat'],
  ['aspect_ratio', '1:1'],
  ['quality', 'low'],
  ['image_urls', PNG_FILE],
]
const OPENAI_GENERATE: Json = {
  model: 'gpt-image-2',
  prompt: 'a fuzzed dog',
  size: '1024x1024',
  quality: 'low',
  n: 1,
}
const OPENAI_EDIT: [string, FormValue][] = [
  ['model', 'gpt-image-2'],
  ['prompt', 'a fuzzed edit'],
  ['size', '1024x1024'],
  ['quality', 'low'],
  ['image[]', PNG_FILE],
]

function skillsCreate(template: string): RouteDef {
  return {
    provider: 'skills-video',
    template,
    method: 'POST',
    shape: fc
      .oneof({ weight: 3, arbitrary: jsonBody(SKILLS_CREATE) }, multipartBody(SKILLS_FORM))
      .map((body) => ({ method: 'POST', path: template, body })),
  }
}

function openaiRoutes(provider: 'gptproto' | 'openai'): RouteDef[] {
  return [
    json(provider, 'POST', '/v1/images/generations', OPENAI_GENERATE),
    {
      provider,
      template: '/v1/images/edits',
      method: 'POST',
      shape: fc
        .oneof({ weight: 4, arbitrary: multipartBody(OPENAI_EDIT) }, jsonBody(OPENAI_GENERATE))
        .map((body) => ({ method: 'POST', path: '/v1/images/edits', body })),
    },
  ]
}

const segment = fc.oneof(
  fc.constantFrom('openai', 'fal-ai', 'gpt-image-2', '__proto__', '%2e%2e', 'x'.repeat(300)),
  fc.string({ maxLength: 8 }).map((s) => enc(s) || 'x'),
)

export const PROVIDER_ROUTES: RouteDef[] = [
  skillsCreate('/api/v1/generation/openai/gpt-image-2'),
  skillsCreate('/api/v1/generation/sse/openai/gpt-image-2'),
  {
    provider: 'skills-video',
    template: '/api/v1/generation/{provider}/{model}',
    method: 'POST',
    shape: fc
      .tuple(fc.boolean(), segment, segment, jsonBody(SKILLS_CREATE))
      .map(([sse, p, m, body]) => ({
        method: 'POST',
        path: `/api/v1/generation/${sse ? 'sse/' : ''}${p}/${m}`,
        body,
      })),
  },
  get(
    'skills-video',
    '/api/v1/generation/{id}',
    idSegment.map((id) => `/api/v1/generation/${id}`),
  ),
  get(
    'skills-video',
    '/api/v1/generations/running',
    query(['limit', 'workspace']).map((q) => `/api/v1/generations/running${q}`),
  ),
  get('skills-video', '/api/v1/credits', fc.constant('/api/v1/credits')),
  json('oceanbase', 'POST', '/api/v1/images/generations', {
    model: 'gpt-image-2',
    prompt: 'a fuzzed apple',
    size: '1024x1024',
    n: 1,
  }),
  json('aivideoapi', 'POST', '/v1/images/generations', {
    model: 'gpt-image-2',
    callback_url: DEAD_CALLBACK,
    input: { prompt: 'a fuzzed poster', aspect_ratio: '1:1', resolution: '1k', nsfw_checker: true },
  }),
  get(
    'aivideoapi',
    '/v1/tasks/{taskId}',
    idSegment.map((id) => `/v1/tasks/${id}`),
  ),
  get('aivideoapi', '/v1/credits', fc.constant('/v1/credits')),
  json('crun', 'POST', '/api/v1/client/job/CreateTask', {
    model: 'openai/gpt-image-2-stable',
    callback_url: DEAD_CALLBACK,
    input: { prompt: 'a fuzzed lighthouse', quality: 'low', aspect_ratio: '1:1' },
  }),
  get(
    'crun',
    '/api/v1/client/job/TaskInfo',
    fc
      .oneof(
        query(['task_id']),
        idSegment.map((id) => `?task_id=${id}`),
      )
      .map((q) => `/api/v1/client/job/TaskInfo${q}`),
  ),
  get('crun', '/api/v1/client/account/balance', fc.constant('/api/v1/client/account/balance')),
  ...openaiRoutes('gptproto'),
  ...openaiRoutes('openai'),
]

const cpId = fc.oneof(
  { withCrossShrink: true },
  { weight: 3, arbitrary: fc.constantFrom('{task:cp}', '{task:foreign}') },
  { weight: 2, arbitrary: idSegment },
)

export const CONTROL_ROUTES: RouteDef[] = [
  get('emulator', '/__emulator/health', fc.constant('/__emulator/health')),
  get('emulator', '/__emulator/specs', fc.constant('/__emulator/specs')),
  get(
    'emulator',
    '/__emulator/specs/{file}',
    fc
      .oneof(fc.constantFrom('gptproto.openapi.yaml', '..%2Fpackage.json', 'emulator'), idSegment)
      .map((f) => `/__emulator/specs/${f}`),
  ),
  json('emulator', 'POST', '/__emulator/reset', { namespace: 'cp-2' }),
  get(
    'emulator',
    '/__emulator/journal',
    query(['provider', 'path', 'method', 'limit']).map((q) => `/__emulator/journal${q}`),
  ),
  bodiless('emulator', 'DELETE', '/__emulator/journal', fc.constant('/__emulator/journal')),
  get(
    'emulator',
    '/__emulator/tasks',
    query(['provider', 'state']).map((q) => `/__emulator/tasks${q}`),
  ),
  get(
    'emulator',
    '/__emulator/tasks/{id}',
    cpId.map((id) => `/__emulator/tasks/${id}`),
  ),
  bodiless(
    'emulator',
    'POST',
    '/__emulator/tasks/{id}/complete',
    cpId.map((id) => `/__emulator/tasks/${id}/complete`),
  ),
  {
    provider: 'emulator',
    template: '/__emulator/tasks/{id}/fail',
    method: 'POST',
    shape: fc
      .tuple(cpId, jsonBody({ code: 'upstream_error', message: 'fuzzed failure' }))
      .map(([id, body]) => ({ method: 'POST', path: `/__emulator/tasks/${id}/fail`, body })),
  },
  bodiless(
    'emulator',
    'POST',
    '/__emulator/tasks/{id}/cancel',
    cpId.map((id) => `/__emulator/tasks/${id}/cancel`),
  ),
  get('emulator', '/__emulator/keys', fc.constant('/__emulator/keys')),
  get(
    'emulator',
    '/__emulator/keys/{provider}/{key}',
    fc
      .tuple(fc.oneof(fc.constantFrom('gptproto', 'crun', 'nope', '__proto__'), segment), segment)
      .map(([p, k]) => `/__emulator/keys/${p}/${k}`),
  ),
  {
    provider: 'emulator',
    template: '/__emulator/keys/{provider}/{key}',
    method: 'PUT',
    shape: fc
      .tuple(
        fc.oneof(fc.constantFrom('gptproto', 'aivideoapi', 'nope', '__proto__'), segment),
        fc.oneof(fc.constant(FUZZ_KEY), segment),
        jsonBody({
          credits: { subscription: 10, permanent: 1 },
          disabled: false,
          ip_allowlist: ['127.0.0.1', '10.0.0.0/8'],
          spend_limits: { hourly: 20 },
          rate_limit: { capacity: 2, refill_per_second: 0.5 },
        }),
      )
      .map(([p, k, body]) => ({ method: 'PUT', path: `/__emulator/keys/${p}/${k}`, body })),
  },
  get('emulator', '/__emulator/faults', fc.constant('/__emulator/faults')),
  json('emulator', 'POST', '/__emulator/faults', {
    match: { provider: 'gptproto', method: 'POST', path: '/v1', key: 'k', prompt_contains: 'x' },
    error: 'rate_limit_exceeded',
    latency_ms: [0, 1],
    fault: 'callback-duplicate',
    probability: 0.5,
    times: 1,
  }),
  bodiless('emulator', 'DELETE', '/__emulator/faults', fc.constant('/__emulator/faults')),
  bodiless(
    'emulator',
    'DELETE',
    '/__emulator/faults/{id}',
    fc.oneof(fc.constant('{fault}'), idSegment).map((id) => `/__emulator/faults/${id}`),
  ),
  get('emulator', '/__emulator/webhooks', fc.constant('/__emulator/webhooks')),
  json('emulator', 'POST', '/__emulator/webhooks', {
    provider: 'skills-video',
    url: DEAD_CALLBACK,
    events: ['task.completed', 'task.failed'],
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  }),
  bodiless(
    'emulator',
    'DELETE',
    '/__emulator/webhooks/{id}',
    fc.oneof(fc.constant('{webhook}'), idSegment).map((id) => `/__emulator/webhooks/${id}`),
  ),
  get(
    'emulator',
    '/__emulator/deliveries',
    query(['task_id', 'provider']).map((q) => `/__emulator/deliveries${q}`),
  ),
  get('emulator', '/__emulator/docs', fc.constant('/__emulator/docs')),
  get(
    'emulator',
    '/__emulator/docs/{id}',
    fc.oneof(fc.constantFrom('crun', 'emulator'), idSegment).map((id) => `/__emulator/docs/${id}`),
  ),
  get(
    'emulator',
    '/files/{name}',
    fc
      .oneof(fc.constantFrom('0'.repeat(32) + '.png', 'x.png'), idSegment)
      .map((n) => `/files/${n}`),
  ),
]

const OTHER_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const

function caseOf(route: RouteDef): fc.Arbitrary<FuzzCase> {
  const control = route.provider === 'emulator'
  return fc
    .record({
      shape: route.shape,
      method: fc.oneof(
        { withCrossShrink: true },
        { weight: 12, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom(...OTHER_METHODS) },
      ),
      auth: control ? fc.constant<Auth>({ kind: 'raw', headers: {} }) : auth,
      contentType,
      namespace: control
        ? namespaceOf(CONTROL_NAMESPACES, false)
        : namespaceOf(PROVIDER_NAMESPACES, true),
      steering,
    })
    .map(({ shape, method, auth, contentType, namespace, steering }) => {
      const m = method ?? shape.method
      return {
        route: `${route.provider} ${route.method} ${route.template}`,
        provider: route.provider,
        method: m,
        path: control ? shape.path : `/${route.provider}${shape.path}`,
        auth,
        body: m === 'GET' ? null : shape.body,
        contentType,
        namespace,
        steering,
      }
    })
}

/** Any request the suite sends: one of the routes, provider routes weighted as they are more. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  ...PROVIDER_ROUTES.map((r) => ({ weight: r.method === 'POST' ? 6 : 3, arbitrary: caseOf(r) })),
  ...CONTROL_ROUTES.map((r) => ({ weight: r.method === 'GET' ? 1 : 2, arbitrary: caseOf(r) })),
)
