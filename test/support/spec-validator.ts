/**
 * Checks real emulator responses against specs/<id>.openapi.yaml: status documented for the
 * operation, documented headers present and well-formed, JSON bodies (and each SSE data frame)
 * valid against the schema. It also remembers which documented responses a suite exercised, so a
 * suite can assert that it covered every one.
 */
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { specPath } from '../../src/specs.js'

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void

export interface OpenApiDoc {
  paths: Record<
    string,
    Record<string, { operationId?: string; responses: Record<string, ResponseObject> }>
  >
  components?: { responses?: Record<string, ResponseObject> }
}
interface ResponseObject {
  $ref?: string
  headers?: Record<string, { $ref?: string; schema?: object }>
  content?: Record<string, { schema?: object }>
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'])

export interface SpecValidator {
  /**
   * Validates a response; `path` is the request path under the mount (`/v1/images/generations`).
   */
  check(method: string, path: string, response: Response, body?: string): Promise<void>
  /** `METHOD path status` of every documented response not yet checked. */
  unexercised(): string[]
}

export interface LoadedSpec {
  doc: OpenApiDoc
  /** A validator for the schema at a JSON pointer into the spec (`/components/schemas/Task`). */
  compileAt: (pointer: string) => ValidateFunction
}

/** Parses specs/<id>.openapi.yaml and compiles (cached) validators for schemas inside it. */
export function loadSpec(id: string): LoadedSpec {
  const doc = parseYaml(readFileSync(specPath(id), 'utf8')) as OpenApiDoc
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema(doc, id)
  const compiled = new Map<string, ValidateFunction>()
  const compileAt = (pointer: string): ValidateFunction => {
    let fn = compiled.get(pointer)
    if (!fn) {
      fn = ajv.compile({ $ref: `${id}#${pointer}` })
      compiled.set(pointer, fn)
    }
    return fn
  }
  return { doc, compileAt }
}

export function createSpecValidator(id: string, mount = ''): SpecValidator {
  const { doc, compileAt } = loadSpec(id)
  const seen = new Set<string>()

  const operations = Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, op]) => ({
        template,
        method: method.toUpperCase(),
        op,
        pattern: new RegExp(
          '^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+') + '$',
        ),
      })),
  )

  return {
    async check(method, path, response, body) {
      const local = path.startsWith(mount) ? path.slice(mount.length) : path
      const operation = operations.find(
        (o) => o.method === method && o.pattern.test(local.split('?')[0]!),
      )
      if (!operation) throw new Error(`${id} spec has no operation for ${method} ${local}`)
      const status = String(response.status)
      let responseObject = operation.op.responses[status]
      if (!responseObject)
        throw new Error(
          `${id} spec: ${method} ${operation.template} does not document status ${status}`,
        )
      const operationPointer = `/paths/${escape(operation.template)}/${method.toLowerCase()}`
      let pointer = `${operationPointer}/responses/${status}`
      if (responseObject.$ref) {
        pointer = responseObject.$ref.slice(1)
        responseObject = resolvePointer(doc, pointer) as ResponseObject
      }
      seen.add(`${method} ${operation.template} ${status}`)

      for (const [name, header] of Object.entries(responseObject.headers ?? {})) {
        const value = response.headers.get(name)
        if (value === null)
          throw new Error(`${method} ${local} ${status}: documented header '${name}' is missing`)
        const schemaPointer = header.$ref
          ? `${header.$ref.slice(1)}/schema`
          : `${pointer}/headers/${escape(name)}/schema`
        assertValid(compileAt(schemaPointer), value, `header ${name}`)
      }

      const text = body ?? (await response.text())
      const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim()
      const content = responseObject.content ?? {}
      if (Object.keys(content).length === 0) {
        if (text !== '')
          throw new Error(
            `${method} ${local} ${status}: the spec documents no body, but one was sent`,
          )
        return
      }
      if (!(contentType in content)) {
        const documented = Object.keys(content).join(', ')
        throw new Error(
          `${method} ${local} ${status}: content type '${contentType}' is not documented ` +
            `(${documented})`,
        )
      }
      const validate = compileAt(`${pointer}/content/${escape(contentType)}/schema`)
      if (contentType === 'text/event-stream') {
        for (const data of sseData(text))
          assertValid(validate, JSON.parse(data), `SSE frame ${data.slice(0, 80)}`)
      } else if (contentType === 'application/json') {
        assertValid(validate, JSON.parse(text), 'body')
      }
    },
    unexercised() {
      return operations.flatMap(({ method, template, op }) =>
        Object.keys(op.responses)
          .map((status) => `${method} ${template} ${status}`)
          .filter((key) => !seen.has(key)),
      )
    },
  }
}

/** The `data:` payloads of a server-sent-events body, one per event. */
export function sseData(text: string): string[] {
  return text
    .split(/\n\n+/)
    .map((frame) =>
      frame
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trimStart())
        .join('\n'),
    )
    .filter((data) => data !== '')
}

function assertValid(validate: ValidateFunction, value: unknown, what: string): void {
  if (!validate(value)) {
    throw new Error(
      `${what} does not match the spec: ${JSON.stringify(validate.errors, null, 1).slice(0, 1500)}`,
    )
  }
}

export function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}

export function resolvePointer(doc: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (node, part) =>
        (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')],
      doc,
    )
}
