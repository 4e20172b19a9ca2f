import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { generateTypes, generatedPath, specIds } from '../../scripts/generate-types.js'

describe('src/generated', async () => {
  const ids = await specIds()

  it('has one generated file per spec', () => {
    expect(ids).toEqual(expect.arrayContaining(['emulator', 'gptproto', 'oceanbase']))
  })

  it.each(ids)(
    'matches a fresh generation from specs/%s.openapi.yaml (run `npm run gen`)',
    async (id) => {
      const committed = await readFile(generatedPath(id), 'utf8').catch(() => '(missing)')
      expect(committed).toBe(await generateTypes(id))
    },
  )
})
