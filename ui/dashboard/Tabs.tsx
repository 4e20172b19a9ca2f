/**
 * An ARIA tab list: arrow keys, Home and End move between tabs (and select them); only the
 * selected tab is in the Tab order.
 */
import type { ComponentChildren } from 'preact'
import { useRef } from 'preact/hooks'

export interface TabSpec {
  id: string
  label: string
  count?: number | undefined
}

export function Tabs({
  tabs,
  selected,
  onSelect,
  children,
}: {
  tabs: readonly TabSpec[]
  selected: string
  onSelect: (id: string) => void
  children: ComponentChildren
}) {
  const list = useRef<HTMLDivElement>(null)
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === selected)
    const last = tabs.length - 1
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined
    if (next === undefined) return
    event.preventDefault()
    const tab = tabs[next]!
    onSelect(tab.id)
    list.current?.querySelector<HTMLElement>(`#tab-${tab.id}`)?.focus()
  }
  return (
    <>
      <div class="tabs" role="tablist" aria-label="Views" ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            data-testid={`tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
            {tab.count !== undefined && <span class="tab-count">{tab.count}</span>}
          </button>
        ))}
      </div>
      <div
        class="panel"
        role="tabpanel"
        id={`panel-${selected}`}
        aria-labelledby={`tab-${selected}`}
        tabIndex={0}
      >
        {/* Headings inside the views (h3) sit under this one. */}
        <h2 class="visually-hidden">{tabs.find((t) => t.id === selected)?.label}</h2>
        {children}
      </div>
    </>
  )
}
