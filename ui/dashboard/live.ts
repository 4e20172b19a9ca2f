/**
 * One EventSource on /__emulator/events. EventSource reconnects by itself after a dropped
 * stream; when the server refuses outright (it closes for good) a new one is opened later.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import { TOPICS, type Topic } from './types.js'

export type LiveState = 'connecting' | 'connected' | 'reconnecting'

export interface Change {
  topic: Topic
  /** null: every namespace (after a full reset). */
  namespace: string | null
}

const RETRY_MS = 3000

export function useLiveEvents(onChange: (change: Change) => void, onOpen: () => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting')
  // Latest callbacks, so the connection is not torn down on each render.
  const handlers = useRef({ onChange, onOpen })
  handlers.current = { onChange, onOpen }

  useEffect(() => {
    let source: EventSource | undefined
    let retry: ReturnType<typeof setTimeout> | undefined
    let opened = false
    const connect = () => {
      source = new EventSource('/__emulator/events')
      source.addEventListener('open', () => {
        setState('connected')
        // Changes made while disconnected were missed: a reconnect refetches everything.
        if (opened) handlers.current.onOpen()
        opened = true
      })
      source.addEventListener('error', () => {
        setState('reconnecting')
        if (source?.readyState === EventSource.CLOSED) {
          source.close()
          retry = setTimeout(connect, RETRY_MS)
        }
      })
      source.addEventListener('change', (event) => {
        const change = parseChange((event as MessageEvent<string>).data)
        if (change) handlers.current.onChange(change)
      })
    }
    connect()
    return () => {
      clearTimeout(retry)
      source?.close()
    }
  }, [])
  return state
}

function parseChange(data: string): Change | undefined {
  try {
    const value = JSON.parse(data) as { topic?: unknown; namespace?: unknown }
    const topic = TOPICS.find((t) => t === value.topic)
    if (!topic) return undefined
    return { topic, namespace: typeof value.namespace === 'string' ? value.namespace : null }
  } catch {
    return undefined
  }
}
