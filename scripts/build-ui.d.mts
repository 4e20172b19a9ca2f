/** Types for scripts/build-ui.mjs (a plain Node script, imported by the tests). */
export interface AssetSize {
  raw: number
  gzip: number
}
export function buildUi(outDir?: string): Promise<Record<string, AssetSize>>
