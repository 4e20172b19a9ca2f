/**
 * `/__emulator/docs`: the specs as readable HTML pages, served by the emulator itself (no CDN, so
 * it works offline): every operation with its fields, defaults, limits and responses, and what
 * the emulator inferred where the providers' docs are silent. Loaded on the first visit
 * (control/index.ts): no start pays for it.
 */
import { readFile } from 'node:fs/promises'
import { EmulatorError } from '../core/errors/emulator-error.js'
import { specPath, SPEC_IDS } from '../specs.js'

/**
 * What this page reads of a parsed spec: the document and every object in it (path item,
 * operation, parameter, schema, response) share this one loose shape, as the YAML gives them.
 */
interface Node {
  [key: string]: unknown
  $ref?: string
  info?: { title?: string; description?: string }
  servers?: { url?: string; description?: string }[]
  paths?: Record<string, Node>
  summary?: string
  description?: string
  parameters?: Node[]
  requestBody?: { content?: Record<string, Node> }
  responses?: Record<string, Node>
  name?: string
  in?: string
  schema?: Node
  required?: string[]
  properties?: Record<string, Node>
  items?: Node
  anyOf?: Node[]
  oneOf?: Node[]
  enum?: unknown[]
  const?: unknown
  type?: string | string[]
  default?: unknown
  minimum?: number
  maximum?: number
  maxLength?: number
  maxItems?: number
  'x-emulator-inferred'?: boolean
  'x-emulator-inferred-reason'?: string
}

/** `/__emulator/docs`: the list of specs. */
export function docsIndexPage(): string {
  return page(
    'gpt-image-emulator API reference',
    `<h1>API reference</h1><ul>${SPEC_IDS.map(
      (id) =>
        `<li><a href="/__emulator/docs/${id}">${id}</a> ` +
        `(<a href="/__emulator/specs/${id}.openapi.yaml">YAML</a>)</li>`,
    ).join('')}</ul>`,
  )
}

/** `/__emulator/docs/:id`: one spec, read and parsed on each visit. */
export async function docsPage(id: string): Promise<string> {
  if (!SPEC_IDS.includes(id))
    throw new EmulatorError(404, 'not_found', `No spec '${id}'.`, {
      field: 'id',
      allowed: [...SPEC_IDS],
    })
  const { parse } = await import('yaml')
  const spec = parse(await readFile(specPath(id), 'utf8')) as Node
  return page(`${id}: ${spec.info?.title ?? id}`, renderSpec(id, spec))
}

function renderSpec(id: string, spec: Node): string {
  const resolve = (node: Node | undefined): Node | undefined => {
    if (!node?.$ref) return node
    const target = node.$ref
      .slice(2)
      .split('/')
      .reduce<Node | undefined>(
        (n, part) => n?.[part.replace(/~1/g, '/').replace(/~0/g, '~')] as Node | undefined,
        spec,
      )
    return resolve(
      target
        ? { ...target, ...Object.fromEntries(Object.entries(node).filter(([k]) => k !== '$ref')) }
        : undefined,
    )
  }
  const parts = [
    '<p><a href="/__emulator/docs">All specs</a> · ' +
      `<a href="/__emulator/specs/${id}.openapi.yaml">YAML</a></p>`,
    `<h1>${esc(spec.info?.title ?? id)}</h1>`,
    md(spec.info?.description),
  ]
  if (spec.servers) {
    const servers = spec.servers.map(
      (s) => `<code>${esc(s.url)}</code> ${esc(s.description ?? '')}`,
    )
    parts.push(`<p>${servers.join('<br>')}</p>`)
  }
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    // A path item's keys are its operations (by HTTP method) and a few others, skipped below.
    for (const [method, op] of Object.entries(item) as [string, Node][]) {
      if (!['get', 'post', 'put', 'delete', 'patch'].includes(method)) continue
      parts.push(
        `<h2><span class="method">${method.toUpperCase()}</span> <code>${esc(path)}</code></h2>`,
        `<p><strong>${esc(op.summary ?? '')}</strong></p>`,
        md(op.description),
        inferred(op),
      )
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve)
      if (params.length)
        parts.push(
          table(
            ['parameter', 'in', 'type', 'notes'],
            params.map((p) => [
              `<code>${esc(p!.name)}</code>`,
              esc(p!.in),
              esc(typeOf(resolve(p!.schema))),
              md(p!.description),
            ]),
          ),
        )
      for (const [type, content] of Object.entries(op.requestBody?.content ?? {})) {
        const schema = resolve(content.schema)
        parts.push(
          `<h3>Request body <code>${esc(type)}</code></h3>`,
          md(schema?.description),
          inferred(schema),
        )
        parts.push(fields(schema, resolve))
      }
      parts.push(
        '<h3>Responses</h3>',
        table(
          ['status', 'meaning'],
          Object.entries(op.responses ?? {}).map(([status, r]) => [
            status,
            `${md(resolve(r)?.description)}${inferred(resolve(r))}`,
          ]),
        ),
      )
    }
  }
  return parts.join('\n')
}

