/**
 * The collaborators every route uses, built once per emulator: config, clock, randomness and
 * the image machinery. Tests pass their own clock or config through `createRuntime`.
 */
import type { EmulatorConfig } from './config.js'
import { systemClock, type Clock } from './core/clock.js'
import { createRandom, type Random } from './core/random.js'
import { createImageRenderer, type ImageRenderer } from './core/images/render-image.js'
import { createFileStore, type FileStore } from './core/images/file-store.js'

export interface Runtime {
  config: EmulatorConfig
  clock: Clock
  random: Random
  images: ImageRenderer
  files: FileStore
  /** When the emulator started (ms since epoch), for uptime. */
  startedAt: number
}

export function createRuntime(config: EmulatorConfig, overrides: Partial<Pick<Runtime, 'clock'>> = {}): Runtime {
  const clock = overrides.clock ?? systemClock
  return {
    config,
    clock,
    random: createRandom(config.seed),
    images: createImageRenderer(config.images),
    files: createFileStore(config.images.fileStoreBytes),
    startedAt: clock.now(),
  }
}
