/** The top bar: product name, namespace picker, live indicator and Reset. */
import type { LiveState } from './live.js'
import { ResetControl } from './ResetDialog.js'

const LIVE_TEXT: Record<LiveState, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
}

export function Header({
  namespace,
  namespaces,
  live,
  onNamespace,
  onReset,
}: {
  namespace: string
  namespaces: readonly string[]
  live: LiveState
  onNamespace: (namespace: string) => void
  onReset: () => void
}) {
  return (
    <header class="top">
      <h1>
        gpt-image-emulator <span class="muted">dashboard</span>
      </h1>
      <label class="field inline">
        <span>Namespace</span>
        <select
          data-testid="namespace"
          value={namespace}
          onChange={(e) => onNamespace(e.currentTarget.value)}
        >
          {namespaces.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <span class={`live live-${live}`} role="status" data-testid="live">
        <span class="dot" aria-hidden="true" />
        {LIVE_TEXT[live]}
      </span>
      <span class="spacer" />
      <a href="/__emulator/docs">API docs</a>
      <ResetControl namespace={namespace} onDone={onReset} />
    </header>
  )
}
