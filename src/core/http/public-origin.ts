/**
 * The origin for absolute URLs in responses: EMULATOR_PUBLIC_URL when set, else the request's own.
 */
import type { Context } from 'hono'

export function publicOrigin(c: Context, config: { publicUrl?: string | undefined }): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '')
  return new URL(c.req.url).origin
}
