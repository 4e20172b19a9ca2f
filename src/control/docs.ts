/**
 * `/__emulator/docs`: the specs rendered by Redoc, served by the emulator itself so the reference
 * works offline. The page loads the Redoc bundle from `/__emulator/assets/` (built by
 * scripts/redoc-asset.mjs, the CDN logo rewritten) and a small init script from this module,
 * which fetches the spec as JSON with its servers pointed at this emulator. Loaded on the first
 * visit (control/index.ts): no start pays for it, nor for the YAML parser.
 */
import { readFile } from 'node:fs/promises'
import { EmulatorError } from '../core/errors/emulator-error.js'
import { specPath, SPEC_IDS } from '../specs.js'

interface Server {
  url: string
  description?: string
}
/** What this module reads of a spec; the rest passes through to Redoc untouched. */
interface Spec {
  [key: string]: unknown
  info?: { title?: string }
  servers?: Server[]
}

const parsed = new Map<string, Promise<Spec>>()

/** Parsed once per id; a failed read is not cached, so a fixed file is picked up. */
function loadSpec(id: string): Promise<Spec> {
  if (!SPEC_IDS.includes(id))
    throw new EmulatorError(404, 'not_found', `No spec '${id}'.`, {
      field: 'id',
      allowed: [...SPEC_IDS],
    })
  let spec = parsed.get(id)
  if (!spec) {
    spec = (async () => {
      const { parse } = await import('yaml')
      return parse(await readFile(specPath(id), 'utf8')) as Spec
    })()
    parsed.set(id, spec)
    spec.catch(() => parsed.delete(id))
  }
  return spec
}

/** The specs' own entry for the emulator (`http://127.0.0.1:4010[/<id>]`), replaced per request. */
function isEmulatorEntry(server: Server): boolean {
  return (
    server.description === 'gpt-image-emulator' ||
    /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(server.url)
  )
}

/**
 * `/__emulator/docs/:id/spec.json`: the spec with this emulator's entry (`<origin>/<id>`, the
 * origin itself for the control plane) listed first, so Redoc shows URLs that work here; the real
 * services' entries follow.
 */
export async function specJson(id: string, origin: string): Promise<string> {
  const spec = await loadSpec(id)
  const here: Server = {
    url: id === 'emulator' ? origin : `${origin}/${id}`,
    description: 'gpt-image-emulator (this server)',
  }
  const real = (spec.servers ?? []).filter((s) => !isEmulatorEntry(s))
  return JSON.stringify({ ...spec, servers: [here, ...real] })
}

/**
 * A spec's `info.title`, from its top-level `info:` block alone: parsing all seven specs whole
 * takes seconds on a cold start, this a few milliseconds.
 */
async function titleOf(id: string): Promise<string> {
  const { parse } = await import('yaml')
  const block = /^info:\n(?:[ \t].*\n|\n)*/m.exec(await readFile(specPath(id), 'utf8'))
  const info = (block ? parse(block[0]) : null) as { info?: { title?: unknown } } | null
  return typeof info?.info?.title === 'string' ? info.info.title : ''
}

/** `/__emulator/docs`: every spec, one line each. */
export async function docsIndexPage(): Promise<string> {
  const titles = await Promise.all(SPEC_IDS.map(titleOf))
  const items = SPEC_IDS.map(
    (id, i) =>
      `<li><a href="/__emulator/docs/${id}"><code>${id}</code></a> ` +
      `${esc(titles[i] ?? '')} ` +
      `<small>(<a href="/__emulator/specs/${id}.openapi.yaml">YAML</a>)</small></li>`,
  )
  return (
    head('API reference · gpt-image-emulator') +
    `<style>${INDEX_STYLE}</style></head><body><main><h1>API reference</h1>` +
    '<p>The emulated APIs and the control plane, from the OpenAPI specs the emulator is ' +
    `checked against.</p><ul>${items.join('')}</ul></main></body></html>`
  )
}

