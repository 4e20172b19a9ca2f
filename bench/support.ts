/**
 * Shared bench plumbing: start servers as child processes on port 0 and wait for their URL, build
 * and start the emulator from dist/ with plain node, a keep-alive HTTP client, percentiles, and
 * the Markdown tables every bench prints.
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process'
import { Agent, request } from 'node:http'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))

export interface ChildServer {
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

// Prism colours its log; the URL is read without the escapes.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g

/**
 * Runs `command args` in the repository with env (PORT=0, HOST=127.0.0.1 added), resolving once
 * its stdout says `listening on <url>`. Later stdout is drained and dropped.
 */
export function startProcess(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<ChildServer> {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const label = [command, ...args].join(' ')
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString().replace(ANSI, '')
      const match = /listening on (http:\/\/[\w.:[\]-]+)/.exec(output)
      if (match) {
        child.stdout.removeAllListeners('data')
        // Only the tail is kept, to say why a server that stops mid-bench stopped.
        let tail = ''
        child.stdout.on('data', (more: Buffer) => (tail = (tail + more.toString()).slice(-500)))
        let stopping = false
        // A server that dies mid-bench would otherwise show only as connection errors.
        child.once('exit', (code, signal) => {
          if (!stopping)
            console.error(`${label} exited during the bench: ${code ?? signal}\n${tail}`)
        })
        resolve({
          url: match[1]!,
          child,
          stop: () =>
            new Promise<void>((done) => {
              stopping = true
              if (child.exitCode !== null || child.signalCode !== null) {
                done()
                return
              }
              child.once('exit', () => done())
              child.kill('SIGTERM')
            }),
        })
      }
    })
    child.once('exit', (code) => reject(new Error(`${label} exited with ${code}: ${output}`)))
  })
}

/** Runs `node --import tsx <script>` with env, resolving once it prints `listening on <url>`. */
export function startChild(script: string, env: Record<string, string> = {}): Promise<ChildServer> {
  return startProcess(process.execPath, ['--import', 'tsx', script], env)
}

/** Builds dist/ (as `npm run build`), so the emulator runs as users run it, without tsx. */
export function buildDist(): void {
  execSync('npm run build --silent', { cwd: ROOT, stdio: 'inherit' })
}

/**
 * The built emulator, `node dist/main.js --log off` (a log line per request is not what is
 * measured), on a free port; run buildDist() first. env: EMULATOR_* settings.
 */
export function startEmulator(
  env: Record<string, string> = {},
  args: string[] = [],
): Promise<ChildServer> {
  return startProcess(process.execPath, ['dist/main.js', '--log', 'off', ...args], env)
}

/** Resident set size of a process in MB, from /proc (Linux). */
export async function rssMb(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises')
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 1024)
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux, 100 ticks/s). */
export async function cpuSeconds(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises')
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

export interface HttpResult {
  status: number
  body: Buffer
}

/**
 * A keep-alive HTTP/1.1 client over node:http, lighter than fetch so the load client (on the
 * same cores as the server) takes less of the machine. One socket per concurrent caller.
 */
export function httpClient(maxSockets: number) {
  // fifo: every socket stays in use. With the default lifo, slow pollers leave sockets idle
  // until the server's 5 s keep-alive timeout closes them just as one is reused (ECONNRESET).
  const agent = new Agent({ keepAlive: true, maxSockets, scheduling: 'fifo' })
  const send = (
    method: string,
    url: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<HttpResult> =>
    new Promise((resolve, reject) => {
      const req = request(url, { method, headers, agent }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }))
        res.on('error', reject)
      })
      req.on('error', reject)
      req.end(body)
    })
  return { send, close: () => agent.destroy() }
}

/** The value at quantile q (0..1) of xs, nearest rank. */
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

/** A figure for a table: integers as they are, others to `digits` places. */
export function fmt(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return 'n/a'
  return Number.isInteger(x) ? String(x) : x.toFixed(digits)
}

export const verdict = (pass: boolean): string => (pass ? 'pass' : 'miss')

