/**
 * The harness every provider's contract suite is written in: `contract(id)` gives a `describe`
 * and `case` that run against the chosen target (target.ts), a `call` that sends a request,
 * validates the answer against specs/<id>.openapi.yaml and compares it with the last recording,
 * and a drift report written when the suite ends.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { providerById, type ProviderId } from '../../src/providers/index.js'
import { createSpecValidator, sseData } from '../../test/support/spec-validator.js'
import { startReceiver, type Receiver } from '../../test/support/receiver.js'
import { openCassette, type HarEntry } from '../../src/traffic/cassette.js'
import { openBlobStore, internalizeBase64 } from '../../src/traffic/blobs.js'
import { canonicalRequest, replayKeyOf } from '../../src/traffic/identity.js'
import { volatileOf } from '../../src/traffic/hints.js'
import { redactJson } from '../../src/traffic/redact.js'
import { authShape } from '../../src/traffic/request-shape.js'
import { contractTarget, type Target } from './target.js'
import { differences, normalize } from './normalize.js'
import { writePart, type CaseResult } from './report.js'

export interface ContractRequest {
  method: 'GET' | 'POST'
  /** Path under the provider's base URL: `/v1/images/generations`. */
  path: string
  query?: Record<string, string>
  json?: unknown
  form?: FormData
  /** Replaces the provider's usual auth header (for auth failure cases); `{}` sends none. */
  auth?: Record<string, string>
}

export interface ContractResponse {
  status: number
  headers: Headers
  text: string
  json: any
  /** Parsed `data:` frames of a server-sent-events answer. */
  events: any[]
}

export type Call = (request: ContractRequest) => Promise<ContractResponse>

export interface CaseOptions {
  /** Costs money on a live provider: counted against CONTRACT_MAX_PAID_CALLS. */
  paid?: boolean
  /** Needs a callback receiver the provider can reach. */
  callbacks?: boolean
  /** Needs the emulator's control plane (webhook endpoints): emulator target only. */
  controlPlane?: boolean
  timeout?: number
}

export interface Contract {
  target: Target
  describe: (name: string, body: () => void) => void
  case: (
    name: string,
    options: CaseOptions,
    body: (call: Call, tools: CaseTools) => Promise<void>,
  ) => void
}

export interface CaseTools {
  /** A local receiver for callbacks, with the URL the provider should call. */
  receiver: () => Promise<Receiver & { callbackUrl: string }>
  /**
   * Polls `read` until `done`, returning every distinct answer: every 3 s for a remote provider
   * (live tasks can take minutes), every 20 ms on loopback (emulator, replay, a local recorder).
   */
  poll: (
    read: () => Promise<ContractResponse>,
    done: (r: ContractResponse) => boolean,
  ) => Promise<ContractResponse[]>
}

/** The provider's usual auth headers for `key`, as its descriptor's key scheme sends them. */
const AUTH = (provider: ProviderId, key: string): Record<string, string> =>
  providerById(provider)!.keyScheme.send(key)

export function contract(provider: ProviderId): Contract {
  const target = contractTarget(provider)
  const spec = createSpecValidator(provider)
  const results: CaseResult[] = []
  const recordings = loadRecordings(provider)
  let paidCalls = 0

  return {
    target,
    describe(name, body) {
      describe(`${name} [${target.kind}]`, () => {
        afterAll(() => writePart(target.kind, provider, results))
        body()
      })
    },
    case(name, options, body) {
      const skip =
        target.skip ??
        (options.callbacks && !target.callbacks.enabled
          ? 'no callback receiver the provider can reach (set CONTRACT_CALLBACK_URL)'
          : undefined) ??
        (options.controlPlane && target.kind !== 'emulator'
          ? 'needs the emulator control plane'
          : undefined)
      it(name, { timeout: options.timeout ?? (target.remote ? 600_000 : 20_000) }, async (ctx) => {
        const result: CaseResult = { name, outcome: 'skipped', spec: [], recording: null }
        results.push(result)
        if (skip) {
          result.note = skip
          return ctx.skip()
        }
        if (
          options.paid &&
          target.kind === 'live' &&
          !target.dryRun &&
          ++paidCalls > target.maxPaidCalls
        ) {
          result.note = `over CONTRACT_MAX_PAID_CALLS=${target.maxPaidCalls}`
          return ctx.skip()
        }
        const seen = new Map<string, number>()
        const call: Call = async (request) => {
          if (target.dryRun) {
            const payload = request.json
              ? JSON.stringify(request.json)
              : request.form
                ? '(multipart)'
                : ''
            console.log(
              `[dry run] ${provider} ${request.method} ${target.baseUrl}${request.path} ${payload}`,
            )
            result.note = 'dry run'
            ctx.skip()
          }
          const response = await send(target, request)
          try {
            await spec.check(
              request.method,
              request.path,
              new Response(response.text, { status: response.status, headers: response.headers }),
              response.text,
            )
          } catch (err) {
            const firstLine = (err as Error).message.split('\n')[0]
            result.spec.push(`${request.method} ${request.path} ${response.status}: ${firstLine}`)
          }
          const recorded = recordings?.find(request, target.key, seen)
          if (recordings) {
            result.recording ??= []
            if (recorded === undefined)
              result.recording.push(`${request.method} ${request.path}: not recorded`)
            else
              result.recording.push(
                ...compare(recorded, response).map(
                  (d) => `${request.method} ${request.path}: ${d}`,
                ),
              )
          }
          return response
        }
        const receivers: Receiver[] = []
        const tools: CaseTools = {
          async receiver() {
            const receiver = await startReceiver()
            receivers.push(receiver)
            return {
              ...receiver,
              callbackUrl: target.callbacks.publicUrl ?? `${receiver.url}/callback`,
            }
          },
          async poll(read, done) {
            const seen: ContractResponse[] = []
            const deadline = Date.now() + (target.remote ? 540_000 : 15_000)
            for (;;) {
              const r = await read()
              if (
                seen.length === 0 ||
                JSON.stringify(normalize(seen.at(-1)!.json)) !==
                  JSON.stringify(normalize(r.json)) ||
                r.json?.status !== seen.at(-1)!.json?.status
              )
                seen.push(r)
              if (done(r) || Date.now() > deadline) return seen
              await new Promise((resolve) => setTimeout(resolve, target.remote ? 3000 : 20))
            }
          },
        }
        try {
          await body(call, tools)
          expect(result.spec, 'responses must match the spec').toEqual([])
          result.outcome = 'passed'
        } catch (err) {
          result.outcome = 'failed'
          throw err
        } finally {
          await Promise.all(receivers.map((r) => r.close()))
        }
      })
    },
  }
}

