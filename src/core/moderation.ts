/**
 * The emulator's stand-in for a safety system: prompts containing a configured term are refused.
 */

/** The first trigger term found in `text` (case-insensitive), or undefined. */
export function findTriggerTerm(text: string, terms: readonly string[]): string | undefined {
  const haystack = text.toLowerCase()
  return terms.find((term) => haystack.includes(term.toLowerCase()))
}