function fields(
  schema: Node | undefined,
  resolve: (n: Node | undefined) => Node | undefined,
): string {
  const rows = fieldRows(schema, resolve, '')
  return rows.length ? table(['field', 'type', 'required', 'default', 'notes'], rows) : ''
}

/** One row per property, nested objects flattened as `input.prompt`. */
function fieldRows(
  schema: Node | undefined,
  resolve: (n: Node | undefined) => Node | undefined,
  prefix: string,
): string[][] {
  const required = new Set<string>(schema?.required ?? [])
  return Object.entries(schema?.properties ?? {}).flatMap(([name, raw]) => {
    const p = resolve(raw) ?? {}
    const limits = [
      p.minimum !== undefined && `min ${p.minimum}`,
      p.maximum !== undefined && `max ${p.maximum}`,
      p.maxLength !== undefined && `max length ${p.maxLength}`,
      p.maxItems !== undefined && `max ${p.maxItems} items`,
    ]
      .filter(Boolean)
      .join(', ')
    const row = [
      `<code>${esc(prefix + name)}</code>`,
      esc(typeOf(p)),
      required.has(name) ? 'yes' : '',
      p.default === undefined ? '' : `<code>${esc(JSON.stringify(p.default))}</code>`,
      `${limits ? `${esc(limits)}. ` : ''}${md(p.description)}${inferred(p)}`,
    ]
    return [row, ...(p.properties ? fieldRows(p, resolve, `${prefix}${name}.`) : [])]
  })
}

function typeOf(schema: Node | undefined): string {
  if (!schema) return ''
  if (schema.enum) return schema.enum.join(' | ')
  if (schema.const !== undefined) return JSON.stringify(schema.const)
  if (schema.type === 'array') return `${typeOf(schema.items)}[]`
  const alternatives = schema.anyOf || schema.oneOf
  if (alternatives) return alternatives.map(typeOf).join(' or ')
  return Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'object')
}

function inferred(node: Node | undefined): string {
  return node?.['x-emulator-inferred']
    ? ' <span class="inferred" title="x-emulator-inferred">' +
        `inferred: ${esc(node['x-emulator-inferred-reason'] ?? '')}</span>`
    : ''
}

function table(head: string[], rows: string[][]): string {
  const headRow = `<tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>`
  const bodyRows = rows.map((r) => `<tr>${r.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
  return `<table>${headRow}${bodyRows.join('')}</table>`
}

/** Just enough Markdown for spec descriptions: code spans and paragraphs. */
function md(text: unknown): string {
  if (typeof text !== 'string' || !text.trim()) return ''
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((para) => `<p>${esc(para).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>`)
    .join('')
}

function esc(text: string | number | boolean | undefined): string {
  return String(text ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

const STYLE = [
  'body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;' +
    'color:#222}',
  'code{background:#f3f3f5;padding:0 .25em;border-radius:3px}' +
    'table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}',
  'td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}' +
    'th{background:#fafafa}',
  'h2{margin-top:2.5rem;border-top:1px solid #eee;padding-top:1rem}' +
    '.method{color:#fff;background:#446;border-radius:4px;padding:0 .4em;font-size:.8em}',
  '.inferred{color:#8a5a00;background:#fff4d6;border-radius:3px;padding:0 .3em;font-size:.85em}',
].join('\n')

function page(title: string, body: string): string {
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<title>${esc(title)}</title><style>\n${STYLE}</style></head><body>${body}</body></html>`
  )
}
