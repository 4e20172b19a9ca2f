/** Small pieces shared by the views: badges, load states, labelled selects. */
import type { ComponentChildren } from 'preact'
import { clock, statusClass } from './format.js'
import type { Loaded } from './store.js'

export function HttpStatus({ status }: { status: number | null }) {
  if (status === null) return <span class="badge muted">none</span>
  return <span class={`badge http-${statusClass(status)}`}>{status}</span>
}

/** A time as the local clock reads it, the full ISO time on hover; a dash when there is none. */
export function Time({ iso }: { iso: string | null }) {
  if (!iso) return <span class="muted">—</span>
  return (
    <time dateTime={iso} title={iso}>
      {clock(iso)}
    </time>
  )
}

/** A state word in a colored pill; the word itself carries the meaning, not the color. */
export function StateBadge({ state }: { state: string }) {
  return <span class={`badge state-${state}`}>{state}</span>
}

/** Loading and error lines around a view's content; the content shows once data arrived. */
export function LoadState<T>({
  loaded,
  what,
  children,
}: {
  loaded: Loaded<T>
  what: string
  children: (data: T) => ComponentChildren
}) {
  if (!loaded) return <p class="note">Loading {what}…</p>
  return (
    <>
      {loaded.error !== undefined && (
        <p class="error" role="alert">
          Could not load {what}: {loaded.error}
          {loaded.data !== undefined && ' (showing the last list loaded)'}
        </p>
      )}
      {loaded.data !== undefined && children(loaded.data)}
    </>
  )
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>
}

export interface Choice {
  value: string
  label: string
}

export function Select({
  label,
  value,
  choices,
  onChange,
  testId,
}: {
  label: string
  value: string
  choices: readonly Choice[]
  onChange: (value: string) => void
  testId?: string
}) {
  return (
    <label class="field">
      <span>{label}</span>
      <select value={value} data-testid={testId} onChange={(e) => onChange(e.currentTarget.value)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  )
}

export function TextInput({
  label,
  value,
  onChange,
  placeholder,
  type = 'text',
  ...rest
}: {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  type?: 'text' | 'number'
  min?: number
  max?: number
  step?: number | 'any'
  required?: boolean
}) {
  const common = {
    value,
    placeholder,
    onInput: (e: { currentTarget: HTMLInputElement }) => onChange(e.currentTarget.value),
    ...rest,
  }
  return (
    <label class="field">
      <span>{label}</span>
      {/* Two branches: preact types number inputs apart from text ones. */}
      {type === 'number' ? <input type="number" {...common} /> : <input type="text" {...common} />}
    </label>
  )
}

/** Providers as select choices, with an "any" first. */
export function providerChoices(providers: readonly string[], any = 'any provider'): Choice[] {
  return [{ value: '', label: any }, ...providers.map((p) => ({ value: p, label: p }))]
}

/** Tables scroll sideways inside this wrapper on a narrow window, not the whole page. */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // A focusable, labelled region so keyboard users can scroll it too.
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  )
}
