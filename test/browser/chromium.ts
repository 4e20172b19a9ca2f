/**
 * The Chromium the browser tests drive: Debian's package (npm's browser download does not work
 * on every machine), or CHROMIUM_PATH. Missing, it says how to install it.
 */
import { existsSync } from 'node:fs'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

if (!existsSync(CHROMIUM))
  throw new Error(
    `No Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
  )
