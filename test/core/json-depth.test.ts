// Proves the JSON depth limit counts real nesting only, on the quick path and the full walk alike.
import { describe, expect, it } from 'vitest'
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../../src/core/http/json-depth.js'

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

describe('JSON depth limit', () => {
  it('accepts the limit and refuses one level more', () => {
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH))).toBe(false)
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH + 1))).toBe(true)
    expect(exceedsJsonDepth(`{"a":${nested(MAX_JSON_DEPTH)}}`)).toBe(true)
  })

  it('accepts many brackets side by side, or inside strings, that are not nested', () => {
    const flat = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ i })))
    expect(exceedsJsonDepth(flat)).toBe(false)
    const inString = JSON.stringify({ prompt: `${'{['.repeat(100)} \\" ${'['.repeat(100)}` })
    expect(exceedsJsonDepth(inString)).toBe(false)
  })

  it('finds deep nesting that comes after many flat brackets', () => {
    const flat = Array.from({ length: 100 }, () => '{}').join(',')
    expect(exceedsJsonDepth(`[${flat},${nested(MAX_JSON_DEPTH)}]`)).toBe(true)
  })
})
