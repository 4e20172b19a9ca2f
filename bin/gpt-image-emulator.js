#!/usr/bin/env node
/**
 * The `gpt-image-emulator` command: runs dist/main.js. In a clone of the repository (src/ beside
 * dist/), it first builds what the command runs if that is missing or older than the sources,
 * with a line per step on stderr (scripts/ensure-built.mjs); an installed package ships dist/
 * built and starts it at once.
 */
import { existsSync } from 'node:fs'
import { URL } from 'node:url'

if (existsSync(new URL('../src/main.ts', import.meta.url))) {
  const { ensureCommandBuilt } = await import('../scripts/ensure-built.mjs')
  ensureCommandBuilt()
}
await import('../dist/main.js')
