/**
 * The dashboard: loads every list of the selected namespace, keeps them fresh from the event
 * stream, and shows one view at a time.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import { fetchProviders } from './api.js'
import { DeliveriesView } from './DeliveriesView.js'
import { FaultsView } from './FaultsView.js'
import { Header } from './Header.js'
import { usePlace } from './hash.js'
import { JournalView } from './JournalView.js'
import { KeysView } from './KeysView.js'
import { useLiveEvents, type Change } from './live.js'
import { useDashboardData } from './store.js'
import { Tabs, type TabSpec } from './Tabs.js'
import { TasksView } from './TasksView.js'
import { TOPICS, type Topic } from './types.js'

const DEBOUNCE_MS = 100
const TAB_IDS = ['journal', 'tasks', 'deliveries', 'faults', 'keys'] as const

export function App() {
  const [place, setPlace] = usePlace()
  const namespace = place.namespace
  const tab = (TAB_IDS as readonly string[]).includes(place.tab) ? place.tab : 'journal'
  const { data, refresh } = useDashboardData(namespace)
  const [providers, setProviders] = useState<string[]>([])
  useEffect(() => {
    fetchProviders().then(setProviders, () => undefined)
  }, [])

  const namespaces = orderNamespaces(data.namespaces?.data ?? [], namespace)

  // Bursts of changes (a test making many requests) become one refetch per topic.
  const pending = useRef(new Set<Topic>())
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const queue = (topics: Iterable<Topic>) => {
    for (const topic of topics) pending.current.add(topic)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      const topics = [...pending.current]
      pending.current.clear()
      refresh(topics)
    }, DEBOUNCE_MS)
  }
  useEffect(() => () => clearTimeout(timer.current), [])

  const onChange = ({ topic, namespace: changed }: Change) => {
    // A namespace not listed yet has just got its first state.
    if (topic === 'namespaces' || (changed !== null && !namespaces.includes(changed)))
      queue(['namespaces'])
    if (changed === null) queue(TOPICS)
    else if (changed === namespace) queue([topic])
  }
  const live = useLiveEvents(onChange, () => queue(TOPICS))
  // The page's own writes come back as changes on the stream; refetch here only without it.
  const refreshUnlessLive = (topics: readonly Topic[]) => {
    if (live !== 'connected') refresh(topics)
  }

  const count = (list: readonly unknown[] | undefined) => list?.length
  const tabs: TabSpec[] = [
    { id: 'journal', label: 'Journal', count: count(data.journal?.data) },
    { id: 'tasks', label: 'Tasks', count: count(data.tasks?.data) },
    { id: 'deliveries', label: 'Deliveries', count: count(data.deliveries?.data) },
    { id: 'faults', label: 'Faults', count: count(data.faults?.data) },
    { id: 'keys', label: 'Keys', count: count(data.keys?.data) },
  ]

  return (
    <>
      <Header
        namespace={namespace}
        namespaces={namespaces}
        live={live}
        onNamespace={(ns) => setPlace({ namespace: ns })}
        onReset={() => refreshUnlessLive(TOPICS)}
      />
      <main>
        <Tabs tabs={tabs} selected={tab} onSelect={(id) => setPlace({ tab: id })}>
          {tab === 'journal' && (
            <JournalView loaded={data.journal} namespace={namespace} providers={providers} />
          )}
          {tab === 'tasks' && (
            <TasksView loaded={data.tasks} namespace={namespace} providers={providers} />
          )}
          {tab === 'deliveries' && (
            <DeliveriesView
              loaded={data.deliveries}
              namespace={namespace}
              onChanged={() => refreshUnlessLive(['deliveries'])}
            />
          )}
          {tab === 'faults' && (
            <FaultsView
              loaded={data.faults}
              namespace={namespace}
              providers={providers}
              onChanged={() => refreshUnlessLive(['faults'])}
            />
          )}
          {tab === 'keys' && <KeysView loaded={data.keys} namespace={namespace} />}
        </Tabs>
      </main>
    </>
  )
}

/** `default` first, then the rest sorted; the selected one is listed even before it has state. */
function orderNamespaces(names: readonly string[], selected: string): string[] {
  const rest = [...new Set([...names, selected])].filter((n) => n !== 'default').sort()
  return ['default', ...rest]
}
