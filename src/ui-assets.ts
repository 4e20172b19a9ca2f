/**
 * `GET /__emulator/assets/:file`: the browser assets `npm run build` writes into dist/ui/
 * (scripts/build-ui.mjs). `../dist/ui/` from this module is the same folder whether it runs from
 * src/ (tests), from tsc's dist/ or from the bundled dist/main.js.
 */
import { Hono } from 'hono'
import { readFile } from 'node:fs/promises'
import type { EmulatorEnv } from './core/http/env.js'
import { EmulatorError } from './core/errors/emulator-error.js'

const ASSET_DIR = new URL('../dist/ui/', import.meta.url)

/** The only names served, with their content types: nothing else in the folder is reachable. */
const ASSETS: Readonly<Record<string, string>> = {
  'dashboard.js': 'text/javascript; charset=utf-8',
  'dashboard.css': 'text/css; charset=utf-8',
  'redoc.standalone.js': 'text/javascript; charset=utf-8',
}

/** Routes for the control plane (mounted at `/__emulator`); `dir` is for tests. */
export function createAssetRoutes(dir: URL = ASSET_DIR): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  app.get('/assets/:file', async (c) => {
    const name = c.req.param('file')
    const type = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined
    if (type === undefined)
      throw new EmulatorError(404, 'not_found', `No asset '${name}'.`, {
        field: 'file',
        allowed: Object.keys(ASSETS),
      })
    let bytes: Buffer
    try {
      bytes = await readFile(new URL(name, dir))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      // Running from source before a build: say what to do rather than a bare 404.
      throw new EmulatorError(
        503,
        'assets_not_built',
        `The asset '${name}' has not been built: run npm run build.`,
      )
    }
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': type,
      // Rebuilt in place by `npm run build`: revalidate on each load.
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    })
  })
  return app
}
