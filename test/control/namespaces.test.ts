/**
 * Namespaces are isolated on every control route: the journal keeps a bounded ring per namespace,
 * a webhook is deleted only from its own namespace, and a reset scoped by the header resets only
 * that namespace.
 */
import { describe, expect, it } from 'vitest'
import { useEmulator } from '../support/emulator.js'

const server = useEmulator({ journal: { maxEntries: 3, maxNamespaces: 4 } })
const ns = (namespace: string) => ({ 'x-emulator-namespace': namespace })

async function call(method: string, path: string, headers = {}, body?: unknown) {
  const response = await fetch(server.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return { status: response.status, json: text ? (JSON.parse(text) as never) : undefined }
}

/** A provider request refused for want of a key: cheap, and journaled all the same. */
const poke = (namespace: string) =>
  call('POST', '/gptproto/v1/images/generations', ns(namespace), {})

const journalIds = async (namespace: string) =>
  (await call('GET', '/__emulator/journal', ns(namespace))).json as unknown as {
    entries: { id: string }[]
  }

describe('namespaces in the journal', () => {
  it("keeps a quiet namespace's entries however busy another is", async () => {
    await poke('quiet')
    for (let i = 0; i < 6; i++) await poke('busy')
    expect((await journalIds('quiet')).entries).toHaveLength(1)
    expect((await journalIds('busy')).entries).toHaveLength(3)
  })

  it('forgets the least recently used namespace past the cap', async () => {
    for (const name of ['n1', 'n2', 'n3', 'n4', 'n5']) await poke(name)
    expect((await journalIds('n1')).entries).toHaveLength(0)
    expect((await journalIds('n5')).entries).toHaveLength(1)
  })
})

describe('namespaces on control routes', () => {
  it('deletes a webhook only from its own namespace', async () => {
    const added = await call('POST', '/__emulator/webhooks', ns('hooks-a'), {
      url: 'http://127.0.0.1:9/hook',
    })
    const { id } = added.json as unknown as { id: string }
    expect((await call('DELETE', `/__emulator/webhooks/${id}`, ns('hooks-b'))).status).toBe(404)
    expect((await call('DELETE', `/__emulator/webhooks/${id}`)).status).toBe(404)
    const listed = await call('GET', '/__emulator/webhooks', ns('hooks-a'))
    expect((listed.json as unknown as { endpoints: unknown[] }).endpoints).toHaveLength(1)
    expect((await call('DELETE', `/__emulator/webhooks/${id}`, ns('hooks-a'))).status).toBe(204)
  })

  it('resets the namespace the header names; everything only when none is named', async () => {
    const keys = async (namespace: string) =>
      ((await call('GET', '/__emulator/keys', ns(namespace))).json as unknown as { keys: [] }).keys
    for (const name of ['reset-a', 'reset-b', 'default'])
      await call('PUT', '/__emulator/keys/gptproto/sk-1', ns(name), { disabled: true })

    expect((await call('POST', '/__emulator/reset', ns('reset-a'))).json).toEqual({
      reset: 'reset-a',
    })
    expect(await keys('reset-a')).toHaveLength(0)
    expect(await keys('reset-b')).toHaveLength(1)
    expect(await keys('default')).toHaveLength(1)

    expect((await call('POST', '/__emulator/reset', ns('default'))).json).toEqual({
      reset: 'default',
    })
    expect(await keys('default')).toHaveLength(0)
    expect(await keys('reset-b')).toHaveLength(1)

    expect((await call('POST', '/__emulator/reset')).json).toEqual({ reset: 'all' })
    expect(await keys('reset-b')).toHaveLength(0)
  })
})
