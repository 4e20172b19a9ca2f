/**
 * Pixel-size rules of OpenAI's GPT image models, shared by every provider that takes
 * `WIDTHxHEIGHT`. Messages use OpenAI's wording where it is known, since resellers relay them.
 */

export interface PixelSize {
  width: number
  height: number
}

/** The limits of gpt-image-2 (research/providers.md, "Additional gpt-image-2 size constraints"). */
export const GPT_IMAGE_2_LIMITS = {
  multipleOf: 16,
  maxEdge: 3840,
  maxAspectRatio: 3,
  minPixels: 655_360,
  maxPixels: 8_294_400,
} as const

/** The fixed size set of gpt-image-1, -1-mini and -1.5. */
export const LEGACY_GPT_IMAGE_SIZES = ['1024x1024', '1536x1024', '1024x1536'] as const

/** The size `auto` resolves to when nothing else decides it. */
export const DEFAULT_AUTO_SIZE: PixelSize = { width: 1024, height: 1024 }

export type SizeRule =
  'format' | 'multiple_of_16' | 'max_edge' | 'aspect_ratio' | 'total_pixels' | 'not_supported'

export type SizeCheck =
  { ok: true; size: PixelSize | 'auto' } | { ok: false; rule: SizeRule; message: string }

const PIXELS = /^(\d{1,5})x(\d{1,5})$/

/** Parses `WIDTHxHEIGHT` (lowercase x, no spaces), or returns undefined. */
export function parsePixelSize(text: string): PixelSize | undefined {
  const match = PIXELS.exec(text)
  if (!match) return undefined
  return { width: Number(match[1]), height: Number(match[2]) }
}

export function formatPixelSize({ width, height }: PixelSize): string {
  return `${width}x${height}`
}

/**
 * Checks a `size` string against gpt-image-2's rules: `auto`, or free `WIDTHxHEIGHT` within limits.
 */
export function checkGptImage2Size(text: string): SizeCheck {
  if (text === 'auto') return { ok: true, size: 'auto' }
  const size = parsePixelSize(text)
  const fail = (rule: SizeRule, why: string): SizeCheck => ({
    ok: false,
    rule,
    message: `Invalid size '${text}'. ${why}`,
  })
  if (!size || size.width === 0 || size.height === 0) {
    return fail('format', "Expected WIDTHxHEIGHT, for example '1824x1024'.")
  }
  const { multipleOf, maxEdge, maxAspectRatio, minPixels, maxPixels } = GPT_IMAGE_2_LIMITS
  if (size.width % multipleOf !== 0 || size.height % multipleOf !== 0) {
    return fail('multiple_of_16', `Width and height must both be divisible by ${multipleOf}.`)
  }
  if (Math.max(size.width, size.height) > maxEdge) {
    return fail('max_edge', `The longest edge must be at most ${maxEdge} pixels.`)
  }
  const long = Math.max(size.width, size.height)
  const short = Math.min(size.width, size.height)
  if (long > short * maxAspectRatio) {
    return fail('aspect_ratio', `The aspect ratio must be at most ${maxAspectRatio}:1.`)
  }
  const pixels = size.width * size.height
  if (pixels < minPixels || pixels > maxPixels) {
    return fail(
      'total_pixels',
      `Total pixels must be between ${minPixels} and ${maxPixels}, but got ${pixels}.`,
    )
  }
  return { ok: true, size }
}

/** Checks a `size` string against the fixed set of gpt-image-1, -1-mini and -1.5. */
export function checkLegacyGptImageSize(text: string): SizeCheck {
  if (text === 'auto') return { ok: true, size: 'auto' }
  const size = (LEGACY_GPT_IMAGE_SIZES as readonly string[]).includes(text)
    ? parsePixelSize(text)
    : undefined
  if (size) return { ok: true, size }
  return {
    ok: false,
    rule: 'not_supported',
    message:
      `Invalid value: '${text}'. ` +
      "Supported values are: '1024x1024', '1024x1536', '1536x1024', and 'auto'.",
  }
}

/**
 * The size `auto` becomes for an edit: the standard size closest to the first input image's shape,
 * as OpenAI picks a "best fit" (x-emulator-inferred).
 */
export function autoSizeFor(input: PixelSize | undefined): PixelSize {
  if (!input || input.width === input.height) return DEFAULT_AUTO_SIZE
  return input.width > input.height ? { width: 1536, height: 1024 } : { width: 1024, height: 1536 }
}
