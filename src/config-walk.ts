/**
 * Reads the config schema alongside a value: the keys known at a path (for "did you mean"),
 * the keys given that no setting has (zod drops them silently), and numbers given where the
 * setting is an enum of numeric strings (`refusalStatus: 200` in YAML means '200').
 */
import { z } from 'zod'

type Path = readonly PropertyKey[]

/** The schema inside defaults, prefaults, optionals and nullables. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema
  while (
    current instanceof z.ZodDefault ||
    current instanceof z.ZodPrefault ||
    current instanceof z.ZodOptional ||
    current instanceof z.ZodNullable
  )
    current = current.def.innerType
  return current
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The schema a path leads to (array items and record values included), if any. */
export function schemaAt(schema: z.core.$ZodType, path: Path): z.core.$ZodType | undefined {
  let current: z.core.$ZodType | undefined = unwrap(schema)
  for (const key of path) {
    if (current instanceof z.ZodObject)
      current = (current.shape as Record<PropertyKey, z.core.$ZodType | undefined>)[key]
    else if (current instanceof z.ZodArray) current = current.element
    else if (current instanceof z.ZodRecord) current = current.valueType
    else return undefined
    if (current) current = unwrap(current)
  }
  return current
}

/** The keys a setting takes: an object's fields, or the enum naming a record's keys. */
export function knownKeysAt(schema: z.core.$ZodType, path: Path): string[] {
  const at = schemaAt(schema, path)
  if (at instanceof z.ZodObject) return Object.keys(at.shape)
  if (at instanceof z.ZodRecord && at.keyType instanceof z.ZodEnum)
    return at.keyType.options.map(String)
  return []
}

/** The values an enum setting takes, as strings; empty when it is no enum. */
export function enumValuesAt(schema: z.core.$ZodType, path: Path): string[] {
  const at = schemaAt(schema, path)
  return at instanceof z.ZodEnum ? at.options.map(String) : []
}

/** Keys of `value` that no object of the schema has, as `unrecognized_keys` issues. */
export function unknownKeys(
  schema: z.core.$ZodType,
  value: unknown,
  path: PropertyKey[] = [],
): z.core.$ZodIssueUnrecognizedKeys[] {
  const at = unwrap(schema)
  if (at instanceof z.ZodArray && Array.isArray(value))
    return value.flatMap((item, i) => unknownKeys(at.element, item, [...path, i]))
  if (!(at instanceof z.ZodObject) || !isObject(value)) return []
  const shape = at.shape as Record<string, z.core.$ZodType>
  const keys = Object.keys(value).filter((k) => !(k in shape) && value[k] !== undefined)
  const here: z.core.$ZodIssueUnrecognizedKeys[] = keys.length
    ? [{ code: 'unrecognized_keys', keys, path, message: 'unknown settings', input: value }]
    : []
  return [
    ...here,
    ...Object.entries(value).flatMap(([k, v]) =>
      k in shape ? unknownKeys(shape[k]!, v, [...path, k]) : [],
    ),
  ]
}

/** `value` with each number given for an enum of strings replaced by that string, if listed. */
export function coerceEnumNumbers(schema: z.core.$ZodType, value: unknown): unknown {
  const at = unwrap(schema)
  if (at instanceof z.ZodEnum && typeof value === 'number') {
    const text = String(value)
    return at.options.includes(text) ? text : value
  }
  if (at instanceof z.ZodArray && Array.isArray(value))
    return value.map((item) => coerceEnumNumbers(at.element, item))
  if (at instanceof z.ZodRecord && isObject(value))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, coerceEnumNumbers(at.valueType, v)]),
    )
  if (at instanceof z.ZodObject && isObject(value)) {
    const shape = at.shape as Record<string, z.core.$ZodType>
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, shape[k] ? coerceEnumNumbers(shape[k], v) : v]),
    )
  }
  return value
}
