/** The README's code runs: its vitest example is examples/vitest/image-app.test.ts, verbatim. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { HELP } from '../src/cli/args.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

describe('README', () => {
  it('shows the vitest example exactly as it runs in this suite', () => {
    const example = readFileSync(
      new URL('../examples/vitest/image-app.test.ts', import.meta.url),
      'utf8',
    )
    expect(readme).toContain('```ts\n' + example + '```')
  })

  it('documents every command-line option the CLI accepts', () => {
    const options = new Set(
      [...HELP.matchAll(/--([a-z-]+)/g)]
        .map((m) => m[1]!)
        .filter((o) => o !== 'help' && o !== 'version'),
    )
    expect(options.size).toBeGreaterThan(10)
    for (const option of options) expect(readme, option).toContain(`--${option}`)
  })
})
