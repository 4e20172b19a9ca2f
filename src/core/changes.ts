/**
 * The change feed: every part of the state says "this topic of this namespace changed", and the
 * dashboard's event stream (`/__emulator/events`) passes it on, coalesced, so a page refetches
 * only what changed. With no one listening a change costs one branch: the hot path pays nothing.
 * The feed also knows which namespaces hold state, since every change of state flows through it.
 */
import type { Async } from './state/async.js'

export const CHANGE_TOPICS = [
  'journal',
  'tasks',
  'deliveries',
  'faults',
  'keys',
  'webhooks',
] as const
export type ChangeTopic = (typeof CHANGE_TOPICS)[number] | 'namespaces'

/** `namespace` null: every namespace (a full reset). */
export interface Change {
  topic: ChangeTopic
  namespace: string | null
}

export interface Changes {
  notify(topic: ChangeTopic, namespace: string): void
  /** Every topic of the namespace, or of all of them, changed (a reset); forgets the namespace. */
  reset(namespace?: string): void
  /** Namespaces that changed since they were last reset, sorted, `default` always among them. */
  namespaces(): string[]
  /** Calls `listener` with each change; returns the unsubscribe. */
  subscribe(listener: (change: Change) => void): () => void
}

/**
 * The feed as every store answers it: `notify` and `reset` are sent and forgotten (a shared feed
 * publishes them); the namespaces are asked for.
 */
export type ChangeFeed = Async<Changes, 'notify' | 'reset' | 'subscribe'>

/** Namespaces remembered; past it the least recently changed is forgotten (the journal's bound). */
const MAX_NAMESPACES = 1_000

export function createChanges(): Changes {
  const listeners = new Set<(change: Change) => void>()
  // Insertion order is change order: a namespace is moved to the end when it changes.
  const known = new Map<string, true>()

  const emit = (change: Change) => {
    for (const listener of listeners) listener(change)
  }
  const remember = (namespace: string) => {
    if (known.has(namespace)) {
      known.delete(namespace)
      known.set(namespace, true)
      return
    }
    known.set(namespace, true)
    if (known.size > MAX_NAMESPACES) known.delete(known.keys().next().value!)
    if (listeners.size > 0) emit({ topic: 'namespaces', namespace })
  }

  return {
    notify(topic, namespace) {
      remember(namespace)
      if (listeners.size > 0) emit({ topic, namespace })
    },
    reset(namespace) {
      if (namespace === undefined) known.clear()
      else known.delete(namespace)
      if (listeners.size === 0) return
      for (const topic of CHANGE_TOPICS) emit({ topic, namespace: namespace ?? null })
      emit({ topic: 'namespaces', namespace: namespace ?? null })
    },
    namespaces: () => [...new Set(['default', ...known.keys()])].sort(),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
