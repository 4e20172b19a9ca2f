/**
 * A typed client for the control plane (`/__emulator`), for tests that drive the emulator:
 * in-process through `startEmulator`, or a container through `createControlClient(url)`.
 */
import type { components } from '../generated/emulator.js'
import type { ProviderId } from '../providers/index.js'

type Schemas = components['schemas']

export type JournalEntry = Schemas['JournalList']['entries'][number]
export type TaskView = Schemas['Task']
export type KeyView = Schemas['Key']
export type KeyPatch = Schemas['KeyPatch']
export type FaultRule = Schemas['FaultRule']
/** Fields with a default in the spec may be left out of a request. */
type DefaultsOptional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>

export type NewFaultRule = DefaultsOptional<Schemas['NewFaultRule'], 'probability'>
export type WebhookEndpoint = Schemas['WebhookEndpoint']
export type NewWebhookEndpoint = DefaultsOptional<Schemas['NewWebhookEndpoint'], 'provider'>
export type Delivery = Schemas['DeliveryList']['deliveries'][number]

/** A refusal from the control plane, with the emulator's reason. */
export class EmulatorControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    const reason = (body as { emulator_error?: { message?: string } } | undefined)?.emulator_error
      ?.message
    super(`control plane answered ${status}${reason ? `: ${reason}` : ''}`)
  }
}

export interface ControlClient {
  /** The same client, sending `X-Emulator-Namespace: <namespace>` on every call. */
  namespace(namespace: string): ControlClient
  health(): Promise<Schemas['Health']>
  /** Forgets this client's namespace (or everything, for a client without one). */
  reset(): Promise<void>
  journal(filter?: {
    provider?: ProviderId
    path?: string
    method?: string
    limit?: number
  }): Promise<JournalEntry[]>
  tasks: {
    list(filter?: { provider?: ProviderId; state?: TaskView['state'] }): Promise<TaskView[]>
    get(id: string): Promise<TaskView>
    complete(id: string): Promise<TaskView>
    fail(id: string, failure?: { code?: string; message?: string }): Promise<TaskView>
    cancel(id: string): Promise<TaskView>
  }
  keys: {
    get(provider: ProviderId, key: string): Promise<KeyView>
    set(provider: ProviderId, key: string, patch: KeyPatch): Promise<KeyView>
  }
  faults: {
    add(rule: NewFaultRule): Promise<FaultRule>
    list(): Promise<FaultRule[]>
    remove(id: string): Promise<void>
    clear(): Promise<void>
  }
  webhooks: {
    add(endpoint: NewWebhookEndpoint): Promise<WebhookEndpoint>
    list(): Promise<WebhookEndpoint[]>
    remove(id: string): Promise<void>
  }
  deliveries(filter?: { taskId?: string; provider?: ProviderId }): Promise<Delivery[]>
}

export function createControlClient(
  url: string,
  options: {
    namespace?: string
    fetch?: typeof fetch
    /** The emulator's admin token (`EMULATOR_ADMIN_TOKEN`), sent as a bearer token. */
    adminToken?: string
  } = {},
): ControlClient {
  const send = options.fetch ?? fetch
  const base = `${url.replace(/\/+$/, '')}/__emulator`

  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    query?: Record<string, string | number | undefined>,
  ): Promise<T> {
    const target = new URL(base + path)
    for (const [name, value] of Object.entries(query ?? {}))
      if (value !== undefined) target.searchParams.set(name, String(value))
    const headers: Record<string, string> = {}
    if (options.namespace) headers['x-emulator-namespace'] = options.namespace
    if (options.adminToken) headers.authorization = `Bearer ${options.adminToken}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    const response = await send(target, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    const parsed: unknown = text ? JSON.parse(text) : undefined
    if (!response.ok) throw new EmulatorControlError(response.status, parsed)
    return parsed as T
  }
  const task = (action: string) => (id: string, body?: unknown) =>
    call<TaskView>('POST', `/tasks/${encodeURIComponent(id)}/${action}`, body)

  return {
    namespace: (namespace) => createControlClient(url, { ...options, namespace }),
    health: () => call('GET', '/health'),
    reset: async () => {
      await call('POST', '/reset', options.namespace ? { namespace: options.namespace } : {})
    },
    journal: async (filter = {}) =>
      (await call<Schemas['JournalList']>('GET', '/journal', undefined, filter)).entries,
    tasks: {
      list: async (filter = {}) =>
        (await call<{ tasks: TaskView[] }>('GET', '/tasks', undefined, filter)).tasks,
      get: (id) => call('GET', `/tasks/${encodeURIComponent(id)}`),
      complete: (id) => task('complete')(id),
      fail: (id, failure = {}) => task('fail')(id, failure),
      cancel: (id) => task('cancel')(id),
    },
    keys: {
      get: (provider, key) => call('GET', `/keys/${provider}/${encodeURIComponent(key)}`),
      set: (provider, key, patch) =>
        call('PUT', `/keys/${provider}/${encodeURIComponent(key)}`, patch),
    },
    faults: {
      add: (rule) => call('POST', '/faults', rule),
      list: async () => (await call<{ faults: FaultRule[] }>('GET', '/faults')).faults,
      remove: async (id) => {
        await call('DELETE', `/faults/${encodeURIComponent(id)}`)
      },
      clear: async () => {
        await call('DELETE', '/faults')
      },
    },
    webhooks: {
      add: (endpoint) => call('POST', '/webhooks', endpoint),
      list: async () => (await call<Schemas['WebhookEndpointList']>('GET', '/webhooks')).endpoints,
      remove: async (id) => {
        await call('DELETE', `/webhooks/${encodeURIComponent(id)}`)
      },
    },
    deliveries: async (filter = {}) =>
      (
        await call<Schemas['DeliveryList']>('GET', '/deliveries', undefined, {
          task_id: filter.taskId,
          provider: filter.provider,
        })
      ).deliveries,
  }
}
