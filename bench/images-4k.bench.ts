/**
 * P4: 3840x2160 images (gpt-image-2's largest 16:9 size) through the HTTP API, one request at a
 * time, a distinct prompt each: gptproto `POST /v1/images/generations` with `size: '3840x2160'`
 * and `output_format` png, jpeg and webp, answered as `b64_json`. Times each request from send to
 * the last byte of the answer; checks the first image of each format decodes at 3840x2160.
 * Goal: median at most 50 ms per format.
 * Usage: npm run bench:4k [-- --requests 10 --warmup 1]   (builds dist/ first)
 */
import { parseArgs } from 'node:util'
import sharp from 'sharp'
import {
  buildDist,
  fmt,
  httpClient,
  quantile,
  rssMb,
  runStamp,
  startEmulator,
  table,
  verdict,
} from './support.js'

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '1' },
  },
})
const requests = Number(values.requests)
const warmup = Number(values.warmup)
const SIZE = '3840x2160'
const GOAL_MS = 50
const FORMATS = ['png', 'jpeg', 'webp'] as const

buildDist()
const stamp = runStamp()
const emulator = await startEmulator({ EMULATOR_CREDITS: '1000000000', EMULATOR_SEED: 'bench-4k' })
const client = httpClient(1)
const headers = { authorization: 'sk-bench', 'content-type': 'application/json' }
let counter = 0

async function generate(format: string): Promise<{ ms: number; body: Buffer }> {
  const body = JSON.stringify({
    model: 'gpt-image-2',
    prompt: `a 4k ${format} poster, number ${counter++}`,
    size: SIZE,
    output_format: format,
  })
  const started = performance.now()
  const res = await client.send(
    'POST',
    `${emulator.url}/gptproto/v1/images/generations`,
    headers,
    body,
  )
  const ms = performance.now() - started
  if (res.status !== 200) throw new Error(`${format}: HTTP ${res.status} ${res.body.toString()}`)
  return { ms, body: res.body }
}

const rows: string[][] = []
let maxRss = 0
try {
  for (const format of FORMATS) {
    // The first request of a format may build caches; shown apart, not in the median.
    const first = warmup > 0 ? (await generate(format)).ms : NaN
    for (let i = 1; i < warmup; i++) await generate(format)
    const times: number[] = []
    let imageBytes = 0
    for (let i = 0; i < requests; i++) {
      const { ms, body } = await generate(format)
      times.push(ms)
      if (i === 0) {
        // Checked once per format, outside the timing: a real image at the exact size.
        const image = Buffer.from(JSON.parse(body.toString()).data[0].b64_json, 'base64')
        const meta = await sharp(image).metadata()
        if (`${meta.width}x${meta.height}` !== SIZE || meta.format !== format)
          throw new Error(`${format}: got a ${meta.format} ${meta.width}x${meta.height}`)
        imageBytes = image.length
      }
    }
    maxRss = Math.max(maxRss, await rssMb(emulator.child.pid!))
    const median = quantile(times, 0.5)
    rows.push([
      format,
      fmt(median),
      fmt(quantile(times, 0.9)),
      fmt(Math.min(...times)),
      fmt(Math.max(...times)),
      fmt(Math.round(imageBytes / 1024)),
      fmt(first),
      `<= ${GOAL_MS} ms`,
      verdict(median <= GOAL_MS),
    ])
  }
} finally {
  client.close()
  await emulator.stop()
}

console.log(
  `\nP4 gptproto ${SIZE} b64_json, one request at a time, distinct prompts, ${requests} ` +
    `requests per format after ${warmup} warm-up, dist/main.js; ${stamp}\n`,
)
console.log(
  table(
    [
      'format',
      'median ms',
      'p90 ms',
      'min ms',
      'max ms',
      'image KiB',
      'first (warm-up) ms',
      'goal (median)',
      'pass/miss',
    ],
    rows,
  ),
)
console.log(`\nemulator RSS, the highest of the samples after each format: ${maxRss} MB`)
