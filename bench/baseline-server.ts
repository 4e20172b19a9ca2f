/**
 * Reference servers for bench/gptproto-generations.bench.ts, on the same node adapter, answering
 * every POST with one pre-encoded body (read from BASELINE_BODY_FILE):
 * - BASELINE_KIND=bare: nothing else (the baseline);
 * - BASELINE_KIND=validate: first reads and validates the request with gptproto's own schema,
 *   the least any faithful emulator must do per request.
 */
import { readFileSync } from 'node:fs'
import { Hono } from 'hono'
import { serve } from '@hono/node-server'
import { GenerationRequest } from '../src/providers/gptproto/schemas.js'

const body = readFileSync(process.env.BASELINE_BODY_FILE!)
const app = new Hono()
const validate = process.env.BASELINE_KIND === 'validate'
app.post('*', async (c) => {
  if (validate) GenerationRequest.parse(await c.req.json())
  return c.body(new Uint8Array(body), 200, { 'content-type': 'application/json' })
})
const server = serve(
  { fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' },
  (info) => {
    console.log(`baseline listening on http://127.0.0.1:${info.port}`)
  },
)
process.on('SIGTERM', () => server.close(() => process.exit(0)))
