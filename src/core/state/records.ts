/**
 * A bounded map of small records by key, each belonging to a namespace: what a provider hands
 * out and must find again on another request (CRUN's presigned upload URLs), which with several
 * replicas may reach another replica. Past `max` the records set longest ago go first, as
 * expiring links would.
 */
import { LRUCache } from 'lru-cache'
import type { Async } from './async.js'

export interface Records<T> {
  get(key: string): T | undefined
  /** Keeps (or replaces) the record under `key`, as the namespace's. */
  set(key: string, namespace: string, value: T): void
  /** Forgets every record, or the namespace's. */
  reset(namespace?: string): void
}

/** The records as every store answers them (in memory, or shared on Redis). */
export type RecordStore<T> = Async<Records<T>>

/** Makes the records called `name` (each name is its own map), keeping at most `max`. */
export type RecordsOf = <T>(name: string, max: number) => RecordStore<T>

export function createRecords<T>(max: number): Records<T> {
  const kept = new LRUCache<string, { namespace: string; value: T }>({ max })
  return {
    // A peek: reading a record does not keep it longer (nor does it on Redis).
    get: (key) => kept.peek(key)?.value,
    set: (key, namespace, value) => void kept.set(key, { namespace, value }),
    reset(namespace) {
      for (const [key, record] of kept.entries())
        if (namespace === undefined || record.namespace === namespace) kept.delete(key)
    },
  }
}
