/**
 * The emulator as a separate process (`node --import tsx src/main.ts`), as a replica behind a
 * load balancer runs: started with its own arguments, its URL read from the banner's first line
 * (`... listening on http://127.0.0.1:PORT ...`), killed as a crash would (SIGKILL) or stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process'

export interface Replica {
  /** Where it listens, e.g. `http://127.0.0.1:41234`. */
  url: string
  pid: number
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string
  /** Whether the process is still running. */
  alive(): boolean
  /** Sends `signal` (SIGKILL by default) and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>
}

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

const MAIN = ['--import', 'tsx', 'src/main.ts']

/** The test runner's environment without its EMULATOR_* variables, which would change the start. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('EMULATOR_')),
  )
}

function launch(argv: string[]): ChildProcess {
  return spawn(process.execPath, [...MAIN, ...argv], {
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null

/**
 * Starts a replica on a free loopback port with `argv` added, resolving once it listens; rejects
 * with what it printed if it exits first or says nothing within `timeoutMs`.
 */
export async function startReplica(argv: string[], timeoutMs = 30_000): Promise<Replica> {
  const child = launch(['--port', '0', '--host', '127.0.0.1', ...argv])
  let output = ''
  let stdout = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`replica did not listen within ${String(timeoutMs)} ms:\n${output}`))
    }, timeoutMs)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      stdout += chunk.toString()
      const found = /listening on (http:\/\/[^\s]+)/.exec(stdout.split('\n')[0] ?? '')
      if (found && stdout.includes('\n')) {
        clearTimeout(timer)
        resolve(found[1]!)
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`replica exited (${String(code ?? signal)}) before listening:\n${output}`))
    })
  })
  return {
    url,
    pid: child.pid ?? -1,
    output: () => output,
    alive: () => !exited(child),
    kill: (signal = 'SIGKILL') =>
      new Promise((resolve) => {
        if (exited(child)) {
          resolve()
          return
        }
        child.once('exit', () => resolve())
        child.kill(signal)
      }),
  }
}

/** Runs the command to its end (a start expected to fail): exit code and what it printed. */
export function runCommand(argv: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = launch(argv)
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}
