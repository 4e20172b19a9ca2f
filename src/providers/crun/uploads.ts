/**
 * CRUN's uploads as its agent CLI makes them: `GET /api/v1/client/files/upload-url` hands out a
 * presigned URL and the file's URL; the bytes are PUT to the presigned URL, then the file URL
 * serves them and CreateTask takes it in `img_urls`. The PUT and the file need no API key, as
 * the real R2 URLs and CDN links need none: the unguessable token is the credential.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import type { EmulatorEnv } from '../../core/http/env.js'
import type { components } from '../../generated/crun.js'
import type { ProviderServices } from '../descriptor.js'
import type { ImageFormat } from '../../core/images/render-image.js'
import { inspectImage } from '../../core/images/inspect-image.js'
import { publicOrigin } from '../../core/http/public-origin.js'
import { parseRequest } from '../../core/validation.js'
import { namespaceOf } from '../../core/steering/middleware.js'
import type { CrunSettings } from './settings.js'

type Schemas = components['schemas']

/** Where the presigned PUTs and the files live under the mount: no API key on either. */
export const UPLOAD_PATHS = ['/__uploads/', '/resources/'] as const

/** Image types only: the emulated channels take images, and the emulator keeps only images. */
const TYPES: Record<string, { format: ImageFormat; exts: readonly string[] }> = {
  'image/png': { format: 'png', exts: ['.png'] },
  'image/jpeg': { format: 'jpeg', exts: ['.jpg', '.jpeg'] },
  'image/webp': { format: 'webp', exts: ['.webp'] },
}
const CONTENT_TYPES = Object.keys(TYPES) as [string, ...string[]]

const UploadUrlQuery = z
  .object({ content_type: z.enum(CONTENT_TYPES), ext: z.string().optional() })
  .refine(
    ({ content_type, ext }) => ext === undefined || TYPES[content_type]!.exts.includes(dotted(ext)),
    {
      path: ['ext'],
      error: ({ input }) => {
        const { content_type } = input as { content_type: string }
        return `'ext' does not match content_type ${content_type}: use ${TYPES[content_type]!.exts.join(' or ')}.`
      },
    },
  )

interface Slot {
  /** Where the URL was issued: a reset of it forgets the upload. */
  namespace: string
  contentType: string
  format: ImageFormat
  /** The file URL's name: the token and the extension. */
  file: string
  /** The kept bytes' name under the image store, once PUT. */
  stored?: string
}

/** Upload URLs handed out and not yet forgotten: the oldest go first, as expiring ones would. */
const MAX_SLOTS = 10_000

export function addUploadRoutes(
  app: Hono<EmulatorEnv>,
  { id, config, images, onReset, records }: ProviderServices<CrunSettings>,
): void {
  // Shared by replicas that share state: the PUT may reach another replica than the GET did.
  const slots = records<Slot>('crun-uploads', MAX_SLOTS)
  onReset((namespace) => void slots.reset(namespace).catch(() => undefined))
  const maxBytes = config.limits.multipartBodyBytes

  app.get('/api/v1/client/files/upload-url', async (c) => {
    const query = parseRequest(UploadUrlQuery, c.req.query())
    const type = TYPES[query.content_type]!
    const token = randomBytes(16).toString('hex')
    const file = token + (query.ext === undefined ? type.exts[0]! : dotted(query.ext))
    const namespace = namespaceOf(c)
    await slots.set(token, namespace, {
      namespace,
      contentType: query.content_type,
      format: type.format,
      file,
    })
    const base = `${publicOrigin(c, config)}/${id}`
    const body: Schemas['UploadUrlResponse'] = {
      code: 200,
      message: 'success',
      data: { presigned_url: `${base}/__uploads/${token}`, file_url: `${base}/resources/${file}` },
    }
    return c.json(body)
  })

  app.put(
    '/__uploads/:token',
    bodyLimit({
      maxSize: maxBytes,
      onError: (c) =>
        refuse(
          c,
          413,
          422,
          `Validation Error: Request body too large. The maximum size is ${maxBytes} bytes.`,
        ),
    }),
    async (c) => {
      const token = c.req.param('token')
      const slot = await slots.get(token)
      if (!slot) return refuse(c, 404, 404, 'Upload URL not found or expired')
      const sent = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
      if (sent !== slot.contentType)
        return refuse(
          c,
          422,
          422,
          `Validation Error: Content-Type must be ${slot.contentType}, the type the upload URL was issued for.`,
        )
      const bytes = Buffer.from(await c.req.arrayBuffer())
      const info = await inspectImage(bytes)
      if (info?.format !== slot.format)
        return refuse(c, 422, 422, `Validation Error: the body is not a ${slot.format} image.`)
      const stored = await images.keep(bytes, slot.format)
      await slots.set(token, slot.namespace, { ...slot, stored })
      return c.body(null, 200, { etag: `"${createHash('md5').update(bytes).digest('hex')}"` })
    },
  )

  app.get('/resources/:file', async (c) => {
    const file = c.req.param('file')
    const slot = await slots.get(file.replace(/\..*$/, ''))
    const stored = slot?.file === file ? slot.stored : undefined
    const found = stored === undefined ? undefined : await images.read(stored)
    if (!found) return refuse(c, 404, 404, 'File not found')
    return c.body(new Uint8Array(found.bytes), 200, { 'content-type': found.contentType })
  })
}

const dotted = (ext: string) => (ext.startsWith('.') ? ext : `.${ext}`).toLowerCase()

/**
 * A refusal of the object store's: always a real HTTP status (the CLI checks only that), in
 * CRUN's envelope.
 */
function refuse(c: Context, status: 404 | 413 | 422, code: 404 | 422, message: string) {
  const body: Schemas['Error'] = { code, message, data: null }
  return c.json(body, status)
}
