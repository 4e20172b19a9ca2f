/**
 * P2: aivideoapi task creation on the built emulator against Stoplight Prism mocking
 * specs/aivideoapi.openapi.yaml (static examples, as `prism mock` runs by default), both loaded
 * by autocannon with the same valid body and auth header, 20 connections, the same duration, in
 * one run. No callback_url: Prism would try to call it. Goal: the emulator at least 5x Prism's
 * req/s, and its p99 under 10 ms.
 * Usage: npm run bench:prism [-- --seconds 10 --connections 20]   (builds dist/ first)
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import {
  buildDist,
  fmt,
  runStamp,
  startEmulator,
  startProcess,
  table,
  verdict,
  type ChildServer,
} from './support.js'

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    'warmup-seconds': { type: 'string', default: '2' },
  },
})
const seconds = Number(values.seconds)
const connections = Number(values.connections)
const warmup = Number(values['warmup-seconds'])
const PATH = '/v1/images/generations'
const SPEC = 'specs/aivideoapi.openapi.yaml'
const headers = { authorization: 'Bearer sk-bench', 'content-type': 'application/json' }
const body = JSON.stringify({
  model: 'gpt-image-2',
  input: { prompt: 'A cinematic night city poster', aspect_ratio: '1:1' },
})

/** Prism's CLI entry, run with this node (its bin is a symlink npm may not have on PATH). */
function prismCli(): string {
  const require = createRequire(import.meta.url)
  const pkg = require.resolve('@stoplight/prism-cli/package.json')
  const { bin } = require(pkg) as { bin: Record<string, string> }
  return join(dirname(pkg), bin.prism!)
}

/** One check request, so a non-2xx answer stops the bench rather than being measured. */
async function check(base: string, name: string): Promise<string> {
  const res = await fetch(base + PATH, { method: 'POST', headers, body })
  const text = await res.text()
  if (!res.ok) throw new Error(`${name} answered the create with ${res.status}: ${text}`)
  return text
}

async function load(base: string): Promise<autocannon.Result> {
  const run = (duration: number) =>
    autocannon({ url: base + PATH, method: 'POST', connections, duration, headers, body })
  if (warmup > 0) await run(warmup)
  return run(seconds)
}

buildDist()
const stamp = runStamp()
let emulatorResult: autocannon.Result
let prismResult: autocannon.Result
let emulatorSample: string
let prismSample: string
{
  const emulator = await startEmulator({
    EMULATOR_CREDITS: '1000000000000',
    EMULATOR_SEED: 'bench-prism',
  })
  try {
    emulatorSample = await check(`${emulator.url}/aivideoapi`, 'the emulator')
    emulatorResult = await load(`${emulator.url}/aivideoapi`)
  } finally {
    await emulator.stop()
  }
}
{
  // Prism reads the spec from disk and is given no URL to fetch: it runs offline.
  const prism: ChildServer = await startProcess(process.execPath, [
    prismCli(),
    'mock',
    '-p',
    '0',
    '-h',
    '127.0.0.1',
    SPEC,
  ])
  try {
    prismSample = await check(prism.url, 'Prism')
    prismResult = await load(prism.url)
  } finally {
    await prism.stop()
  }
}

const ratio = emulatorResult.requests.average / prismResult.requests.average
const row = (name: string, r: autocannon.Result) => [
  name,
  fmt(Math.round(r.requests.average)),
  fmt(r.latency.p50),
  fmt(r.latency.p99),
  String(r.non2xx + r.errors + r.timeouts),
]
console.log(
  `\nP2 aivideoapi POST ${PATH}, ${connections} connections, ${seconds} s per server after ` +
    `${warmup} s warm-up; ${stamp}\n`,
)
console.log(
  table(
    ['server', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx + errors'],
    [row('gpt-image-emulator (dist/main.js)', emulatorResult), row('Prism 5.14 mock', prismResult)],
  ),
)
console.log('')
console.log(
  table(
    ['goal', 'figure', 'pass/miss'],
    [
      [
        'emulator req/s >= 5x Prism',
        `${fmt(ratio, 2)}x`,
        verdict(ratio >= 5 && emulatorResult.non2xx === 0),
      ],
      [
        'emulator p99 < 10 ms',
        `${fmt(emulatorResult.latency.p99)} ms`,
        verdict(emulatorResult.latency.p99 < 10),
      ],
    ],
  ),
)
console.log(`\nemulator's answer: ${emulatorSample}\nPrism's answer: ${prismSample}`)
