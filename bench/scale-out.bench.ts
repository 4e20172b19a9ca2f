/**
 * Scale-out: async cycles per second (create a task, poll it until it completes, `instant`
 * timing, a distinct prompt per cycle, 20 concurrent clients) against the built emulator in four
 * setups: (1) one replica with its state in memory, the baseline; (2) one replica on Redis
 * (`EMULATOR_REDIS_URL`); (3) two replicas on one Redis, the clients split evenly between them
 * and every task polled on the replica that did not create it; (4) the same, each task polled
 * where it was created. Every setup is started at once, each on its own fresh redis-server (no
 * persistence, a free loopback port), warmed up, and then the setups take turns, `--rounds` times
 * `--seconds` each, so the machine's other work falls on all of them alike.
 * Reports cycles/s (all rounds and each), the ratios Redis / memory (the Redis store's overhead)
 * and two replicas / one (the scaling), cycle p50/p99, the CPU of each emulator, of redis-server
 * and of the load client (from /proc/<pid>/stat and process.cpuUsage), the whole machine's busy
 * share and how much of it was other work, and each process's CPU milliseconds per cycle.
 * Usage: npm run bench:scale-out [-- --seconds 4 --rounds 3 --clients 20 --providers aivideoapi]
 * (builds dist/ first; needs redis-server on the PATH or in REDIS_SERVER: apt-get install
 * redis-server)
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { freePort } from '../test/support/redis-server.js'
import { cpus } from 'node:os'
import { parseArgs } from 'node:util'
import {
  ASYNC_PROVIDERS,
  buildDist,
  cpuSeconds,
  fmt,
  quantile,
  runCycles,
  runStamp,
  startEmulator,
  table,
  type AsyncProvider,
  type ChildServer,
  type CycleLoad,
} from './support.js'

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    clients: { type: 'string', default: '20' },
    'warmup-seconds': { type: 'string', default: '2' },
    providers: { type: 'string', default: 'aivideoapi' },
  },
})
const seconds = Number(values.seconds)
const clients = Number(values.clients)
const warmup = Number(values['warmup-seconds'])
const rounds = Number(values.rounds)
const providers = values.providers.split(',').map((name) => name.trim()) as AsyncProvider[]
for (const provider of providers) {
  if (!ASYNC_PROVIDERS.includes(provider))
    throw new Error(`--providers: ${provider} is not one of ${ASYNC_PROVIDERS.join(', ')}`)
}

interface RedisProcess {
  url: string
  pid: number
  stop(): Promise<void>
}

/** A fresh redis-server on a free loopback port, nothing saved to disk; resolves once ready. */
async function startRedis(): Promise<RedisProcess> {
  const port = await freePort()
  const command = process.env.REDIS_SERVER ?? 'redis-server'
  const child = spawn(
    command,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} not ready:\n${output}`)), 10_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer)
        child.stdout.removeAllListeners('data')
        child.stdout.resume()
        resolve()
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('error', (err) => {
      clearTimeout(timer)
      reject(new Error(`${command} did not start (apt-get install redis-server): ${err.message}`))
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${command} exited with ${code}:\n${output}`))
    })
  })
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve()
          return
        }
        child.once('exit', () => resolve())
        child.kill('SIGKILL')
      }),
  }
}

/** Busy and total CPU seconds of the whole machine (all cores), from /proc/stat. */
async function machineCpu(): Promise<{ busy: number; total: number }> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!
  // user nice system idle iowait irq softirq steal (guest time is already in user and nice)
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number)
  const total = ticks.reduce((a, b) => a + b, 0)
  const idle = ticks[3]! + (ticks[4] ?? 0)
  return { busy: (total - idle) / 100, total: total / 100 }
}

interface Setup {
  name: string
  replicas: number
  redis: boolean
  pollElsewhere: boolean
}

const setups: Setup[] = [
  { name: '1 replica, memory (baseline)', replicas: 1, redis: false, pollElsewhere: false },
  { name: '1 replica, Redis', replicas: 1, redis: true, pollElsewhere: false },
  {
    name: '2 replicas, Redis, polled on the other',
    replicas: 2,
    redis: true,
    pollElsewhere: true,
  },
  {
    name: '2 replicas, Redis, polled where created',
    replicas: 2,
    redis: true,
    pollElsewhere: false,
  },
]

interface Running {
  setup: Setup
  redis: RedisProcess | undefined
  emulators: ChildServer[]
}

