/**
 * Which recorded webhooks replay sends after which response: a webhook names its task, and goes
 * with the first recorded response that names the same task (the create). Linked when replay
 * loads, since a webhook often arrives before the create's own entry is written.
 */
import type { HarEntry } from './cassette.js'

/** Request entry index -> the webhooks to send once it is replayed, in recorded order. */
export function webhooksByRequest(entries: readonly HarEntry[]): Map<number, HarEntry[]> {
  const links = new Map<number, HarEntry[]>()
  const firstNaming = new Map<string, number>()
  for (const entry of entries) {
    const { webhook, taskId } = entry._emulator
    if (!webhook || !taskId) continue
    let index = firstNaming.get(taskId)
    if (index === undefined) {
      const quoted = JSON.stringify(taskId)
      index = entries.findIndex(
        (e) => e._emulator.kind === 'request' && (e.response.content.text ?? '').includes(quoted),
      )
      firstNaming.set(taskId, index)
    }
    // A webhook for a task no recorded response names (another client's) is never sent.
    if (index === -1) continue
    const list = links.get(index)
    if (list) list.push(entry)
    else links.set(index, [entry])
  }
  return links
}