/** `/__emulator/docs/:id`: a shell that Redoc fills in (see `DOCS_INIT_JS`). */
export async function docsPage(id: string): Promise<string> {
  const spec = await loadSpec(id)
  return (
    head(`${id}: ${spec.info?.title ?? id} · gpt-image-emulator`) +
    `<style>${PAGE_STYLE}</style></head><body>` +
    '<nav><a href="/__emulator/docs">API reference</a> › ' +
    `<code>${id}</code> · <a href="/__emulator/specs/${id}.openapi.yaml">YAML</a></nav>` +
    `<div id="redoc" data-spec="/__emulator/docs/${id}/spec.json"><p class="status">Loading…</p>` +
    '<noscript><p class="status">The reference needs JavaScript; the spec is also ' +
    `<a href="/__emulator/specs/${id}.openapi.yaml">plain YAML</a>.</p></noscript></div>` +
    '<script src="/__emulator/assets/redoc.standalone.js"></script>' +
    '<script src="/__emulator/docs/init.js"></script></body></html>'
  )
}

/**
 * `/__emulator/docs/init.js`: a static script rather than an inline one, so the CSP can keep
 * `script-src 'self'`. Extensions are shown because `x-emulator-inferred` is the point of
 * these pages: it marks what the providers' docs leave open.
 */
export const DOCS_INIT_JS = `(async () => {
  const el = document.getElementById('redoc')
  const fail = (message) => {
    el.innerHTML = '<p class="status error"></p>'
    el.firstChild.textContent = message
  }
  try {
    const response = await fetch(el.dataset.spec, { headers: { accept: 'application/json' } })
    if (!response.ok) throw new Error('The spec answered HTTP ' + response.status + '.')
    const spec = await response.json()
    if (!window.Redoc) {
      fail('Redoc is not built: run npm run build, then reload.')
      return
    }
    const sans = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif'
    window.Redoc.init(
      spec,
      {
        showExtensions: ['x-emulator-inferred', 'x-emulator-inferred-reason'],
        hideDownloadButtons: true,
        expandResponses: '200,201,202',
        jsonSampleExpandLevel: 4,
        schemaExpansionLevel: 2,
        requiredPropsFirst: true,
        expandSingleSchemaField: true,
        nativeScrollbars: true,
        scrollYOffset: 0,
        theme: {
          typography: {
            fontFamily: sans,
            headings: { fontFamily: sans },
            code: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' },
          },
          // Redoc's grey type names (#757575 on #fafafa) fall short of WCAG's 4.5:1.
          colors: { text: { secondary: '#4f4f4f' } },
          schema: { typeNameColor: '#4f4f4f', typeTitleColor: '#4f4f4f' },
        },
      },
      el,
    )
    mendAccessibility(el)
  } catch (error) {
    fail('Could not load the spec: ' + (error instanceof Error ? error.message : String(error)))
  }
})()

// Two things Redoc renders that assistive tools trip on, mended as they appear: side-menu items
// named by an aria-label that leaves out their visible method badge, and code samples that
// scroll but cannot take the keyboard's focus.
function mendAccessibility(root) {
  const mend = () => {
    for (const item of root.querySelectorAll('li[role="menuitem"][aria-label]'))
      item.removeAttribute('aria-label')
    for (const pre of root.querySelectorAll('pre:not([tabindex])')) pre.tabIndex = 0
  }
  new MutationObserver(mend).observe(root, { childList: true, subtree: true })
  mend()
}
`

function head(title: string): string {
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    // An empty icon: otherwise the browser asks for /favicon.ico, a 404 in the console.
    '<link rel="icon" href="data:,">' +
    `<title>${esc(title)}</title>`
  )
}

const INDEX_STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;color:#222;margin:0}' +
  'main{max-width:48rem;margin:2rem auto;padding:0 1rem}' +
  'li{margin:.4rem 0}code{background:#f3f3f5;padding:0 .25em;border-radius:3px}' +
  'small{color:#666}'

const PAGE_STYLE =
  'body{margin:0;font-family:system-ui,sans-serif}' +
  'nav{padding:.5rem 1rem;border-bottom:1px solid #e4e4e8;font-size:14px;background:#fafafb}' +
  'nav code{font-size:13px}.status{padding:2rem 1rem;color:#555}.error{color:#a40000}'

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}
