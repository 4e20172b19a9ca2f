// Proves a fetched body is read only up to its bound, declared or streamed.
import { describe, expect, it } from 'vitest'
import { readAtMost } from '../../src/traffic/read-at-most.js'

function streamed(chunks: number[]): { response: Response; pulled: () => number } {
  let pulled = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const size = chunks[pulled++]
      if (size === undefined) controller.close()
      else controller.enqueue(new Uint8Array(size))
    },
  })
  return { response: new Response(body), pulled: () => pulled }
}

describe('readAtMost', () => {
  it('reads a body within the bound', async () => {
    expect(await readAtMost(new Response('hello'), 5)).toEqual(new TextEncoder().encode('hello'))
  })

  it('refuses a declared length past the bound without reading', async () => {
    const response = new Response('x'.repeat(10), { headers: { 'content-length': '10' } })
    expect(await readAtMost(response, 5)).toBeNull()
  })

  it('stops reading a stream once it passes the bound', async () => {
    const { response, pulled } = streamed([4, 4, 4, 4, 4, 4, 4, 4])
    expect(await readAtMost(response, 6)).toBeNull()
    expect(pulled(), 'chunks pulled before giving up').toBeLessThan(5)
  })
})
