/**
 * sharp, loaded on first use: it takes about 80 ms to load, and the emulator answers health
 * checks and PNG generations (its own encoder) without it.
 */
import type sharpType from 'sharp'

let loading: Promise<typeof sharpType> | undefined

export function loadSharp(): Promise<typeof sharpType> {
  loading ??= import('sharp').then((module) => module.default)
  return loading
}