/** One row of one round: CPU seconds over its measured window. */
interface Sample {
  load: CycleLoad
  emulators: number[]
  redis: number
  client: number
  /** Every process of this bench, idle setups included. */
  ours: number
  machineBusy: number
  machineTotal: number
}

/** A setup's rounds added up. */
interface Measured {
  setup: Setup
  samples: Sample[]
  rates: number[]
  rate: number
  cycles: number
  requests: number
  errors: number
  latencies: number[]
  seconds: number
  emulators: number[]
  redis: number
  client: number
  others: number
  machineBusy: number
  machineTotal: number
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

buildDist()
const stamp = runStamp()
let counter = 0
const next = () => {
  const provider = providers[counter % providers.length]!
  return { provider, prompt: `scale-out cycle ${counter++} on ${provider}` }
}

// Every setup runs from the start, each on its own fresh redis-server: the rows then take turns,
// round after round, so the machine's other work falls on all of them alike. Idle, a replica on
// Redis only looks for due steps every 50 ms.
const running: Running[] = []
const allPids = () =>
  running.flatMap((r) => [
    ...r.emulators.map((e) => e.child.pid!),
    ...(r.redis ? [r.redis.pid] : []),
  ])
const roundStamps: string[] = []
const samples: Sample[][] = setups.map(() => [])
try {
  for (const setup of setups) {
    const redis = setup.redis ? await startRedis() : undefined
    const run: Running = { setup, redis, emulators: [] }
    running.push(run)
    for (let i = 0; i < setup.replicas; i++) {
      run.emulators.push(
        await startEmulator({
          EMULATOR_TIMING: 'instant',
          EMULATOR_CREDITS: '1000000000000',
          EMULATOR_SEED: 'bench-scale-out',
          ...(redis && { EMULATOR_REDIS_URL: redis.url }),
        }),
      )
    }
  }
  const cycleOptions = (setup: Setup) => ({ timing: 'instant', pollElsewhere: setup.pollElsewhere })
  const urlsOf = (run: Running) => run.emulators.map((emulator) => emulator.url)
  if (warmup > 0) {
    for (const run of running)
      await runCycles(urlsOf(run), clients, { seconds: warmup }, next, cycleOptions(run.setup))
  }
  for (let round = 0; round < rounds; round++) {
    roundStamps.push(runStamp())
    for (let k = 0; k < running.length; k++) {
      // Each round starts one setup later, so none always runs first.
      const index = (round + k) % running.length
      const run = running[index]!
      const pids = run.emulators.map((emulator) => emulator.child.pid!)
      const everyPid = allPids()
      const emuBefore = await Promise.all(pids.map(cpuSeconds))
      const redisBefore = run.redis ? await cpuSeconds(run.redis.pid) : 0
      const oursBefore = sum(await Promise.all(everyPid.map(cpuSeconds)))
      const clientBefore = process.cpuUsage()
      const machineBefore = await machineCpu()
      const load = await runCycles(urlsOf(run), clients, { seconds }, next, cycleOptions(run.setup))
      const machineAfter = await machineCpu()
      const { user, system } = process.cpuUsage(clientBefore)
      const emuAfter = await Promise.all(pids.map(cpuSeconds))
      const redisAfter = run.redis ? await cpuSeconds(run.redis.pid) : 0
      const oursAfter = sum(await Promise.all(everyPid.map(cpuSeconds)))
      const client = (user + system) / 1e6
      samples[index]!.push({
        load,
        emulators: emuAfter.map((after, i) => after - emuBefore[i]!),
        redis: redisAfter - redisBefore,
        client,
        ours: oursAfter - oursBefore + client,
        machineBusy: machineAfter.busy - machineBefore.busy,
        machineTotal: machineAfter.total - machineBefore.total,
      })
      for (const error of load.firstErrors) console.error(`  ${run.setup.name}: ${error}`)
    }
  }
} finally {
  for (const run of running) {
    await Promise.all(run.emulators.map((emulator) => emulator.stop()))
    await run.redis?.stop()
  }
}

const results: Measured[] = setups.map((setup, index) => {
  const rows = samples[index]!
  const cycles = sum(rows.map((r) => r.load.cycles))
  const wall = sum(rows.map((r) => r.load.seconds))
  const busy = sum(rows.map((r) => r.machineBusy))
  return {
    setup,
    samples: rows,
    rates: rows.map((r) => r.load.cycles / r.load.seconds),
    rate: cycles / wall,
    cycles,
    requests: sum(rows.map((r) => r.load.requests)),
    errors: sum(rows.map((r) => r.load.errors)),
    latencies: rows.flatMap((r) => r.load.latencies),
    seconds: wall,
    emulators: Array.from({ length: setup.replicas }, (_, i) =>
      sum(rows.map((r) => r.emulators[i]!)),
    ),
    redis: sum(rows.map((r) => r.redis)),
    client: sum(rows.map((r) => r.client)),
    others: sum(rows.map((r) => Math.max(0, r.machineBusy - r.ours))),
    machineBusy: busy,
    machineTotal: sum(rows.map((r) => r.machineTotal)),
  }
})

const cores = cpus().length
const pct = (cpu: number, wall: number) => `${Math.round((cpu / wall) * 100)}%`

console.log(
  `\nScale-out: async cycles (create, poll to completion, instant timing) on ` +
    `${providers.join(', ')}, ${clients} concurrent clients, dist/main.js, each setup on its own ` +
    `fresh redis-server; ${rounds} rounds of ${seconds} s per setup, taking turns, after ` +
    `${warmup} s warm-up each; ${stamp}\n`,
)
console.log(
  table(
    [
      'setup',
      'cycles/s',
      'req/s',
      'cycle p50 ms',
      'cycle p99 ms',
      'errors',
      'emulator CPU (each)',
      'redis-server CPU',
      'client CPU',
      `machine busy, of ${cores * 100}% (other work)`,
    ],
    results.map((r) => [
      r.setup.name,
      fmt(Math.round(r.rate)),
      fmt(Math.round(r.requests / r.seconds)),
      fmt(quantile(r.latencies, 0.5)),
      fmt(quantile(r.latencies, 0.99)),
      String(r.errors),
      r.emulators.length > 1
        ? `${pct(sum(r.emulators), r.seconds)} (${r.emulators.map((e) => pct(e, r.seconds)).join(' + ')})`
        : pct(r.emulators[0]!, r.seconds),
      r.setup.redis ? pct(r.redis, r.seconds) : '-',
      pct(r.client, r.seconds),
      `${pct(r.machineBusy, r.machineTotal / cores)} (${pct(r.others, r.seconds)})`,
    ]),
  ),
)

console.log()
console.log(
  table(
    ['setup', ...roundStamps.map((when, i) => `round ${i + 1} cycles/s (${when.slice(11)})`)],
    results.map((r) => [r.setup.name, ...r.rates.map((rate) => fmt(Math.round(rate)))]),
  ),
)

const [memory, oneRedis, twoCross, twoPinned] = results as [Measured, Measured, Measured, Measured]
const ratio = (a: Measured, b: Measured) => {
  const perRound = a.rates.map((rate, i) => rate / b.rates[i]!)
  return `${fmt(a.rate / b.rate, 2)} (rounds: ${perRound.map((x) => fmt(x, 2)).join(', ')})`
}
console.log()
console.log(
  table(
    ['ratio of cycles/s', 'all rounds (each round)'],
    [
      ['1 replica on Redis / 1 replica in memory (the Redis store)', ratio(oneRedis, memory)],
      ['2 replicas on Redis, polled on the other / 1 replica on Redis', ratio(twoCross, oneRedis)],
      [
        '2 replicas on Redis, polled where created / 1 replica on Redis',
        ratio(twoPinned, oneRedis),
      ],
      ['2 replicas on Redis, polled on the other / 1 replica in memory', ratio(twoCross, memory)],
    ],
  ),
)

// CPU milliseconds each process spends per completed cycle: 1000 / that is the cycles/s it could
// carry with a core of its own (redis-server runs its commands on one thread, whatever the cores).
// Contention inflates these too (fewer requests per event-loop turn), least in the quietest round.
const perCycle = (cpu: number, cycles: number) => (cpu * 1000) / cycles
console.log()
console.log(
  table(
    [
      'setup',
      'emulators ms CPU/cycle',
      'redis-server ms CPU/cycle',
      'client ms CPU/cycle',
      'all three ms CPU/cycle',
      'cycles/s one core would carry: emulator / redis-server / client',
    ],
    results.map((r) => {
      const emu = perCycle(sum(r.emulators), r.cycles)
      const red = perCycle(r.redis, r.cycles)
      const cli = perCycle(r.client, r.cycles)
      return [
        r.setup.name,
        fmt(emu, 3),
        r.setup.redis ? fmt(red, 3) : '-',
        fmt(cli, 3),
        fmt(emu + red + cli, 3),
        [emu, r.setup.redis ? red : NaN, cli]
          .map((ms) => (Number.isNaN(ms) ? '-' : fmt(Math.round(1000 / ms))))
          .join(' / '),
      ]
    }),
  ),
)
