/** Types for scripts/ensure-built.mjs (a plain Node script, imported by the package tests). */
export const COMMAND_OUTPUTS: string[]
export const COMMAND_INPUTS: string[]
export function newestMtime(path: string): number
export function isStale(outputs: string[], inputs: string[], base?: string): boolean
export function ensureCommandBuilt(options?: { log?: (line: string) => void }): boolean
