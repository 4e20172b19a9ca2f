/**
 * The specs are the API reference the docs pages render: every body an operation sends or
 * receives (responses, request bodies, callbacks, webhooks) has a schema and at least one example
 * that validates against it, and no description cites a file a reader cannot open.
 */
import { describe, expect, it } from 'vitest'
import { SPEC_IDS } from '../../src/specs.js'
import { escape, loadSpec, resolvePointer, sseData } from '../support/spec-validator.js'

type Node = Record<string, unknown>

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
/** Seed file names, the research notes: files that only exist in this project's workspace. */
const PRIVATE_CITATION = /seed \d|[0-9a-f]{16}\.txt|research\/|providers\.md/

/** One media type of a body: where it is, and what it is in the spec. */
interface Body {
  /** `METHOD path status content-type`, for messages. */
  label: string
  /** JSON pointer to the media type object. */
  pointer: string
  media: Node
}

interface Operation {
  label: string
  pointer: string
  op: Node
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Follows a local `$ref`, giving the object and the pointer it lives at. */
function deref(doc: unknown, node: Node, pointer: string): { node: Node; pointer: string } {
  if (typeof node.$ref !== 'string') return { node, pointer }
  const target = node.$ref.slice(1)
  return { node: resolvePointer(doc, target) as Node, pointer: target }
}

/** Paths' operations, their callbacks' operations (recursively) and webhooks' operations. */
function operations(doc: Node): Operation[] {
  const found: Operation[] = []
  const visit = (item: Node, itemPointer: string, label: string): void => {
    for (const method of HTTP_METHODS) {
      const op = item[method]
      if (!isNode(op)) continue
      const pointer = `${itemPointer}/${method}`
      found.push({ label: `${method.toUpperCase()} ${label}`, pointer, op })
      for (const [name, callback] of Object.entries((op.callbacks as Node | undefined) ?? {})) {
        for (const [expression, cbItem] of Object.entries(callback as Node))
          visit(
            cbItem as Node,
            `${pointer}/callbacks/${escape(name)}/${escape(expression)}`,
            `${label} callback ${name}`,
          )
      }
    }
  }
  for (const [path, item] of Object.entries((doc.paths as Node | undefined) ?? {}))
    visit(item as Node, `/paths/${escape(path)}`, path)
  for (const [name, item] of Object.entries((doc.webhooks as Node | undefined) ?? {}))
    visit(item as Node, `/webhooks/${escape(name)}`, `webhook ${name}`)
  return found
}

function contentOf(doc: Node, owner: Node, pointer: string, label: string): Body[] {
  const { node, pointer: at } = deref(doc, owner, pointer)
  return Object.entries((node.content as Node | undefined) ?? {}).map(([type, media]) => ({
    label: `${label} ${type}`,
    pointer: `${at}/content/${escape(type)}`,
    media: media as Node,
  }))
}

function responseBodies(doc: Node): Body[] {
  return operations(doc).flatMap(({ label, pointer, op }) =>
    Object.entries((op.responses as Node | undefined) ?? {}).flatMap(([status, response]) =>
      contentOf(doc, response as Node, `${pointer}/responses/${status}`, `${label} ${status}`),
    ),
  )
}

function requestBodies(doc: Node): Body[] {
  return operations(doc).flatMap(({ label, pointer, op }) =>
    isNode(op.requestBody)
      ? contentOf(doc, op.requestBody, `${pointer}/requestBody`, `${label} request`)
      : [],
  )
}

/** The example values of a media type, by name (`example` for the single one). */
function examplesOf(doc: Node, media: Node): [string, unknown][] {
  const found: [string, unknown][] = []
  if ('example' in media) found.push(['example', media.example])
  for (const [name, entry] of Object.entries((media.examples as Node | undefined) ?? {})) {
    const { node } = deref(doc, entry as Node, '')
    found.push([name, 'value' in node ? node.value : undefined])
  }
  return found
}

/** Every `description` and `summary` in the document, with where it is. */
function texts(node: unknown, pointer = ''): [string, string][] {
  if (Array.isArray(node)) return node.flatMap((item, i) => texts(item, `${pointer}/${i}`))
  if (!isNode(node)) return []
  return Object.entries(node).flatMap(([key, value]): [string, string][] =>
    (key === 'description' || key === 'summary') && typeof value === 'string'
      ? [[`${pointer}/${key}`, value]]
      : texts(value, `${pointer}/${escape(key)}`),
  )
}

describe.each(SPEC_IDS)('specs/%s.openapi.yaml as a reference', (id) => {
  const { doc: parsed, compileAt } = loadSpec(id)
  const doc = parsed as unknown as Node

  const exampleProblems = (bodies: Body[]): string[] =>
    bodies.flatMap(({ label, pointer, media }) => {
      if (!isNode(media.schema)) return [`${label}: no schema`]
      const examples = examplesOf(doc, media)
      if (examples.length === 0) return [`${label}: no example`]
      const validate = compileAt(`${pointer}/schema`)
      return examples.flatMap(([name, value]) => {
        if (value === undefined) return [`${label} example ${name}: no value`]
        if (validate(value)) return []
        const errors = JSON.stringify(validate.errors).slice(0, 600)
        // A stream written out as text, where the schema describes one `data:` frame.
        if (label.endsWith('text/event-stream') && typeof value === 'string') {
          const frames = sseData(value).map((data) => JSON.parse(data) as unknown)
          if (frames.length > 0 && frames.every((frame) => validate(frame))) return []
        }
        return [`${label} example ${name}: ${errors}`]
      })
    })

  it('gives every response body a schema and examples that validate against it', () => {
    const bodies = responseBodies(doc)
    expect(bodies.length).toBeGreaterThan(0)
    expect(exampleProblems(bodies)).toEqual([])
  })

  it('gives every request body (callbacks and webhooks too) examples that validate', () => {
    expect(exampleProblems(requestBodies(doc))).toEqual([])
  })

  it('cites no file a reader cannot open', () => {
    const citations = texts(doc)
      .filter(([, text]) => PRIVATE_CITATION.test(text))
      .map(([pointer, text]) => `${pointer}: ${text.match(PRIVATE_CITATION)![0]}`)
    expect(citations).toEqual([])
  })
})
