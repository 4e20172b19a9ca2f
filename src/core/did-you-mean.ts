/** "Did you mean": the known word nearest a misspelt one, by edit distance. */

/** Levenshtein distance: the fewest insertions, deletions and substitutions from `a` to `b`. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    previous = current
  }
  return previous[b.length]!
}

/** The known word nearest `word`, if near enough to be a typo of it (case aside). */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of known) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance) [best, bestDistance] = [candidate, d]
  }
  // A third of the word, 1 to 3 edits: `portt` finds `port`, `x` finds nothing.
  const allowed = Math.min(3, Math.max(1, Math.floor(word.length / 3)))
  return bestDistance <= allowed ? best : undefined
}

/** ` (did you mean --port?)`, or '' when nothing is near; `show` formats the suggestion. */
export function didYouMean(
  word: string,
  known: readonly string[],
  show: (known: string) => string = (k) => k,
): string {
  const near = closest(word, known)
  return near === undefined ? '' : ` (did you mean ${show(near)}?)`
}
