// Proves request log lines leave the request's path: written together, in order, after the turn.
import { describe, expect, it } from 'vitest'
import { batchedLines } from '../../src/core/log/batched-lines.js'

describe('batched log lines', () => {
  it('writes nothing during the turn, then every line of it in one write, in order', async () => {
    const writes: string[] = []
    const write = batchedLines((text) => writes.push(text))
    write('first')
    write('second')
    expect(writes).toEqual([])
    await new Promise((resolve) => setImmediate(resolve))
    expect(writes).toEqual(['first\nsecond\n'])
    write('third')
    await new Promise((resolve) => setImmediate(resolve))
    expect(writes).toEqual(['first\nsecond\n', 'third\n'])
  })
})
