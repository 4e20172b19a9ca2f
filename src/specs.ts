/** Where the OpenAPI specs live at run time (they ship beside src/ and dist/). */
import { fileURLToPath } from 'node:url'
import { PROVIDER_IDS } from './providers/index.js'

/** The control plane's own spec, then one per provider. */
export const SPEC_IDS: readonly string[] = ['emulator', ...PROVIDER_IDS]

export function specPath(id: string): string {
  return fileURLToPath(new URL(`../specs/${id}.openapi.yaml`, import.meta.url))
}
