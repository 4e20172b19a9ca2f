/** The Reset button and its confirmation: forget this namespace, or everything. */
import { useRef, useState } from 'preact/hooks'
import { reset } from './api.js'
import { messageOf } from './format.js'

export function ResetControl({ namespace, onDone }: { namespace: string; onDone: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [scope, setScope] = useState<'namespace' | 'all'>('namespace')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const open = () => {
    setScope('namespace')
    setError(undefined)
    dialog.current?.showModal()
  }
  const confirm = (event: Event) => {
    event.preventDefault()
    setBusy(true)
    reset(scope === 'all' ? undefined : namespace).then(
      () => {
        setBusy(false)
        dialog.current?.close()
        onDone()
      },
      (err: unknown) => {
        setBusy(false)
        setError(messageOf(err))
      },
    )
  }
  return (
    <>
      <button type="button" class="danger" data-testid="reset" onClick={open}>
        Reset…
      </button>
      <dialog ref={dialog} aria-labelledby="reset-title">
        <form onSubmit={confirm}>
          <h2 id="reset-title">Reset the emulator</h2>
          <fieldset>
            <legend>What to forget</legend>
            <label class="choice">
              <input
                type="radio"
                name="reset-scope"
                checked={scope === 'namespace'}
                onChange={() => setScope('namespace')}
              />
              <span>
                Namespace <strong>{namespace}</strong> only: its journal, tasks, keys and credits,
                faults, webhooks and deliveries.
              </span>
            </label>
            <label class="choice">
              <input
                type="radio"
                name="reset-scope"
                data-testid="reset-all"
                checked={scope === 'all'}
                onChange={() => setScope('all')}
              />
              <span>
                <strong>Everything</strong>: every namespace, and every generated image.
              </span>
            </label>
          </fieldset>
          {error && (
            <p class="error" role="alert">
              Reset failed: {error}
            </p>
          )}
          <div class="form-actions">
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" class="danger" data-testid="reset-confirm" disabled={busy}>
              {scope === 'all' ? 'Reset everything' : `Reset ${namespace}`}
            </button>
          </div>
        </form>
      </dialog>
    </>
  )
}