/** A Markdown table. */
export function table(header: string[], rows: (string | number)[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n')
}

/** The date and time of the run, so noisy figures can be set against the machine's load. */
export function runStamp(): string {
  const load = loadavg()[0]!.toFixed(2)
  return `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${load}`
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export type AsyncProvider = 'aivideoapi' | 'crun' | 'skills-video'
export const ASYNC_PROVIDERS: AsyncProvider[] = ['aivideoapi', 'crun', 'skills-video']

/** How each async provider is driven: create, poll, and where the status and image URL are. */
const DRIVERS: Record<
  AsyncProvider,
  {
    headers: Record<string, string>
    create: string
    body: (prompt: string) => unknown
    id: (created: any) => unknown
    poll: (id: string) => string
    /** 'done', 'failed' or undefined while the task is still queued or running. */
    outcome: (task: any) => 'done' | 'failed' | undefined
    imageUrl: (task: any) => unknown
  }
> = {
  aivideoapi: {
    headers: { authorization: 'Bearer sk-bench' },
    create: '/aivideoapi/v1/images/generations',
    body: (prompt) => ({ model: 'gpt-image-2', input: { prompt } }),
    id: (created) => created.data?.taskId,
    poll: (id) => `/aivideoapi/v1/tasks/${id}`,
    outcome: (task) =>
      task.status === 'completed' ? 'done' : task.status === 'failed' ? 'failed' : undefined,
    imageUrl: (task) => task.output?.urls?.[0],
  },
  crun: {
    headers: { 'x-api-key': 'ak_bench0000000000000000000000000000' },
    create: '/crun/api/v1/client/job/CreateTask',
    body: (prompt) => ({ model: 'openai/gpt-image-2', input: { prompt } }),
    // CRUN answers errors with HTTP 200 and a body code.
    id: (created) => (created.code === 200 ? created.data?.task_id : undefined),
    poll: (id) => `/crun/api/v1/client/job/TaskInfo?task_id=${id}`,
    outcome: (task) =>
      task.data?.status === 'success'
        ? 'done'
        : task.data?.status === 'failed'
          ? 'failed'
          : undefined,
    imageUrl: (task) => task.data?.result?.media_urls?.[0],
  },
  'skills-video': {
    headers: { authorization: 'Bearer sk-bench' },
    create: '/skills-video/api/v1/generation/openai/gpt-image-2',
    body: (prompt) => ({ prompt, aspect_ratio: '1:1' }),
    id: (created) => created.id,
    poll: (id) => `/skills-video/api/v1/generation/${id}`,
    outcome: (task) =>
      task.status === 'COMPLETED'
        ? 'done'
        : ['FAILED', 'CANCELED', 'CANCELLED'].includes(task.status)
          ? 'failed'
          : undefined,
    imageUrl: (task) => task.data?.images?.[0]?.url,
  },
}

export interface CycleOptions {
  /** Sent as X-Emulator-Timing; the emulator's own timing when absent. */
  timing?: string
  /** Fetch the finished task's image URL too. */
  download?: boolean
  /** Wait before each poll after the first; the first poll follows the create at once. */
  pollMs?: number
  /**
   * With several URLs in runCycles (replicas sharing state): poll each task on the next replica,
   * not the one that created it.
   */
  pollElsewhere?: boolean
}

export interface CycleResult {
  /** Requests made, the create, polls and download included. */
  requests: number
  /** Undefined when the cycle completed; else what went wrong. */
  error?: string
}

/**
 * One async cycle: create a task on `provider`, poll it until it finishes (on `pollUrl`, another
 * replica, when given), optionally download its image. Anything but a completed task with a 2xx
 * image is returned as an error.
 */
export async function asyncCycle(
  client: ReturnType<typeof httpClient>,
  url: string,
  provider: AsyncProvider,
  prompt: string,
  options: CycleOptions = {},
  pollUrl = url,
): Promise<CycleResult> {
  const driver = DRIVERS[provider]
  const headers = {
    ...driver.headers,
    'content-type': 'application/json',
    ...(options.timing && { 'x-emulator-timing': options.timing }),
  }
  let requests = 1
  const created = await client.send(
    'POST',
    url + driver.create,
    headers,
    JSON.stringify(driver.body(prompt)),
  )
  const id = created.status < 300 ? driver.id(JSON.parse(created.body.toString())) : undefined
  if (typeof id !== 'string')
    return { requests, error: `create ${created.status} ${created.body.toString().slice(0, 200)}` }
  for (let polls = 0; ; polls++) {
    if (polls > 0 && options.pollMs) await sleep(options.pollMs)
    if (polls > 10_000) return { requests, error: `task ${id} still unfinished` }
    requests++
    const polled = await client.send('GET', pollUrl + driver.poll(id), driver.headers)
    if (polled.status >= 300)
      return { requests, error: `poll ${polled.status} ${polled.body.toString().slice(0, 200)}` }
    const task = JSON.parse(polled.body.toString())
    const outcome = driver.outcome(task)
    if (outcome === 'failed') return { requests, error: `task failed ${JSON.stringify(task)}` }
    if (outcome === undefined) continue
    if (!options.download) return { requests }
    const image = driver.imageUrl(task)
    if (typeof image !== 'string')
      return { requests, error: `no image URL ${JSON.stringify(task)}` }
    requests++
    const file = await client.send('GET', image)
    if (file.status >= 300 || file.body.length === 0)
      return { requests, error: `download ${file.status}` }
    return { requests }
  }
}

export interface CycleLoad {
  cycles: number
  errors: number
  firstErrors: string[]
  requests: number
  /** Each completed cycle's duration in ms. */
  latencies: number[]
  /** Wall time of the run. */
  seconds: number
}

export interface CycleLimits {
  /** Stop starting cycles after this long; cycles ending later are not counted. */
  seconds?: number
  /** Stop after this many cycles have been started; every one is awaited and counted. */
  cycles?: number
  /** Start at most this many cycles per second, evenly paced (a steady load); else flat out. */
  rate?: number
}

/**
 * `clients` loops of back-to-back cycles within `limits`, `next()` choosing each cycle's provider
 * and prompt. Several URLs (replicas sharing state): client i creates on urls[i % n], so the
 * clients are spread evenly, and polls there too unless `options.pollElsewhere`.
 */
export async function runCycles(
  url: string | string[],
  clients: number,
  limits: CycleLimits,
  next: () => { provider: AsyncProvider; prompt: string },
  options: CycleOptions = {},
): Promise<CycleLoad> {
  const client = httpClient(clients)
  const load: CycleLoad = {
    cycles: 0,
    errors: 0,
    firstErrors: [],
    requests: 0,
    latencies: [],
    seconds: 0,
  }
  const started = performance.now()
  const end = limits.seconds === undefined ? Infinity : started + limits.seconds * 1000
  const maxCycles = limits.cycles ?? Infinity
  let issued = 0
  const urls = typeof url === 'string' ? [url] : url
  await Promise.all(
    Array.from({ length: clients }, async (_, index) => {
      const createUrl = urls[index % urls.length]!
      const pollUrl = options.pollElsewhere ? urls[(index + 1) % urls.length]! : createUrl
      while (performance.now() < end && issued < maxCycles) {
        const slot = issued++
        if (limits.rate) {
          const wait = started + (slot * 1000) / limits.rate - performance.now()
          if (wait > 0) await sleep(wait)
          if (performance.now() >= end) break
        }
        const { provider, prompt } = next()
        const t0 = performance.now()
        const result = await asyncCycle(
          client,
          createUrl,
          provider,
          prompt,
          options,
          pollUrl,
        ).catch((err: unknown) => ({ requests: 1, error: String(err) }))
        const t1 = performance.now()
        if (t1 > end) break
        load.requests += result.requests
        if (result.error === undefined) {
          load.cycles++
          load.latencies.push(t1 - t0)
        } else {
          load.errors++
          if (load.firstErrors.length < 3) load.firstErrors.push(`${provider}: ${result.error}`)
        }
      }
    }),
  )
  load.seconds = limits.seconds ?? (performance.now() - started) / 1000
  client.close()
  return load
}
