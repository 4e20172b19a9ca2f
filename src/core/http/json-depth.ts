/**
 * A nesting-depth limit for JSON bodies. V8 parses JSON of any depth, but everything after the
 * parse (zod, `String(value)`, `JSON.stringify` in the journal) recurses and overflows the stack
 * on a few thousand levels: one check on the text, before parsing, keeps all of them safe.
 */

/** Deeper than any real request body; far shallower than what overflows the stack. */
export const MAX_JSON_DEPTH = 64

/** Whether `text` opens more than `max` arrays or objects inside one another. */
export function exceedsJsonDepth(text: string, max = MAX_JSON_DEPTH): boolean {
  // Nearly every body opens a handful of brackets: counted by native searches, that settles it
  // without walking the text (a prompt of thousands of characters) one character at a time.
  if (!opensMoreThan(text, max)) return false
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (inString) {
      if (char === 0x5c)
        i++ // a backslash: the next character is escaped
      else if (char === 0x22) inString = false
    } else if (char === 0x22) {
      inString = true
    } else if (char === 0x5b || char === 0x7b) {
      if (++depth > max) return true
    } else if (char === 0x5d || char === 0x7d) {
      depth--
    }
  }
  return false
}

/** Whether `text` holds more than `max` `{` and `[` in all, strings included. */
function opensMoreThan(text: string, max: number): boolean {
  let count = 0
  for (const bracket of ['{', '[']) {
    for (let i = text.indexOf(bracket); i !== -1; i = text.indexOf(bracket, i + 1))
      if (++count > max) return true
  }
  return false
}
