/** Where the OpenAPI specs live at run time (they ship beside src/ and dist/). */
import { fileURLToPath } from 'node:url'

export const SPEC_IDS = [
  'emulator',
  'skills-video',
  'oceanbase',
  'aivideoapi',
  'crun',
  'gptproto',
] as const

export function specPath(id: string): string {
  return fileURLToPath(new URL(`../specs/${id}.openapi.yaml`, import.meta.url))
}
