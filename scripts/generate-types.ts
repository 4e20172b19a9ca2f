/**
 * `npm run gen`: regenerates src/generated/<id>.ts from specs/<id>.openapi.yaml with
 * openapi-typescript. A test runs `generateTypes` too and fails when the committed files drift.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { join } from 'node:path'
import openapiTS, { astToString } from 'openapi-typescript'

const root = fileURLToPath(new URL('..', import.meta.url))
export const SPECS_DIR = join(root, 'specs')
export const GENERATED_DIR = join(root, 'src', 'generated')

/** The spec ids found in specs/ (`gptproto` for specs/gptproto.openapi.yaml). */
export async function specIds(): Promise<string[]> {
  const names = await readdir(SPECS_DIR)
  return names
    .filter((n) => n.endsWith('.openapi.yaml'))
    .map((n) => n.replace('.openapi.yaml', ''))
    .sort()
}

/** The TypeScript source generated for one spec, header included. */
export async function generateTypes(id: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(join(SPECS_DIR, `${id}.openapi.yaml`)))
  const header =
    `// Generated from specs/${id}.openapi.yaml by \`npm run gen\` (openapi-typescript). ` +
    'Do not edit.\n\n'
  return header + astToString(ast)
}

export function generatedPath(id: string): string {
  return join(GENERATED_DIR, `${id}.ts`)
}

async function main(): Promise<void> {
  for (const id of await specIds()) {
    const source = await generateTypes(id)
    const path = generatedPath(id)
    const current = await readFile(path, 'utf8').catch(() => '')
    if (current !== source) await writeFile(path, source)
    console.log(`${current === source ? 'unchanged' : 'wrote    '} src/generated/${id}.ts`)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
