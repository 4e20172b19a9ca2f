/**
 * Aspect ratio x resolution tier -> pixels, verbatim from aivideoapi.ai's gpt-image-2 page
 * (seed 002, "Size & Resolution"). Where the 1k tier lists two sizes, the first is used unless
 * configured otherwise. skills.video and CRUN publish no table; they use this one
 * (x-emulator-inferred).
 */
import { parsePixelSize, type PixelSize } from './gpt-image-sizes.js'

export type Tier = '1k' | '2k' | '4k'

/** The tier of an uppercase resolution name, as skills.video and CRUN spell them. */
export const RESOLUTION_TIERS = { '1K': '1k', '2K': '2k', '4K': '4k' } as const satisfies Record<
  string,
  Tier
>
export type OneKVariant = 'first' | 'second'

const TABLE = {
  '1:1': ['1024x1024', '1254x1254', '2048x2048', '2880x2880'],
  '3:2': ['1536x1024', null, '2048x1360', '3520x2336'],
  '2:3': ['1024x1536', null, '1360x2048', '2336x3520'],
  '4:3': ['1024x768', null, '2048x1536', '3312x2480'],
  '3:4': ['768x1024', null, '1536x2048', '2480x3312'],
  '5:4': ['1280x1024', '1448x1086', '2560x2048', '3216x2576'],
  '4:5': ['1024x1280', '1122x1402', '2048x2560', '2576x3216'],
  '16:9': ['1536x864', '1672x941', '2048x1152', '3840x2160'],
  '9:16': ['864x1536', '941x1672', '1152x2048', '2160x3840'],
  '2:1': ['2048x1024', '1774x887', '2688x1344', '3840x1920'],
  '1:2': ['1024x2048', '887x1774', '1344x2688', '1920x3840'],
  '3:1': ['1881x836', '1536x512', '3072x1024', '3840x1280'],
  '1:3': ['887x1774', '512x1536', '1024x3072', '1280x3840'],
  '21:9': ['2016x864', '1915x821', '2688x1152', '3840x1648'],
  '9:21': ['864x2016', '821x1915', '1152x2688', '1648x3840'],
} as const satisfies Record<string, readonly [string, string | null, string, string]>

export type AspectRatio = keyof typeof TABLE
export const ASPECT_RATIOS = Object.keys(TABLE) as AspectRatio[]

export function isAspectRatio(text: string): text is AspectRatio {
  return Object.hasOwn(TABLE, text)
}

/** The pixels for a ratio and tier. */
export function sizeFor(ratio: AspectRatio, tier: Tier, variant: OneKVariant = 'first'): PixelSize {
  const [first, second, twoK, fourK] = TABLE[ratio]
  const text =
    tier === '2k' ? twoK : tier === '4k' ? fourK : variant === 'second' && second ? second : first
  return parsePixelSize(text)!
}

/**
 * The tier a pixel size from the table belongs to, or undefined when the table does not list it.
 */
export function tierOfPixelSize(text: string): Tier | undefined {
  for (const [first, second, twoK, fourK] of Object.values(TABLE) as (readonly (
    string | null
  )[])[]) {
    if (text === first || text === second) return '1k'
    if (text === twoK) return '2k'
    if (text === fourK) return '4k'
  }
  return undefined
}
