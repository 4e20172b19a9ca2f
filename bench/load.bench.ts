/**
 * 10,000 tasks with callbacks across 20 namespaces through the three async providers, against
 * the emulator as a child process (see load.ts for what is checked). Exits non-zero on any loss,
 * missing or extra callback, or balance off by anything.
 * Usage: npm run bench:load [-- --tasks 10000 --namespaces 20 --timing instant|fast]
 */
import { parseArgs } from 'node:util'
import { rssMb, startChild } from './support.js'
import { formatLoadReport, runLoad } from './load.js'

const { values } = parseArgs({
  options: {
    tasks: { type: 'string', default: '10000' },
    namespaces: { type: 'string', default: '20' },
    timing: { type: 'string', default: 'fast' },
    concurrency: { type: 'string', default: '100' },
  },
})
if (values.timing !== 'instant' && values.timing !== 'fast')
  throw new Error(`--timing: instant or fast, got ${values.timing}`)

const emulator = await startChild('src/main.ts', {
  EMULATOR_TIMING: values.timing,
  EMULATOR_CREDITS: '1000000',
  EMULATOR_SEED: 'bench-load',
})
try {
  const report = await runLoad({
    url: emulator.url,
    tasks: Number(values.tasks),
    namespaces: Number(values.namespaces),
    concurrency: Number(values.concurrency),
    rssMb: () => rssMb(emulator.child.pid!),
  })
  console.log(formatLoadReport(report, values.timing))
  if (!report.ok) process.exitCode = 1
} finally {
  await emulator.stop()
}
