/**
 * P5: the built emulator's resident memory after 10,000 completed tasks, then over a 5-minute soak
 * at a steady load. Tasks go round-robin through aivideoapi, CRUN and skills.video (create, poll
 * to completion, `instant` timing, a distinct prompt each), 20 concurrent clients: flat out for
 * the first --tasks, then paced at --soak-rate cycles/s, RSS sampled every second from /proc.
 * Goals: RSS under 200 MB after the tasks and throughout the soak, and flat: the soak's highest
 * sample within 10% of its lowest.
 * Usage: npm run bench:memory [-- --tasks 10000 --soak-seconds 300 --soak-rate 200]
 *   (builds dist/ first; a quick run: --tasks 1000 --soak-seconds 30)
 */
import { parseArgs } from 'node:util'
import {
  ASYNC_PROVIDERS,
  buildDist,
  fmt,
  rssMb,
  runCycles,
  runStamp,
  startEmulator,
  table,
  verdict,
  type CycleLoad,
} from './support.js'

const { values } = parseArgs({
  options: {
    tasks: { type: 'string', default: '10000' },
    'soak-seconds': { type: 'string', default: '300' },
    'soak-rate': { type: 'string', default: '200' },
    clients: { type: 'string', default: '20' },
  },
})
const tasks = Number(values.tasks)
const soakSeconds = Number(values['soak-seconds'])
const soakRate = Number(values['soak-rate'])
const clients = Number(values.clients)
const LIMIT_MB = 200
const FLAT = 0.1

buildDist()
const stamp = runStamp()
const emulator = await startEmulator({
  EMULATOR_TIMING: 'instant',
  EMULATOR_CREDITS: '1000000000000',
  EMULATOR_SEED: 'bench-memory',
})
const pid = emulator.child.pid!
const startRss = await rssMb(pid)
let counter = 0
const next = () => {
  const i = counter++
  return { provider: ASYNC_PROVIDERS[i % ASYNC_PROVIDERS.length]!, prompt: `memory task ${i}` }
}

let peakFill = startRss
const fillSampler = setInterval(
  () => void rssMb(pid).then((mb) => (peakFill = Math.max(peakFill, mb))),
  250,
)
let fill: CycleLoad
let afterFill: number
const samples: { at: number; mb: number }[] = []
let soak: CycleLoad
try {
  fill = await runCycles(emulator.url, clients, { cycles: tasks }, next)
  clearInterval(fillSampler)
  afterFill = await rssMb(pid)
  peakFill = Math.max(peakFill, afterFill)
  console.error(
    `${tasks} tasks in ${fmt(fill.seconds)} s (${fill.errors} errors), RSS ${afterFill} MB; ` +
      `soaking ${soakSeconds} s at ${soakRate} cycles/s`,
  )

  const soakStarted = performance.now()
  const sampler = setInterval(
    () =>
      void rssMb(pid).then((mb) =>
        samples.push({ at: (performance.now() - soakStarted) / 1000, mb }),
      ),
    1000,
  )
  soak = await runCycles(emulator.url, clients, { seconds: soakSeconds, rate: soakRate }, next)
  clearInterval(sampler)
} finally {
  clearInterval(fillSampler)
  await emulator.stop()
}
for (const error of [...fill.firstErrors, ...soak.firstErrors]) console.error(`  ${error}`)

const mbs = samples.map((s) => s.mb)
const min = Math.min(...mbs)
const max = Math.max(...mbs)
const first = mbs[0] ?? NaN
const last = mbs.at(-1) ?? NaN
const spread = (max - min) / min
console.log(
  `\nP5 emulator RSS (dist/main.js, instant timing, ${clients} clients): ${tasks} tasks ` +
    `round-robin over ${ASYNC_PROVIDERS.join(', ')}, then a ${soakSeconds} s soak at ` +
    `${soakRate} cycles/s; ${stamp}\n`,
)
console.log(
  table(
    ['measure', 'value'],
    [
      ['RSS at start', `${startRss} MB`],
      [
        `fill: ${tasks} tasks completed / errors`,
        `${fill.cycles} / ${fill.errors} in ${fmt(fill.seconds)} s`,
      ],
      ['RSS after the fill (peak during it)', `${afterFill} MB (${peakFill} MB)`],
      [
        'soak: cycles completed / errors (rate achieved)',
        `${soak.cycles} / ${soak.errors} (${fmt(soak.cycles / soakSeconds)}/s)`,
      ],
      [
        `soak RSS, ${mbs.length} samples: first / min / max / last`,
        `${first} / ${min} / ${max} / ${last} MB`,
      ],
      ['soak spread (max - min) / min', `${fmt(spread * 100)}%`],
    ],
  ),
)
console.log('')
console.log(
  table(
    ['goal', 'figure', 'pass/miss'],
    [
      [
        `RSS after ${tasks} tasks < ${LIMIT_MB} MB`,
        `${afterFill} MB`,
        verdict(afterFill < LIMIT_MB),
      ],
      [`soak RSS < ${LIMIT_MB} MB throughout`, `max ${max} MB`, verdict(max < LIMIT_MB)],
      [`soak flat within ${FLAT * 100}%`, `${fmt(spread * 100)}%`, verdict(spread <= FLAT)],
    ],
  ),
)
// The trend, a sample every tenth of the soak.
const step = Math.max(1, Math.floor(samples.length / 10))
const trend = samples.filter((_, i) => i % step === 0 || i === samples.length - 1)
console.log(
  `\nsoak RSS over time: ${trend.map((s) => `${Math.round(s.at)} s: ${s.mb} MB`).join(', ')}`,
)
