/**
 * A key's charges of the last day, oldest first, for its spend limits. Charges arrive in time
 * order, so the window is a queue: a charge is appended and an old one dropped in O(1), a refund
 * takes its own charge out in O(1), and the sum since a moment starts from a binary search, so a
 * busy key costs the same per request after a million charges as after ten.
 */
interface Spend {
  at: number
  milli: number
  taskId: string
}

export interface SpendWindow {
  /** Records a charge made at `at`, dropping those older than the window. */
  add(at: number, milli: number, taskId: string): void
  /** Takes a task's charge out, in whichever part of the window it fell. */
  cancel(taskId: string): void
  /** The sum of the charges made at or after `since`. */
  since(since: number): number
}

export function createSpendWindow(lengthMs: number): SpendWindow {
  let spends: Spend[] = []
  let first = 0
  const byTask = new Map<string, Spend>()

  function dropBefore(cutoff: number): void {
    while (first < spends.length && spends[first]!.at < cutoff) {
      byTask.delete(spends[first]!.taskId)
      first++
    }
    // Compacted once the dropped part is most of the array: amortized O(1) per charge.
    if (first > 1024 && first * 2 > spends.length) {
      spends = spends.slice(first)
      first = 0
    }
  }

  /** The index of the first charge made at or after `at`. */
  function firstAtOrAfter(at: number): number {
    let low = first
    let high = spends.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (spends[mid]!.at < at) low = mid + 1
      else high = mid
    }
    return low
  }

  return {
    add(at, milli, taskId) {
      dropBefore(at - lengthMs)
      const spend = { at, milli, taskId }
      spends.push(spend)
      byTask.set(taskId, spend)
    },
    cancel(taskId) {
      const spend = byTask.get(taskId)
      if (spend) spend.milli = 0
      byTask.delete(taskId)
    },
    since(since) {
      let milli = 0
      for (let i = firstAtOrAfter(since); i < spends.length; i++) milli += spends[i]!.milli
      return milli
    },
  }
}
