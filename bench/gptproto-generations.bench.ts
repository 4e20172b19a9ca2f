/**
 * gptproto 1024x1024 PNG generations with a distinct prompt per request (so every image is
 * rendered anew), against a bare hono server returning the same pre-encoded body, in one run.
 * Two more rows put the ratio in context: the emulator with one repeated prompt (served from its
 * image cache), and a hono server that validates each request with gptproto's schema before
 * returning the pre-encoded body (the floor for any faithful emulator). The emulator runs built,
 * `node dist/main.js --log off`, as users run it. Goal (P1): distinct prompts at least 0.5 of
 * the baseline's req/s.
 * Usage: npm run bench -- [--seconds 10] [--connections 10]   (builds dist/ first)
 */
import { writeFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { buildDist, rssMb, runStamp, startChild, startEmulator, table, verdict } from './support.js'

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
  },
})
const seconds = Number(values.seconds)
const connections = Number(values.connections)
const PATH = '/gptproto/v1/images/generations'
const headers = { 'content-type': 'application/json', authorization: 'sk-bench' }
const requestBody = (prompt: string) =>
  JSON.stringify({ model: 'gpt-image-2', prompt, size: '1024x1024' })

/** Loads `url` for `seconds` after a 2 s warm-up; `distinct` gives every request its own prompt. */
async function load(url: string, label: string, distinct: boolean): Promise<autocannon.Result> {
  let counter = 0
  const run = (duration: number) =>
    autocannon({
      url: url + PATH,
      method: 'POST',
      connections,
      duration,
      headers,
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            body: requestBody(distinct ? `${label} prompt number ${counter++}` : `${label} prompt`),
          }),
        },
      ],
    })
  await run(2)
  return run(seconds)
}

buildDist()
const stamp = runStamp()
// gptproto charges each image (gptproto.pricePerImage): a balance no run can spend.
const emulator = await startEmulator({ EMULATOR_SEED: 'bench', EMULATOR_CREDITS: '1000000000000' })
const sample = await fetch(emulator.url + PATH, {
  method: 'POST',
  headers,
  body: requestBody('baseline body sample'),
})
const bodyFile = join(await mkdtemp(join(tmpdir(), 'bench-')), 'body.json')
await writeFile(bodyFile, Buffer.from(await sample.arrayBuffer()))

const distinct = await load(emulator.url, 'distinct', true)
const repeated = await load(emulator.url, 'repeated', false)
const emulatorRss = await rssMb(emulator.child.pid!)
await emulator.stop()

async function reference(kind: 'bare' | 'validate'): Promise<autocannon.Result> {
  const server = await startChild('bench/baseline-server.ts', {
    BASELINE_BODY_FILE: bodyFile,
    BASELINE_KIND: kind,
  })
  try {
    return await load(server.url, kind, true)
  } finally {
    await server.stop()
  }
}
const floor = await reference('validate')
const baseline = await reference('bare')

const ratio = (r: autocannon.Result) => r.requests.average / baseline.requests.average
const row = (name: string, r: autocannon.Result) => [
  name,
  String(Math.round(r.requests.average)),
  ratio(r).toFixed(2),
  String(r.latency.p50),
  String(r.latency.p99),
  String(r.non2xx + r.errors),
]
const bodyBytes = sample.headers.get('content-length')
console.log(
  `\nP1 gptproto 1024x1024 PNG, ${connections} connections, ${seconds} s per row after 2 s ` +
    `warm-up, response body ${bodyBytes} bytes; ${stamp}\n`,
)
console.log(
  table(
    ['server', 'req/s', 'ratio to baseline', 'p50 ms', 'p99 ms', 'failed'],
    [
      row('emulator (dist/main.js), distinct prompts', distinct),
      row('emulator, one repeated prompt (image cache)', repeated),
      row('hono + gptproto schema validation, pre-encoded body', floor),
      row('baseline: bare hono, pre-encoded body', baseline),
    ],
  ),
)
console.log('')
console.log(
  table(
    ['goal', 'figure', 'pass/miss'],
    [
      [
        'emulator distinct prompts / baseline >= 0.5',
        ratio(distinct).toFixed(2),
        verdict(ratio(distinct) >= 0.5 && distinct.non2xx + distinct.errors === 0),
      ],
    ],
  ),
)
console.log(`\nemulator RSS after both loads: ${emulatorRss} MB`)
