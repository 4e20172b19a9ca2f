/** The journal: provider requests of the namespace, newest first, each expandable. */
import { useState } from 'preact/hooks'
import { duration, pretty, statusClass } from './format.js'
import {
  Empty,
  HttpStatus,
  LoadState,
  Select,
  TableWrap,
  TextInput,
  Time,
  providerChoices,
} from './parts.js'
import type { Loaded } from './store.js'
import type { JournalEntry } from './types.js'

const STATUS_CHOICES = [
  { value: '', label: 'any status' },
  { value: '2xx', label: '2xx' },
  { value: '4xx', label: '4xx' },
  { value: '5xx', label: '5xx' },
]

export function JournalView({
  loaded,
  namespace,
  providers,
}: {
  loaded: Loaded<JournalEntry[]>
  namespace: string
  providers: readonly string[]
}) {
  const [provider, setProvider] = useState('')
  const [status, setStatus] = useState('')
  const [path, setPath] = useState('')
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const toggle = (key: string) =>
    setOpen((o) => {
      const next = new Set(o)
      if (!next.delete(key)) next.add(key)
      return next
    })

  return (
    <LoadState loaded={loaded} what="the journal">
      {(entries) => {
        if (entries.length === 0) return <EmptyJournal namespace={namespace} />
        const needle = path.trim().toLowerCase()
        const rows = entries
          .map((entry, index) => ({ entry, key: `${entry.id}#${index}` }))
          .reverse()
          .filter(
            ({ entry: e }) =>
              (!provider || e.provider === provider) &&
              (!status || (e.status !== null && statusClass(e.status) === status)) &&
              (!needle || `${e.path}?${e.query}`.toLowerCase().includes(needle)),
          )
        return (
          <>
            <div class="filters" role="group" aria-label="Journal filters">
              <Select
                label="Provider"
                value={provider}
                choices={providerChoices(providers)}
                onChange={setProvider}
              />
              <Select label="Status" value={status} choices={STATUS_CHOICES} onChange={setStatus} />
              <TextInput
                label="Path contains"
                value={path}
                onChange={setPath}
                placeholder="/v1/images"
              />
              <span class="count" aria-live="polite">
                {rows.length} of {entries.length}
              </span>
            </div>
            {rows.length === 0 ? (
              <Empty>No request matches these filters.</Empty>
            ) : (
              <TableWrap label="Journal">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">
                        <span class="visually-hidden">Details</span>
                      </th>
                      <th scope="col">Time</th>
                      <th scope="col">Provider</th>
                      <th scope="col">Method</th>
                      <th scope="col">Path</th>
                      <th scope="col">Status</th>
                      <th scope="col" class="num">
                        Latency
                      </th>
                      <th scope="col">Namespace</th>
                      <th scope="col">Fault fired</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map(({ entry, key }) => (
                      <JournalRow
                        key={key}
                        id={key}
                        entry={entry}
                        expanded={open.has(key)}
                        onToggle={() => toggle(key)}
                      />
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </>
        )
      }}
    </LoadState>
  )
}

const COLUMNS = 9

function JournalRow({
  id,
  entry,
  expanded,
  onToggle,
}: {
  id: string
  entry: JournalEntry
  expanded: boolean
  onToggle: () => void
}) {
  const detailId = `journal-detail-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`
  const fullPath = entry.query ? `${entry.path}?${entry.query}` : entry.path
  return (
    <>
      <tr data-testid="journal-row" class="clickable" onClick={onToggle}>
        <td>
          {/* The row is clickable for the mouse; this button is the keyboard's way in. */}
          <button
            type="button"
            class="disclosure"
            aria-expanded={expanded}
            aria-controls={detailId}
            aria-label={`${expanded ? 'Hide' : 'Show'} request ${entry.method} ${entry.path}`}
          >
            {expanded ? '▾' : '▸'}
          </button>
        </td>
        <td>
          <Time iso={entry.at} />
        </td>
        <td>{entry.provider ?? '—'}</td>
        <td>
          <code>{entry.method}</code>
        </td>
        <td class="path">
          <code>{fullPath}</code>
        </td>
        <td>
          <HttpStatus status={entry.status} />
        </td>
        <td class="num">{duration(entry.latency_ms)}</td>
        <td>{entry.namespace}</td>
        <td>
          <FaultCell entry={entry} />
        </td>
      </tr>
      {expanded && (
        <tr class="detail" id={detailId}>
          <td colSpan={COLUMNS}>
            <div class="detail-grid">
              <section>
                <h3>Request headers</h3>
                <pre>
                  {Object.entries(entry.headers)
                    .map(([name, value]) => `${name}: ${value}`)
                    .join('\n') || '(none)'}
                </pre>
              </section>
              <section>
                <h3>Request body</h3>
                <pre>{pretty(entry.body)}</pre>
              </section>
            </div>
            <p class="note">
              Request id <code>{entry.id}</code>
            </p>
          </td>
        </tr>
      )}
    </>
  )
}

function FaultCell({ entry }: { entry: JournalEntry }) {
  const fault = entry.fault
  if (!fault) return <span class="muted">—</span>
  const source = fault.header ? 'header' : fault.rule_ids.join(', ')
  return (
    <span class="badge fault">
      {fault.action}
      {source && <span class="fault-source"> ({source})</span>}
    </span>
  )
}

function EmptyJournal({ namespace }: { namespace: string }) {
  const origin = location.origin
  return (
    <Empty>
      <p>
        No requests yet in namespace <strong>{namespace}</strong>.
      </p>
      <p>
        Point your application at <code>{origin}/gptproto</code> (or another provider's mount, such
        as <code>{origin}/openai</code>)
        {namespace === 'default' ? (
          '.'
        ) : (
          <>
            {' '}
            with the header <code>X-Emulator-Namespace: {namespace}</code>.
          </>
        )}{' '}
        Each request it makes appears here as it happens.
      </p>
      <pre>
        {`curl ${origin}/gptproto/v1/images/generations \\
  -H 'Authorization: sk-test' -H 'content-type: application/json' \\${
    namespace === 'default' ? '' : `\n  -H 'X-Emulator-Namespace: ${namespace}' \\`
  }
  -d '{"model":"gpt-image-2","prompt":"a fox"}'`}
      </pre>
    </Empty>
  )
}
