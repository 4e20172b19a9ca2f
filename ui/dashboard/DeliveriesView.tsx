/** Callbacks and webhooks sent in the namespace, every attempt, and a way to send one again. */
import { useEffect, useState } from 'preact/hooks'
import { redeliver } from './api.js'
import { duration, messageOf } from './format.js'
import { Empty, HttpStatus, LoadState, StateBadge, TableWrap, Time } from './parts.js'
import type { Loaded } from './store.js'
import type { Delivery } from './types.js'

export function DeliveriesView({
  loaded,
  namespace,
  onChanged,
}: {
  loaded: Loaded<Delivery[]>
  namespace: string
  onChanged: () => void
}) {
  // A redelivery's answer shows at once, until the next list loaded replaces it.
  const [answered, setAnswered] = useState<ReadonlyMap<string, Delivery>>(new Map())
  useEffect(() => setAnswered(new Map()), [loaded?.data])
  return (
    <LoadState loaded={loaded} what="deliveries">
      {(deliveries) =>
        deliveries.length === 0 ? (
          <Empty>
            <p>
              No callbacks or webhooks sent yet in namespace <strong>{namespace}</strong>.
            </p>
            <p>
              They appear when a task has a <code>callback_url</code>, or a webhook endpoint is set
              with <code>POST /__emulator/webhooks</code>.
            </p>
          </Empty>
        ) : (
          <ul class="cards">
            {deliveries
              .slice()
              .reverse()
              .map((d) => (
                <DeliveryCard
                  key={d.id}
                  delivery={answered.get(d.id) ?? d}
                  namespace={namespace}
                  onRedelivered={(fresh) => {
                    setAnswered((m) => new Map(m).set(fresh.id, fresh))
                    onChanged()
                  }}
                />
              ))}
          </ul>
        )
      }
    </LoadState>
  )
}

function DeliveryCard({
  delivery: d,
  namespace,
  onRedelivered,
}: {
  delivery: Delivery
  namespace: string
  onRedelivered: (delivery: Delivery) => void
}) {
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ text: string; error: boolean }>()
  const send = () => {
    setBusy(true)
    setMessage(undefined)
    redeliver(namespace, d.id).then(
      (fresh) => {
        setBusy(false)
        setMessage({ text: 'Sent again; the new attempt is listed below.', error: false })
        onRedelivered(fresh)
      },
      (err: unknown) => {
        setBusy(false)
        setMessage({ text: `Redeliver failed: ${messageOf(err)}`, error: true })
      },
    )
  }
  return (
    <li class="card" data-testid="delivery">
      <div class="card-head">
        <h3>{d.event}</h3>
        <span class="muted">{d.provider}</span>
        <span>
          task <code>{d.task_id}</code>
        </span>
        <StateBadge state={d.status} />
        <button type="button" data-testid="redeliver" disabled={busy} onClick={send}>
          {busy ? 'Sending…' : 'Redeliver'}
        </button>
      </div>
      <p class="url">
        <code>{d.url}</code>
      </p>
      <p class={message?.error ? 'error' : 'note'} role="status">
        {message?.text}
      </p>
      {d.attempts.length === 0 ? (
        <p class="note">No attempt yet.</p>
      ) : (
        <TableWrap label={`Attempts of ${d.event} for task ${d.task_id}`}>
          <table class="compact">
            <thead>
              <tr>
                <th scope="col" class="num">
                  Attempt
                </th>
                <th scope="col">Time</th>
                <th scope="col">HTTP status</th>
                <th scope="col" class="num">
                  Latency
                </th>
                <th scope="col">Error</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {d.attempts.map((a) => (
                <tr key={`${a.attempt}-${a.at}`} data-testid="delivery-attempt">
                  <th scope="row" class="num">
                    {a.attempt}
                  </th>
                  <td>
                    <Time iso={a.at} />
                  </td>
                  <td>
                    <HttpStatus status={a.status} />
                  </td>
                  <td class="num">{duration(a.latency_ms)}</td>
                  <td>{a.error ?? <span class="muted">—</span>}</td>
                  <td>
                    <StateBadge state={a.outcome} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </li>
  )
}
