/**
 * Redoc for `/__emulator/docs`, served from the emulator itself: copies redoc's standalone bundle
 * into the build output with its one outbound request (the footer's logo, fetched from Redocly's
 * CDN) rewritten to an inline image, and refuses to write it when a Redoc upgrade adds a request
 * to another origin. Called by scripts/build-ui.mjs; runnable alone:
 * `node scripts/redoc-asset.mjs [outDir]` (default dist/ui).
 */
import { mkdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { writeWhole } from './write-whole.mjs'

const root = dirname(dirname(fileURLToPath(import.meta.url)))

/** The footer logo, as redoc 2.5 writes it: `<img src="https://cdn.redoc.ly/...">`. */
const LOGO = 'src:"https://cdn.redoc.ly/redoc/logo-mini.svg"'
const LOGO_OCCURRENCES = 1
/** A neutral 15px mark in its place (the CSP allows `img-src data:`). */
const INLINE_LOGO =
  'src:"data:image/svg+xml,' +
  "%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E" +
  "%3Cpath d='M3 1.5h7l3 3v10H3z' fill='none' stroke='%23999'/%3E%3C/svg%3E\""

/**
 * Hosts of the absolute URLs the bundle may keep: strings the browser never requests. XML and
 * JSON Schema identifiers, links inside error messages, the footer's `<a href>`, Redocly's
 * registry-URL prefix test, format samples. Any other host fails the build until reviewed.
 */
const INERT_HOSTS = [
  /^$/, // a bare `https://` prefix, in URL string handling
  /^www\.w3\.org$/, // XML namespaces
  /^json-schema\.org$/, // JSON Schema $id / $schema / vocabularies
  /^raw\.githubusercontent\.com$/, // ajv's $data meta-schema $id
  /^(github\.com|git\.io|fb\.me|reactjs\.org|marked\.js\.org|stackoverflow\.com)$/, // error texts
  /^redocly\.com$/, // the footer link, a lint-file comment, an SSO config default
  /^api\.\$\{\w+\}$/, // isRedoclyRegistryURL: a startsWith() test
  /^example\.com$/, // JSON Schema format samples (uri, iri)
]

/** An absolute URL in a position where the browser would fetch it. */
const FETCHED =
  /(?:\bsrc\s*[:=]\s*|\burl\(\s*|@import\s+(?:url\(\s*)?|\bimportScripts\(\s*|\bfetch\(\s*|\bnew\s+(?:Worker|EventSource|WebSocket)\(\s*)["'`]?(?:https?:)?\/\/[^\s"'`)]/g

/**
 * Returns the bundle with the logo rewritten; throws when the logo is not where expected, or when
 * an absolute URL is in a fetched position or on a host not known to be inert. Checks the whole
 * file, code and comments alike (the bundle's license text is in a separate .LICENSE.txt).
 */
export function rewriteRedoc(source) {
  const found = source.split(LOGO).length - 1
  if (found !== LOGO_OCCURRENCES)
    throw new Error(
      `redoc-asset: expected ${LOGO_OCCURRENCES} footer logo URL(s), found ${found}: ` +
        'the Redoc bundle changed, review scripts/redoc-asset.mjs',
    )
  const out = source.split(LOGO).join(INLINE_LOGO)
  const problems = []
  if (out.includes('cdn.redoc.ly')) problems.push('cdn.redoc.ly is still referenced')
  for (const match of out.matchAll(FETCHED)) problems.push(`fetched URL: ${match[0]}`)
  for (const match of out.matchAll(/https?:\/\/([^\s"'`/\\)<>,;?#]*)/g)) {
    const host = match[1] ?? ''
    if (!INERT_HOSTS.some((re) => re.test(host))) problems.push(`unreviewed URL: ${match[0]}`)
  }
  if (problems.length)
    throw new Error(
      `redoc-asset: the Redoc bundle would reach outside the emulator:\n  ${problems.join('\n  ')}`,
    )
  return out
}

/** Writes `<outDir>/redoc.standalone.js`; returns its path. */
export async function copyRedoc(outDir) {
  const require = createRequire(join(root, 'package.json'))
  const source = await readFile(require.resolve('redoc/bundles/redoc.standalone.js'), 'utf8')
  await mkdir(outDir, { recursive: true })
  const target = join(outDir, 'redoc.standalone.js')
  await writeWhole(target, rewriteRedoc(source))
  return target
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await copyRedoc(resolve(process.argv[2] ?? join(root, 'dist', 'ui')))
}
