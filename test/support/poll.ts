/** Polls until a predicate holds, collecting every distinct value seen on the way. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: { intervalMs?: number; timeoutMs?: number } = {},
): Promise<T[]> {
  const { intervalMs = 20, timeoutMs = 10_000 } = options
  const seen: T[] = []
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (seen.length === 0 || JSON.stringify(seen.at(-1)) !== JSON.stringify(value)) seen.push(value)
    if (done(value)) return seen
    if (Date.now() > deadline)
      throw new Error(
        `gave up polling after ${timeoutMs} ms; last: ${JSON.stringify(value).slice(0, 300)}`,
      )
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
