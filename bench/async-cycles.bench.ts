/**
 * P3: async cycles per second (create a task, poll it until it completes) on each async provider
 * (aivideoapi, CRUN, skills.video), 20 concurrent clients, against the built emulator. Rows per
 * provider: `instant` timing (the goal: at least 1,000 cycles/s), `instant` with each image URL
 * downloaded, and `fast` timing polled every 50 ms (a task takes 350-650 ms there, so that row is
 * bounded by the timing, not by the emulator). A distinct prompt per cycle.
 * Usage: npm run bench:cycles [-- --seconds 10 --clients 20 --poll-ms 50]   (builds dist/ first)
 */
import { parseArgs } from 'node:util'
import {
  ASYNC_PROVIDERS,
  buildDist,
  cpuSeconds,
  fmt,
  quantile,
  rssMb,
  runCycles,
  runStamp,
  startEmulator,
  table,
  verdict,
  type CycleOptions,
} from './support.js'

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    clients: { type: 'string', default: '20' },
    'poll-ms': { type: 'string', default: '50' },
    'warmup-seconds': { type: 'string', default: '2' },
  },
})
const seconds = Number(values.seconds)
const clients = Number(values.clients)
const pollMs = Number(values['poll-ms'])
const warmup = Number(values['warmup-seconds'])
const GOAL = 1000

buildDist()
const stamp = runStamp()
// Timing per request (X-Emulator-Timing), so one process serves every row.
const emulator = await startEmulator({
  EMULATOR_TIMING: 'instant',
  EMULATOR_CREDITS: '1000000000000',
  EMULATOR_SEED: 'bench-cycles',
})

const modes: { name: string; options: CycleOptions; goal: boolean }[] = [
  { name: 'instant', options: { timing: 'instant' }, goal: true },
  { name: 'instant + download', options: { timing: 'instant', download: true }, goal: false },
  { name: `fast, poll every ${pollMs} ms`, options: { timing: 'fast', pollMs }, goal: false },
]
const rows: string[][] = []
let counter = 0
let maxRss = 0
try {
  for (const provider of ASYNC_PROVIDERS) {
    for (const mode of modes) {
      const next = () => ({ provider, prompt: `cycle ${counter++} on ${provider}` })
      if (warmup > 0)
        await runCycles(emulator.url, clients, { seconds: warmup }, next, mode.options)
      const cpuBefore = await cpuSeconds(emulator.child.pid!)
      const clientBefore = process.cpuUsage()
      const load = await runCycles(emulator.url, clients, { seconds }, next, mode.options)
      // 100% or more (libvips has threads of its own): the emulator, not the client, was the limit.
      const cpu = ((await cpuSeconds(emulator.child.pid!)) - cpuBefore) / load.seconds
      // The load client shares the 2 cores: near 100% here, it may be what caps the row.
      const { user, system } = process.cpuUsage(clientBefore)
      const clientCpu = (user + system) / 1e6 / load.seconds
      maxRss = Math.max(maxRss, await rssMb(emulator.child.pid!))
      const rate = load.cycles / seconds
      rows.push([
        provider,
        mode.name,
        fmt(Math.round(rate)),
        fmt(Math.round(load.requests / seconds)),
        fmt(quantile(load.latencies, 0.5)),
        fmt(quantile(load.latencies, 0.99)),
        String(load.errors),
        `${Math.round(cpu * 100)}%`,
        `${Math.round(clientCpu * 100)}%`,
        mode.goal ? `>= ${GOAL}/s` : 'report',
        mode.goal ? verdict(rate >= GOAL && load.errors === 0) : '',
      ])
      for (const error of load.firstErrors) console.error(`  ${provider} ${mode.name}: ${error}`)
    }
  }
} finally {
  await emulator.stop()
}

console.log(
  `\nP3 async cycles (create, poll to completion), ${clients} concurrent clients, ${seconds} s ` +
    `per row after ${warmup} s warm-up, dist/main.js; ${stamp}\n`,
)
console.log(
  table(
    [
      'provider',
      'timing',
      'cycles/s',
      'req/s',
      'cycle p50 ms',
      'cycle p99 ms',
      'errors',
      'emulator CPU',
      'client CPU',
      'goal',
      'pass/miss',
    ],
    rows,
  ),
)
console.log(`\nemulator RSS, the highest of the samples after each row: ${maxRss} MB`)
