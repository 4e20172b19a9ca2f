/**
 * A store's methods as every store answers them: a shared store (Redis) answers over the network,
 * so each method returns a promise but those named in `Sync` (listeners, local timers). The
 * in-memory stores are written plainly, synchronously, and seen through `asAsync`, so one
 * interface serves both and the in-memory logic stays the single statement of each rule.
 */
export type Async<T, Sync extends keyof T = never> = {
  [K in keyof T]: K extends Sync
    ? T[K]
    : T[K] extends (...args: infer A) => infer R
      ? (...args: A) => Promise<Awaited<R>>
      : T[K]
}

/** `store` with each method but those in `sync` answering a promise; a throw becomes a rejection. */
export function asAsync<T extends object, Sync extends keyof T = never>(
  store: T,
  sync: readonly Sync[] = [],
): Async<T, Sync> {
  const view: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(store)) {
    if (typeof value !== 'function' || (sync as readonly string[]).includes(name)) {
      view[name] = value
      continue
    }
    const method = value as (...args: unknown[]) => unknown
    view[name] = (...args: unknown[]) => {
      try {
        return Promise.resolve(method(...args))
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)))
      }
    }
  }
  return view as Async<T, Sync>
}
