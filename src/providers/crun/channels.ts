/**
 * What each of CRUN's three gpt-image-2 channels makes of a request: the pixels, the format, the
 * price, and the request as TaskInfo echoes it. Sizes come from the ratio x tier table shared with
 * aivideoapi (x-emulator-inferred: CRUN publishes none): 1K for standard and stable, the chosen
 * `resolution` for premium.
 */
import type { CrunSettings } from './settings.js'
import type { components } from '../../generated/crun.js'
import type { PixelSize } from '../../core/images/gpt-image-sizes.js'
import type { ImageFormat } from '../../core/images/render-image.js'
import {
  RESOLUTION_TIERS,
  sizeFor,
  type AspectRatio,
  type Tier,
} from '../../core/images/aspect-ratio-sizes.js'
import type { CreateTaskRequest } from './schemas.js'

export interface ChannelPlan {
  param: components['schemas']['TaskParam']
  size: PixelSize
  format: ImageFormat
  transparent: boolean
  /** A word on the look, printed on the image after the format. */
  look: string
  /** Credits for the one image a task makes. */
  price: number
}

/** `auto` has no ratio of its own: it renders square. */
const sizeAt = (ratio: AspectRatio | 'auto', tier: Tier) =>
  sizeFor(ratio === 'auto' ? '1:1' : ratio, tier)

export function planChannel(
  request: CreateTaskRequest,
  prices: CrunSettings['prices'],
): ChannelPlan {
  const callback_url = request.callback_url ?? null
  switch (request.model) {
    case 'openai/gpt-image-2': {
      const { model, input } = request
      return {
        param: { model, callback_url, input },
        size: sizeAt(input.aspect_ratio, '1k'),
        format: 'png',
        transparent: false,
        look: '1K',
        price: prices.standard,
      }
    }
    case 'openai/gpt-image-2-stable': {
      const { model, input } = request
      return {
        param: { model, callback_url, input },
        size: sizeAt(input.aspect_ratio, '1k'),
        format: input.output_format,
        transparent: input.background === 'transparent',
        look: input.quality,
        price: prices.stable,
      }
    }
    case 'openai/gpt-image-2-premium': {
      const { model, input } = request
      return {
        param: { model, callback_url, input },
        size: sizeAt(input.aspect_ratio, RESOLUTION_TIERS[input.resolution]),
        format: 'png',
        transparent: false,
        look: `${input.quality} ${input.resolution}`,
        price: prices[`premium${input.resolution}`],
      }
    }
  }
}
