/**
 * Every list of the selected namespace, loaded together on start and on a namespace switch, and
 * per topic afterwards. A late answer for a namespace no longer selected, or older than one
 * already shown, is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { fetchTopic } from './api.js'
import { messageOf } from './format.js'
import { TOPICS, type Topic, type TopicData } from './types.js'

export type Loaded<T> = { data: T; error?: undefined } | { data?: T; error: string } | undefined

export type DashboardData = { [T in Topic]: Loaded<TopicData[T]> }

const EMPTY: DashboardData = {
  journal: undefined,
  tasks: undefined,
  deliveries: undefined,
  faults: undefined,
  keys: undefined,
  namespaces: undefined,
}

export function useDashboardData(namespace: string): {
  data: DashboardData
  refresh: (topics: Iterable<Topic>) => void
} {
  const [data, setData] = useState<DashboardData>(EMPTY)
  const current = useRef(namespace)
  const sequence = useRef<Record<string, number>>({})

  const load = useCallback((topic: Topic, ns: string) => {
    const seq = (sequence.current[topic] ?? 0) + 1
    sequence.current[topic] = seq
    const stale = () => current.current !== ns || sequence.current[topic] !== seq
    fetchTopic[topic](ns).then(
      (value) => {
        if (!stale()) setData((d) => ({ ...d, [topic]: { data: value } }))
      },
      (err: unknown) => {
        if (stale()) return
        const error = messageOf(err)
        // Keep what was shown; the error says it may be out of date.
        setData((d) => ({ ...d, [topic]: { data: d[topic]?.data, error } }))
      },
    )
  }, [])

  useEffect(() => {
    current.current = namespace
    setData((d) => ({ ...EMPTY, namespaces: d.namespaces }))
    for (const topic of TOPICS) load(topic, namespace)
  }, [namespace, load])

  const refresh = useCallback(
    (topics: Iterable<Topic>) => {
      for (const topic of topics) load(topic, current.current)
    },
    [load],
  )
  return { data, refresh }
}