async function send(target: Target, request: ContractRequest): Promise<ContractResponse> {
  const url = new URL(target.baseUrl + request.path)
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value)
  const headers: Record<string, string> = { ...(request.auth ?? AUTH(target.provider, target.key)) }
  if (request.json !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(url, {
    method: request.method,
    headers,
    body:
      request.form ??
      (request.json === undefined
        ? undefined
        : typeof request.json === 'string'
          ? request.json
          : JSON.stringify(request.json)),
  })
  const text = await response.text()
  const sse = (response.headers.get('content-type') ?? '').startsWith('text/event-stream')
  let json: any
  try {
    json = sse ? null : JSON.parse(text)
  } catch {
    json = null
  }
  return {
    status: response.status,
    headers: response.headers,
    text,
    json,
    events: sse ? sseData(text).map((d) => JSON.parse(d)) : [],
  }
}

interface Recordings {
  /** The recorded answer to this request (the nth of its kind), if the cassette has one. */
  find(
    request: ContractRequest,
    key: string,
    seen: Map<string, number>,
  ): { status: number; json: unknown } | undefined
}

/** The last recording of this provider, from CONTRACT_CASSETTES (default contracts/cassettes). */
function loadRecordings(provider: ProviderId): Recordings | undefined {
  const dir = process.env.CONTRACT_CASSETTES ?? 'contracts/cassettes'
  if (!existsSync(join(dir, `${provider}.har`))) return undefined
  const cassette = openCassette(dir, provider)
  const blobs = openBlobStore(dir)
  // Matched as replay matches by default: without the key, so a run with new keys finds them.
  const byCanonical = new Map<string, HarEntry[]>()
  for (const entry of cassette.entries) {
    if (entry._emulator.kind !== 'request' || !entry._emulator.canonical) continue
    const match = replayKeyOf(entry._emulator.canonical, 'ignore')
    byCanonical.set(match, [...(byCanonical.get(match) ?? []), entry])
  }
  return {
    find(request, key, seen) {
      if (request.form) return undefined
      const headers = new Headers(request.auth ?? AUTH(provider, key))
      const body =
        request.json === undefined
          ? null
          : typeof request.json === 'string'
            ? safeJson(request.json)
            : redactJson(request.json)
      const canonical = canonicalRequest(
        {
          method: request.method,
          path: request.path,
          query: Object.entries(request.query ?? {}),
          body: { auth: authShape(headers).shape, body },
        },
        volatileOf(providerById(provider)?.traffic),
      )
      const entries = byCanonical.get(replayKeyOf(canonical, 'ignore'))
      if (!entries) return undefined
      const turn = seen.get(canonical) ?? 0
      seen.set(canonical, turn + 1)
      const entry = entries[Math.min(turn, entries.length - 1)]!
      const text = entry.response.content.text ?? ''
      return { status: entry.response.status, json: internalizeBase64(safeJson(text), blobs) }
    },
  }
}

function compare(
  recorded: { status: number; json: unknown },
  response: ContractResponse,
): string[] {
  const out =
    recorded.status === response.status
      ? []
      : [`status ${response.status} != recorded ${recorded.status}`]
  if (response.json !== null && recorded.json !== null)
    out.push(...differences(normalize(response.json), normalize(recorded.json)))
  return out
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
