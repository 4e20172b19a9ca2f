// Config problems: unknown keys at any depth with the nearest known one, enum values quoted,
// and a number written for an enum of numeric strings (`refusalStatus: 200`) accepted.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, resolveConfig, type EmulatorConfigInput } from '../../src/config.js'
import { readConfigFile } from '../../src/cli/config-file.js'

const problemsOf = (input: unknown): string[] => {
  try {
    resolveConfig(input as EmulatorConfigInput)
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError)
    return (err as Error).message.split('\n')
  }
  throw new Error('accepted')
}

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'config-')), name)
  writeFileSync(path, text)
  return path
}

describe('config problems', () => {
  it('refuses unknown keys at any depth, naming the nearest known one', () => {
    expect(problemsOf({ timng: 'instant', crun: { refusalstatus: 'mirror' } })).toEqual([
      'timng: unknown setting (did you mean timing?)',
      'crun.refusalstatus: unknown setting (did you mean refusalStatus?)',
    ])
    expect(problemsOf({ upstreams: { gptprot: 'http://h' } })[0]).toMatch(
      /^upstreams\.gptprot: unknown key, expected one of "skills-video", .* \(did you mean "gptproto"\?\)$/,
    )
  })

  it('quotes enum values, so a string and a number never read alike', () => {
    expect(problemsOf({ crun: { refusalStatus: 201 } })).toEqual([
      'crun.refusalStatus: expected one of "200", "mirror", got 201',
    ])
    expect(problemsOf({ mode: 'emulator' })).toEqual([
      'mode: expected one of "emulate", "record", "replay", got "emulator" (did you mean "emulate"?)',
    ])
  })

  it("takes refusalStatus: 200 (a number) as '200'", () => {
    expect(resolveConfig({ crun: { refusalStatus: 200 as unknown as '200' } }).crun).toMatchObject({
      refusalStatus: '200',
    })
  })

  it('says what a setting takes and what it got', () => {
    expect(problemsOf({ port: 'abc', credits: { defaultBalance: -1 } })).toEqual([
      'port: expected a number, got "abc"',
      'credits.defaultBalance: expected at least 0, got -1',
    ])
  })
})

describe('a config file', () => {
  it('accepts refusalStatus: 200 unquoted in YAML and in JSON', async () => {
    for (const path of [
      file('c.yaml', 'crun:\n  refusalStatus: 200\n'),
      file('c.json', '{"crun": {"refusalStatus": 200}}'),
    ])
      expect(resolveConfig(await readConfigFile(path)).crun.refusalStatus).toBe('200')
  })

  it('names the file and the key as written there', async () => {
    const path = file('c.yaml', 'porrt: 5\ncrun:\n  refusalStatus: 201\n')
    await expect(readConfigFile(path)).rejects.toThrow(
      `${path}: porrt: unknown setting (did you mean port?)\n` +
        `${path}: crun.refusalStatus: expected one of "200", "mirror", got 201`,
    )
  })
})
