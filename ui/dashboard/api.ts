/**
 * The control-plane client: every call carries the selected namespace as X-Emulator-Namespace,
 * except a reset of everything, which must name none. Refusals become ApiError with the server's
 * own message.
 */
import type {
  Delivery,
  FaultRule,
  Key,
  NewFaultRule,
  Schemas,
  Task,
  TopicData,
  Topic,
} from './types.js'

const BASE = '/__emulator'
const JOURNAL_LIMIT = 500

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly allowed: readonly string[] = [],
  ) {
    super(message)
  }
}

interface Options {
  namespace?: string | undefined
  method?: string
  body?: unknown
}

async function call<T>(
  path: string,
  { namespace, method = 'GET', body }: Options = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (namespace !== undefined) headers['x-emulator-namespace'] = namespace
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(BASE + path, {
    method,
    headers,
    body: body === undefined ? null : JSON.stringify(body),
    cache: 'no-store',
  })
  const text = await response.text()
  const json: unknown = text ? parseJson(text) : undefined
  if (!response.ok) throw toApiError(response, json)
  return json as T
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function toApiError(response: Response, json: unknown): ApiError {
  const refusal = (json as { emulator_error?: { message?: string; allowed?: string[] } } | null)
    ?.emulator_error
  if (refusal?.message) return new ApiError(response.status, refusal.message, refusal.allowed)
  return new ApiError(response.status, `HTTP ${response.status} ${response.statusText}`.trim())
}

/** Fetches one topic's list for a namespace. */
export const fetchTopic: { [T in Topic]: (namespace: string) => Promise<TopicData[T]> } = {
  journal: async (namespace) =>
    (await call<Schemas['JournalList']>(`/journal?limit=${JOURNAL_LIMIT}`, { namespace })).entries,
  tasks: async (namespace) => (await call<{ tasks: Task[] }>('/tasks', { namespace })).tasks,
  deliveries: async (namespace) =>
    (await call<Schemas['DeliveryList']>('/deliveries', { namespace })).deliveries,
  faults: async (namespace) =>
    (await call<{ faults: FaultRule[] }>('/faults', { namespace })).faults,
  keys: async (namespace) => (await call<{ keys: Key[] }>('/keys', { namespace })).keys,
  namespaces: async () =>
    (await call<Schemas['NamespaceList']>('/namespaces')).namespaces.map((n) => n.name),
}

export async function fetchProviders(): Promise<string[]> {
  const health = await call<Schemas['Health']>('/health')
  return health.providers.map((p) => p.id)
}

/** Each provider's error names: what an 'error' rule may name. */
export async function fetchErrorCatalogue(): Promise<Record<string, string[]>> {
  const body = await call<Schemas['ErrorCatalogue']>('/errors')
  return Object.fromEntries(body.providers.map((p) => [p.id, p.errors]))
}

export async function redeliver(namespace: string, id: string): Promise<Delivery> {
  const path = `/deliveries/${encodeURIComponent(id)}/redeliver`
  return (await call<Schemas['Redelivery']>(path, { namespace, method: 'POST' })).delivery
}

export async function addFault(namespace: string, rule: NewFaultRule): Promise<FaultRule> {
  return call<FaultRule>('/faults', { namespace, method: 'POST', body: rule })
}

export async function removeFault(namespace: string, id: string): Promise<void> {
  await call(`/faults/${encodeURIComponent(id)}`, { namespace, method: 'DELETE' })
}

/** Resets one namespace, or, with none, everything (no header and no body). */
export async function reset(namespace: string | undefined): Promise<void> {
  await call('/reset', {
    method: 'POST',
    ...(namespace !== undefined && { namespace, body: { namespace } }),
  })
}
