/**
 * Helpers for the package tests (`npm run test:package`, after `npm run build`): child processes,
 * temporary folders, and a consumer project that has this package in node_modules, as an install
 * would put it.
 */
import { spawn, type SpawnOptions } from 'node:child_process'
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface Ran {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a command to its end. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      resolve({ code, stdout, stderr })
    })
  })
}

const made: string[] = []
// Registered as the test file loads this module: a hook registered later, from inside a hook or
// a test, would not run.
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))))

/** A temporary folder, removed after the file's tests. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `gie-${prefix}-`))
  made.push(dir)
  return dir
}

/**
 * A project that depends on gpt-image-emulator: node_modules/gpt-image-emulator links to this
 * repository (its package.json, exports and dist/ are what an install would bring), and
 * node_modules/@types to this repository's, for the TypeScript checks.
 */
export async function consumerProject(): Promise<string> {
  const dir = await tempDir('consumer')
  await mkdir(join(dir, 'node_modules'))
  await symlink(ROOT, join(dir, 'node_modules', 'gpt-image-emulator'), 'dir')
  await symlink(join(ROOT, 'node_modules', '@types'), join(dir, 'node_modules', '@types'), 'dir')
  return dir
}

/**
 * A copy of the repository as a clone has it, without dist/ or node_modules/ (linked to this
 * one's, as `npm ci` would fill it): what `files` lists plus the sources and build scripts.
 */
export async function cloneWithoutDist(): Promise<string> {
  const dir = await tempDir('clone')
  const entries = [
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'tsconfig.build.json',
    'README.md',
    'LICENSE',
    'bin',
    'scripts',
    'src',
    'specs',
    'ui',
  ]
  for (const entry of entries) await cp(join(ROOT, entry), join(dir, entry), { recursive: true })
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
  return dir
}

export interface Command {
  url: string
  stderr: () => string
  stop: () => Promise<void>
}

/** Starts the command and resolves once it says where it listens (stdout's first line). */
export function startCommand(args: string[], options: SpawnOptions = {}): Promise<Command> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
    let stdout = ''
    let stderr = ''
    const closed = new Promise<void>((done) => child.on('close', () => done()))
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1]
      if (url)
        resolve({
          url,
          stderr: () => stderr,
          stop: () => {
            child.kill('SIGTERM')
            return closed
          },
        })
    })
    child.on('error', reject)
    child.on('close', (code) => {
      reject(new Error(`exited ${code} before listening\nstdout: ${stdout}\nstderr: ${stderr}`))
    })
  })
}
