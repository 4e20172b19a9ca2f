/** Layers partial configs: later layers win; nested objects merge, arrays and values replace. */
import type { EmulatorConfigInput } from '../config.js'

export function mergeConfig(...layers: (EmulatorConfigInput | undefined)[]): EmulatorConfigInput {
  return layers.reduce<Record<string, unknown>>(
    (merged, layer) => mergeObjects(merged, layer ?? {}),
    {},
  )
}

function mergeObjects(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...base }
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue
    const current = out[key]
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeObjects(current, value) : value
  }
  return out
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
