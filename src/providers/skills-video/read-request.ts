/**
 * Reads a create request, JSON or multipart/form-data. In multipart, `image_urls` may repeat and
 * each part may be a URL or an uploaded image (the quickstart's `-F "image_urls=@./sketch.png"`);
 * uploads are referred to by the emulator `/files/` URL they will have, in the order sent, and
 * kept aside: the caller stores them only once the request is accepted, so a refusal keeps none.
 */
import type { Context } from 'hono'
import { fileNameFor } from '../../core/images/image-files.js'
import { Failure } from '../../core/errors/failure.js'
import {
  formFieldsToJson,
  isMultipart,
  nullProto,
  readFormData,
  readJsonObject,
  type UploadedFile,
} from '../../core/http/read-body.js'
import { inspectImage } from '../../core/images/inspect-image.js'
import type { ImageFormat } from '../../core/images/render-image.js'
import { parseRequest } from '../../core/validation.js'
import {
  FORM_BOOLEAN_FIELDS,
  FORM_NUMBER_FIELDS,
  FORM_URL_FIELDS,
  GenerationForm,
  GenerationRequest,
} from './schemas.js'

const UPLOAD_FORMATS: readonly ImageFormat[] = ['png', 'jpeg', 'webp']
const isUploadFormat = (format: string): format is ImageFormat =>
  (UPLOAD_FORMATS as readonly string[]).includes(format)
const isUrlField = (name: string): name is (typeof FORM_URL_FIELDS)[number] =>
  (FORM_URL_FIELDS as readonly string[]).includes(name)

/** An uploaded image, checked but not yet stored. */
export interface Upload {
  bytes: Buffer
  format: ImageFormat
}

export interface ReadGeneration {
  request: GenerationRequest
  /** To put in the file store once the create is accepted; the request already names them. */
  uploads: Upload[]
}

export async function readGenerationRequest(c: Context, origin: string): Promise<ReadGeneration> {
  if (!isMultipart(c)) {
    return { request: parseRequest(GenerationRequest, await readJsonObject(c)), uploads: [] }
  }
  const uploads: Upload[] = []
  const form = await readForm(c, uploads, origin)
  return { request: parseRequest(GenerationForm, form), uploads }
}

/** The form as the JSON body it stands for. */
async function readForm(
  c: Context,
  uploads: Upload[],
  origin: string,
): Promise<Record<string, unknown>> {
  const form = await readFormData(c)
  // Part names are the client's: a null-prototype record keeps `__proto__` a plain name.
  const text = nullProto<string>()
  const imageUrls: string[] = []
  let maskUrl: string | undefined
  for (const [name, value] of form.entries()) {
    if (isUrlField(name)) {
      const position = name === 'image_urls' ? `image_urls.${imageUrls.length}` : 'mask_url'
      const url =
        typeof value === 'string' ? value : await readUpload(value, position, uploads, origin)
      if (name === 'image_urls') imageUrls.push(url)
      else maskUrl = url
    } else if (typeof value === 'string') {
      text[name] = value
    } else {
      throw new Failure('invalid_request', `'${name}' must be a text field, not a file.`, {
        param: name,
      })
    }
  }
  return Object.assign(
    formFieldsToJson(text, { numbers: FORM_NUMBER_FIELDS, booleans: FORM_BOOLEAN_FIELDS }),
    imageUrls.length > 0 ? { image_urls: imageUrls } : {},
    maskUrl !== undefined ? { mask_url: maskUrl } : {},
  )
}

async function readUpload(
  file: UploadedFile,
  position: string,
  uploads: Upload[],
  origin: string,
): Promise<string> {
  const bytes = Buffer.from(await file.arrayBuffer())
  const info = await inspectImage(bytes)
  if (!info || !isUploadFormat(info.format)) {
    throw new Failure(
      'invalid_request',
      `'${position}' must be a PNG, JPEG or WebP image${info ? `, not ${info.format}` : ''}.`,
      { param: position },
    )
  }
  uploads.push({ bytes, format: info.format })
  return `${origin}/files/${fileNameFor(bytes, info.format)}`
}
