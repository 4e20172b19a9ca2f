/**
 * A client's value as error wording quotes it (`Invalid value: 'hd+'`), bounded: `String()` of a
 * deeply nested array recurses past the stack, and a megabyte string makes a megabyte error.
 */

/** Characters of a value an error message quotes before cutting it with `…`. */
export const MAX_SHOWN_CHARS = 100

/** `String(value)` as far as `max` characters, without walking more of it than that needs. */
export function showValue(value: unknown, max = MAX_SHOWN_CHARS): string {
  let out = ''
  const walk = (item: unknown, depth: number): void => {
    if (out.length > max) return
    if (!Array.isArray(item)) {
      out += typeof item === 'string' ? item.slice(0, max + 1) : stringOf(item)
      return
    }
    // String() of an array joins its items with commas, nested ones flattened alike.
    if (depth >= 8) {
      out += '…'
      return
    }
    for (let i = 0; i < item.length && out.length <= max; i++) {
      if (i > 0) out += ','
      const element: unknown = item[i]
      if (element !== null && element !== undefined) walk(element, depth + 1)
    }
  }
  walk(value, 0)
  return out.length > max ? `${out.slice(0, max)}…` : out
}

function stringOf(value: unknown): string {
  try {
    return String(value)
  } catch {
    return typeof value // an object whose toString throws, or a null-prototype one
  }
}
