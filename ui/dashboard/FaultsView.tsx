/** Fault rules in force in the namespace, each removable, and the form that adds one. */
import { useState } from 'preact/hooks'
import { removeFault } from './api.js'
import { messageOf } from './format.js'
import { describeMatch, describePlan } from './describe-fault.js'
import { FaultForm } from './FaultForm.js'
import { Empty, LoadState, TableWrap } from './parts.js'
import type { Loaded } from './store.js'
import type { FaultRule } from './types.js'

export function FaultsView({
  loaded,
  namespace,
  providers,
  onChanged,
}: {
  loaded: Loaded<FaultRule[]>
  namespace: string
  providers: readonly string[]
  onChanged: () => void
}) {
  const [error, setError] = useState<string>()
  const remove = (id: string) => {
    setError(undefined)
    removeFault(namespace, id).then(onChanged, (err: unknown) =>
      setError(`Could not remove ${id}: ${messageOf(err)}`),
    )
  }
  return (
    <>
      <LoadState loaded={loaded} what="fault rules">
        {(faults) =>
          faults.length === 0 ? (
            <Empty>
              <p>
                No fault rules in namespace <strong>{namespace}</strong>: every request gets the
                provider's normal answer.
              </p>
              <p>
                Add one below, with <code>POST /__emulator/faults</code>, or fail a single request
                with an <code>X-Emulator-Error</code> or <code>X-Emulator-Fault</code> header.
              </p>
            </Empty>
          ) : (
            <TableWrap label="Fault rules">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Rule</th>
                    <th scope="col">Matches</th>
                    <th scope="col">Does</th>
                    <th scope="col" class="num">
                      Probability
                    </th>
                    <th scope="col">Times</th>
                    <th scope="col" class="num">
                      Matched
                    </th>
                    <th scope="col" class="num">
                      Fired
                    </th>
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {faults.map((rule) => (
                    <tr key={rule.id} data-testid="fault-row">
                      <th scope="row">
                        <code>{rule.id}</code>
                      </th>
                      <td>{describeMatch(rule.match)}</td>
                      <td>{describePlan(rule.plan)}</td>
                      <td class="num">{Math.round(rule.probability * 1000) / 10}%</td>
                      <td>{rule.times === null ? 'every time' : `first ${rule.times}`}</td>
                      <td class="num">{rule.matched}</td>
                      <td class="num">{rule.fired}</td>
                      <td>
                        <button
                          type="button"
                          class="danger"
                          aria-label={`Remove rule ${rule.id}`}
                          onClick={() => remove(rule.id)}
                        >
                          Remove
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </LoadState>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <FaultForm namespace={namespace} providers={providers} onAdded={onChanged} />
    </>
  )
}
