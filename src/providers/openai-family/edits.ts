/**
 * `POST /v1/images/edits`: multipart, with up to 16 images (`image[]` as the openai SDK sends
 * them, or `image`) and an optional PNG `mask` the size of the first image.
 */
import type { Handler } from 'hono'
import type { EmulatorEnv } from '../../core/http/env.js'
import { respondJson } from '../../core/http/json-with-base64.js'
import { Failure } from '../../core/errors/failure.js'
import { formFieldsToJson, readMultipart, type MultipartBody } from '../../core/http/read-body.js'
import { autoSizeFor } from '../../core/images/gpt-image-sizes.js'
import { inspectImage, type ImageInfo } from '../../core/images/inspect-image.js'
import { parseOrFail } from './openai-errors.js'
import { chargeJob, imagesResponse, planImageJob, type ImagesContext } from './image-job.js'
import { streamImageJob } from './stream.js'

const IMAGE_FORMATS = ['png', 'jpeg', 'webp']

/** Multipart text fields that hold numbers or booleans, converted before validation. */
export const EDIT_NUMBER_FIELDS = ['n', 'output_compression', 'partial_images'] as const
export const EDIT_BOOLEAN_FIELDS = ['stream'] as const
export const EDIT_FILE_FIELDS = ['image[]', 'image', 'mask'] as const
export const MAX_EDIT_IMAGES = 16

export function createEditHandler(context: ImagesContext): Handler<EmulatorEnv> {
  return async function createImageEdit(c) {
    const form = await readMultipart(c)
    refuseTextInFileFields(form)
    const fields = parseOrFail(
      context.policy.edit,
      formFieldsToJson(form.fields, { numbers: EDIT_NUMBER_FIELDS, booleans: EDIT_BOOLEAN_FIELDS }),
    )
    const images = await readInputImages(form)
    await checkMask(form, images[0]!)
    const { input_fidelity: _fidelity, ...request } = fields
    const job = planImageJob(c, context, request, {
      kind: 'edit',
      inputImages: images,
      autoSize: autoSizeFor(images[0]),
    })
    await chargeJob(c, context, job)
    if (request.stream) return streamImageJob(c, context, job)
    return respondJson(c, await imagesResponse(context, job))
  }
}

function refuseTextInFileFields(form: MultipartBody): void {
  for (const name of EDIT_FILE_FIELDS) {
    if (form.fields[name] !== undefined) {
      throw new Failure(
        'invalid_request',
        `Invalid type for '${name}': expected a file, but got a string instead.`,
        {
          param: name,
          code: 'invalid_type',
        },
      )
    }
  }
  const unknownFile = Object.keys(form.files).find(
    (name) => !(EDIT_FILE_FIELDS as readonly string[]).includes(name),
  )
  if (unknownFile) {
    throw new Failure('invalid_request', `Unknown parameter: '${unknownFile}'.`, {
      param: unknownFile,
      code: 'unknown_parameter',
    })
  }
}

async function readInputImages(form: MultipartBody): Promise<ImageInfo[]> {
  const files = [...(form.files['image[]'] ?? []), ...(form.files['image'] ?? [])]
  if (files.length === 0) {
    throw new Failure('invalid_request', "Missing required parameter: 'image'.", {
      param: 'image',
      code: 'missing_required_parameter',
    })
  }
  if (files.length > MAX_EDIT_IMAGES) {
    throw new Failure(
      'invalid_request',
      `Invalid 'image': array too long. Expected an array with maximum length ` +
        `${MAX_EDIT_IMAGES}, but got an array with length ${files.length} instead.`,
      { param: 'image', code: 'array_above_max_length' },
    )
  }
  return Promise.all(
    files.map(async (file, i) => {
      const info = await inspectImage(new Uint8Array(await file.arrayBuffer()))
      if (!info || !IMAGE_FORMATS.includes(info.format)) {
        const found = info ? ` ('${info.format}')` : ''
        throw new Failure(
          'invalid_request',
          `Invalid file 'image[${i}]': unsupported image format${found}. ` +
            "Supported file formats are 'image/jpeg', 'image/png', and 'image/webp'.",
          { param: 'image', code: 'invalid_image_format' },
        )
      }
      return info
    }),
  )
}

async function checkMask(form: MultipartBody, first: ImageInfo): Promise<void> {
  const mask = form.files['mask']?.[0]
  if (!mask) return
  const info = await inspectImage(new Uint8Array(await mask.arrayBuffer()))
  if (!info || info.format !== 'png') {
    throw new Failure('invalid_request', "Invalid 'mask': the mask must be a PNG image.", {
      param: 'mask',
      code: 'invalid_image_format',
    })
  }
  if (info.width !== first.width || info.height !== first.height) {
    throw new Failure(
      'invalid_request',
      `Invalid 'mask': the mask (${info.width}x${info.height}) must have the same ` +
        `dimensions as the first image (${first.width}x${first.height}).`,
      { param: 'mask', code: 'invalid_value' },
    )
  }
}
