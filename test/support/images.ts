/** Small real images for upload tests, made with sharp. */
import sharp from 'sharp'

export async function solidImage(
  width: number,
  height: number,
  format: 'png' | 'jpeg' | 'webp' = 'png',
  alpha = false,
): Promise<Buffer> {
  const image = sharp({
    create: {
      width,
      height,
      channels: alpha ? 4 : 3,
      background: { r: 200, g: 80, b: 40, alpha: alpha ? 0.5 : 1 },
    },
  })
  return image.toFormat(format).toBuffer()
}

export async function decode(bytes: Buffer): Promise<{
  format: string | undefined
  width: number | undefined
  height: number | undefined
  hasAlpha: boolean | undefined
}> {
  const meta = await sharp(bytes).metadata()
  return { format: meta.format, width: meta.width, height: meta.height, hasAlpha: meta.hasAlpha }
}
