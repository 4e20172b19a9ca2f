/**
 * Images are recipes: a task keeps names, not bytes; its URLs render when fetched, render the same
 * bytes again after the cache dropped them, and stay valid exactly as long as the task is kept.
 */
import { describe, expect, it } from 'vitest'
import { jsonRequest, useEmulator } from '../support/emulator.js'
import { decode } from '../support/images.js'

const AUTH = { authorization: 'Bearer sk-recipes' }

describe('image recipes', () => {
  // A one-byte render cache: every fetch renders anew; one kept task: the next create drops it.
  const server = useEmulator({
    timing: 'instant',
    images: { encodedCacheBytes: 1 },
    tasks: { maxTasks: 1 },
  })

  async function finishedTaskUrls(prompt: string): Promise<string[]> {
    const created = await fetch(
      `${server.url}/aivideoapi/v1/images/generations`,
      jsonRequest({ model: 'gpt-image-2', input: { prompt } }, AUTH),
    )
    const { taskId } = ((await created.json()) as { data: { taskId: string } }).data
    for (;;) {
      const polled = await fetch(`${server.url}/aivideoapi/v1/tasks/${taskId}`, { headers: AUTH })
      const body = (await polled.json()) as { status: string; output?: { urls: string[] } }
      if (body.status === 'completed') return body.output!.urls
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }

  it('keeps no bytes in the task and renders the same bytes at every fetch', async () => {
    const [first] = await finishedTaskUrls('a recipe, not bytes')
    const task = (await server.emulator.runtime.tasks.list({ provider: 'aivideoapi' }))[0]!
    expect(JSON.stringify(task)).not.toMatch(/"bytes"/)

    const once = Buffer.from(await (await fetch(first!)).arrayBuffer())
    const again = Buffer.from(await (await fetch(first!)).arrayBuffer())
    expect(again.equals(once)).toBe(true)
    expect(await decode(once)).toMatchObject({ format: 'png' })
  })

  it("answers 404 for a task's image once the task is no longer kept", async () => {
    const [url] = await finishedTaskUrls('kept only with its task')
    expect((await fetch(url!)).status).toBe(200)
    await finishedTaskUrls('the next task drops the first')
    const gone = await fetch(url!)
    expect(gone.status).toBe(404)
    expect(await gone.json()).toMatchObject({ emulator_error: { code: 'file_not_found' } })
  })
})
