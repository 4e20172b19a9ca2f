/** Types for scripts/redoc-asset.mjs (a plain Node script, imported by the tests). */
export function rewriteRedoc(source: string): string
export function copyRedoc(outDir: string): Promise<string>
