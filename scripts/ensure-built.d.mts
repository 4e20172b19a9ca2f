/** Types for scripts/ensure-built.mjs (a plain Node script, imported by the package tests). */
export function isStale(outputs: string[], inputs: string[], base?: string): boolean
export function ensureCommandBuilt(options?: { log?: (line: string) => void }): boolean
