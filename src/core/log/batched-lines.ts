/**
 * Log lines written together once the current turn of the event loop is done: stdout to a file or
 * a pipe in CI is synchronous, and a write per line would sit on every request's path.
 */
export function batchedLines(out: (text: string) => void): (line: string) => void {
  let pending: string[] = []
  const flush = () => {
    const lines = pending
    pending = []
    out(lines.join('\n') + '\n')
  }
  return (line) => {
    if (pending.push(line) === 1) setImmediate(flush)
  }
}
