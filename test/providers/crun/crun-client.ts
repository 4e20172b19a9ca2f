/**
 * A small CRUN client for the tests: every response is checked against specs/crun.openapi.yaml, and
 * each call to `headers()` opens a fresh namespace so credits and tasks never leak between tests.
 */
import { jsonRequest } from '../../support/emulator.js'
import { pollUntil } from '../../support/poll.js'
import type { SpecValidator } from '../../support/spec-validator.js'

export const KEY = 'ak_0123456789abcdef0123456789abcdef'
export const CREATE = '/api/v1/client/job/CreateTask'
export const TASK_INFO = '/api/v1/client/job/TaskInfo'
export const BALANCE = '/api/v1/client/account/balance'

export interface Answer {
  status: number
  headers: Headers
  json: any
}

let namespaceCounter = 0

export function crunClient(server: { readonly url: string }, spec: SpecValidator, prefix = 'crun') {
  function headers(extra: Record<string, string> = {}): Record<string, string> {
    return { 'x-api-key': KEY, 'x-emulator-namespace': `${prefix}${++namespaceCounter}`, ...extra }
  }

  async function call(
    method: 'GET' | 'POST',
    path: string,
    h: Record<string, string>,
    body?: unknown,
  ): Promise<Answer> {
    const init = body === undefined ? { method, headers: h } : jsonRequest(body, h)
    const response = await fetch(server.url + '/crun' + path, init)
    const text = await response.text()
    await spec.check(method, '/crun' + path, response, text)
    return { status: response.status, headers: response.headers, json: JSON.parse(text) }
  }

  const create = (
    h: Record<string, string>,
    model: string,
    input: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) => call('POST', CREATE, h, { model, input, ...extra })
  const taskInfo = (h: Record<string, string>, id: string) =>
    call('GET', `${TASK_INFO}?task_id=${encodeURIComponent(id)}`, h)
  const balance = (h: Record<string, string>) =>
    call('GET', BALANCE, h).then((r) => r.json.data.balance as number)

  /** Every distinct TaskInfo `data` seen until the task reaches success or failed. */
  const untilDone = (h: Record<string, string>, id: string) =>
    pollUntil(
      () => taskInfo(h, id).then((r) => r.json.data),
      (data) => data.status === 'success' || data.status === 'failed',
      { intervalMs: 15 },
    )

  /** Creates a task and waits for its final `data`. */
  async function run(
    h: Record<string, string>,
    model: string,
    input: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) {
    const created = await create(h, model, input, extra)
    if (created.json.code !== 200)
      throw new Error(`create refused: ${JSON.stringify(created.json)}`)
    return (await untilDone(h, created.json.data.task_id)).at(-1)
  }

  return { headers, call, create, taskInfo, balance, untilDone, run }
}

/** Downloads an image URL: its content type and bytes. */
export async function download(
  url: string,
): Promise<{ contentType: string | null; bytes: Buffer }> {
  const response = await fetch(url)
  return {
    contentType: response.headers.get('content-type'),
    bytes: Buffer.from(await response.arrayBuffer()),
  }
}
