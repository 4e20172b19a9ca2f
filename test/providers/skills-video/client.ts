/**
 * A small skills.video client for the tests: every response is checked against
 * specs/skills-video.openapi.yaml, and webhook bodies against its WebhookEvent schema.
 */
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { jsonRequest } from '../../support/emulator.js'
import { sseData, type SpecValidator } from '../../support/spec-validator.js'
import { specPath } from '../../../src/specs.js'

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void

export const MOUNT = '/skills-video'
export const CREATE = '/api/v1/generation/openai/gpt-image-2'
export const CREATE_SSE = '/api/v1/generation/sse/openai/gpt-image-2'
export const KEY = 'sv-test-key'

export type Headers = Record<string, string>
export type Part = [name: string, value: string | Buffer, filename?: string]

export interface Answer {
  status: number
  headers: globalThis.Headers
  text: string
  json: any
}

export function createClient(server: { readonly url: string }, spec: SpecValidator) {
  let namespaces = 0

  async function answer(method: 'GET' | 'POST', path: string, response: Response): Promise<Answer> {
    const text = await response.text()
    await spec.check(method, MOUNT + path, response, text)
    const json = (response.headers.get('content-type') ?? '').startsWith('application/json')
      ? JSON.parse(text)
      : undefined
    return { status: response.status, headers: response.headers, text, json }
  }

  const client = {
    /**
     * Fresh headers in a namespace of their own, so credits, tasks and endpoints never leak
     * between tests.
     */
    headers: (extra: Headers = {}): Headers => ({
      authorization: `Bearer ${KEY}`,
      'x-emulator-namespace': `sv${++namespaces}`,
      ...extra,
    }),

    async call(
      method: 'GET' | 'POST',
      path: string,
      headers: Headers,
      body?: unknown,
    ): Promise<Answer> {
      const init = body === undefined ? { method, headers } : jsonRequest(body, headers)
      return answer(method, path, await fetch(server.url + MOUNT + path, init))
    },

    async form(path: string, headers: Headers, parts: Part[]): Promise<Answer> {
      const form = new FormData()
      for (const [name, value, filename] of parts) {
        if (typeof value === 'string') form.append(name, value)
        else form.append(name, new Blob([new Uint8Array(value)]), filename ?? 'upload.png')
      }
      return answer(
        'POST',
        path,
        await fetch(server.url + MOUNT + path, { method: 'POST', headers, body: form }),
      )
    },

    create: (headers: Headers, body: Record<string, unknown>) =>
      client.call('POST', CREATE, headers, body),
    get: (headers: Headers, id: string) => client.call('GET', `/api/v1/generation/${id}`, headers),
    credits: async (headers: Headers) =>
      (await client.call('GET', '/api/v1/credits', headers)).json,

    /** A whole SSE answer: the frames' JSON, the raw text and the response. */
    async stream(
      headers: Headers,
      body: Record<string, unknown>,
    ): Promise<Answer & { frames: any[] }> {
      const result = await client.call('POST', CREATE_SSE, headers, body)
      return {
        ...result,
        frames: result.json ? [] : sseData(result.text).map((data) => JSON.parse(data)),
      }
    },

    /** Adds a webhook endpoint in the namespace of `headers`, as the dashboard would. */
    async addEndpoint(
      headers: Headers,
      url: string,
      events?: string[],
    ): Promise<{ id: string; secret: string }> {
      const response = await fetch(
        `${server.url}/__emulator/webhooks`,
        jsonRequest({ url, ...(events && { events }) }, headers),
      )
      if (response.status !== 201)
        throw new Error(
          `adding a webhook endpoint answered ${response.status}: ${await response.text()}`,
        )
      return (await response.json()) as { id: string; secret: string }
    },

    async deliveries(headers: Headers, taskId: string): Promise<any[]> {
      const response = await fetch(`${server.url}/__emulator/deliveries?task_id=${taskId}`, {
        headers,
      })
      return ((await response.json()) as { deliveries: any[] }).deliveries
    },
  }
  return client
}

/** The bytes behind an output URL: an emulator `/files/` link or a sync_mode data URI. */
export async function download(
  url: string,
): Promise<{ bytes: Buffer; contentType: string | null }> {
  const dataUri = /^data:([^;]+);base64,(.*)$/.exec(url)
  if (dataUri) return { bytes: Buffer.from(dataUri[2]!, 'base64'), contentType: dataUri[1]! }
  const response = await fetch(url)
  return {
    bytes: Buffer.from(await response.arrayBuffer()),
    contentType: response.headers.get('content-type'),
  }
}

/** Throws unless `body` is a WebhookEvent as the spec's `webhooks` section describes it. */
export function createWebhookBodyCheck(): (body: unknown) => void {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema(parseYaml(readFileSync(specPath('skills-video'), 'utf8')) as object, 'skills-video')
  const validate = ajv.compile({ $ref: 'skills-video#/components/schemas/WebhookEvent' })
  return (body) => {
    if (!validate(body))
      throw new Error(
        'webhook body does not match the spec: ' +
          JSON.stringify(validate.errors, null, 1).slice(0, 1500),
      )
  }
}
