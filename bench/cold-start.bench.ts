/**
 * Cold start: from spawning `node dist/main.js` to the first 200 on /__emulator/health, over
 * several runs, beside a bare node:http server measured the same way in the same run.
 * Goal (P6): the emulator's median within 1.5x the bare server's, measured in the same run.
 * Usage: npm run bench:cold-start [-- --runs 20]   (builds dist/ first)
 */
import { spawn, execSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import { ROOT, runStamp } from './support.js'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } })
const runs = Number(values.runs)
const BARE =
  "require('node:http').createServer((q, s) => s.end('ok'))" +
  ".listen(Number(process.env.PORT), '127.0.0.1')"

async function timeToFirst200(args: string[], port: number, path: string): Promise<number> {
  const started = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
  })
  try {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}${path}`)).status === 200)
          return performance.now() - started
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
  } finally {
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
  }
}

execSync('npm run build --silent', { cwd: ROOT, stdio: 'inherit' })
const stamp = runStamp()
const emulator: number[] = []
const bare: number[] = []
for (let i = 0; i < runs; i++) {
  emulator.push(
    await timeToFirst200(['dist/main.js', '--log', 'off'], 4700 + (i % 50), '/__emulator/health'),
  )
  bare.push(await timeToFirst200(['-e', BARE], 4800 + (i % 50), '/'))
}
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]!)
  return { median: at(0.5), p90: at(0.9), max: Math.round(s.at(-1)!) }
}
const e = stats(emulator)
const b = stats(bare)
console.log(`\nP6 cold start to first 200, ${runs} runs each; ${stamp}\n`)
console.log('| process | median ms | p90 ms | max ms |')
console.log('|---|---|---|---|')
console.log(`| gpt-image-emulator (dist/main.js) | ${e.median} | ${e.p90} | ${e.max} |`)
console.log(`| bare node:http server | ${b.median} | ${b.p90} | ${b.max} |`)
const ratio = e.median / b.median
console.log(`\nemulator median / bare median: ${ratio.toFixed(2)}x\n`)
console.log('| goal | figure | pass/miss |')
console.log('|---|---|---|')
console.log(
  `| emulator median <= 1.5x bare | ${ratio.toFixed(2)}x | ${ratio <= 1.5 ? 'pass' : 'miss'} |`,
)
