// The command as a process: a start-up error is one line per problem on stderr, then a hint,
// exit status 1, and never a stack trace.
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

function run(argv: string[]): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...argv], {
      // The runner's own EMULATOR_* variables would add lines (or warnings) of their own.
      env: {
        ...Object.fromEntries(
          Object.entries(process.env).filter(([name]) => !name.startsWith('EMULATOR_')),
        ),
        PORT: '0',
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

const empty = () => mkdtempSync(join(tmpdir(), 'main-process-'))

describe('a failed start', { timeout: 30_000 }, () => {
  it.each([
    [['--credits', 'abc'], ['gpt-image-emulator: --credits: expected a number, got "abc"']],
    [
      ['--upstream', 'gptproto'],
      [
        'gpt-image-emulator: --upstream gptproto: expected --upstream <provider>=<url>, ' +
          'e.g. --upstream gptproto=https://gptproto.com',
        'Run gpt-image-emulator --help to see every option.',
      ],
    ],
  ])('%j prints %j and exits 1', async (argv, lines) => {
    const { code, stderr, stdout } = await run(argv)
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.trimEnd().split('\n')).toEqual(lines)
  })

  it('names the config file and its key', async () => {
    const path = join(empty(), 'emulator.yaml')
    writeFileSync(path, 'crun:\n  refusalStatus: 200\n  refusalstatus: mirror\n')
    const { code, stderr } = await run(['--config', path])
    expect(code).toBe(1)
    expect(stderr.trimEnd()).toBe(
      `gpt-image-emulator: ${path}: crun.refusalstatus: unknown setting ` +
        '(did you mean refusalStatus?)',
    )
  })

  it('replay without cassettes stops at start, saying to record first', async () => {
    const dir = empty()
    const { code, stderr } = await run(['--mode', 'replay', '--cassettes', dir])
    expect(code).toBe(1)
    expect(stderr.trimEnd().split('\n')).toEqual([
      `gpt-image-emulator: no cassettes in ${dir}: record first`,
      `Record with: gpt-image-emulator --mode record --cassettes ${dir}`,
    ])
  })
})
