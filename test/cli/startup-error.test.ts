// A failed start names what the user wrote: the option, the environment variable, or the path.
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config.js'
import { configFromEnv } from '../../src/env.js'
import { parseCommandLine } from '../../src/cli/args.js'
import { mergeConfig } from '../../src/cli/merge.js'
import { describeStartupError } from '../../src/cli/startup-error.js'
import { unknownEnvWarnings } from '../../src/env.js'

/** What main.ts shows for these options and environment. */
function shown(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const args = parseCommandLine(argv)
  try {
    resolveConfig(mergeConfig(configFromEnv(env), args.input))
  } catch (err) {
    return describeStartupError(err, { options: args.sources, env })
  }
  throw new Error('accepted')
}

describe('start-up errors', () => {
  it('name the option, not the setting it sets', () => {
    expect(shown(['--credits', 'abc']).lines).toEqual(['--credits: expected a number, got "abc"'])
    expect(shown(['--port', '70000']).lines).toEqual(['--port: expected at most 65535, got 70000'])
    expect(shown(['--upstream', 'gptproto=nope']).lines).toEqual([
      '--upstream gptproto: expected a URL, got "nope"',
    ])
    expect(shown(['--mode', 'emulatr']).lines[0]).toMatch(
      /^--mode: .* \(did you mean "emulate"\?\)$/,
    )
  })

  it('name the environment variable', () => {
    expect(shown([], { EMULATOR_CREDITS: 'x' }).lines).toEqual([
      'EMULATOR_CREDITS: expected a number, got "x"',
    ])
    // The option wins over the variable, in the message as in the config.
    expect(shown(['--credits', 'y'], { EMULATOR_CREDITS: 'x' }).lines).toEqual([
      '--credits: expected a number, got "y"',
    ])
    expect(() => configFromEnv({ EMULATOR_UPSTREAMS: 'gptproto' })).toThrow(
      'EMULATOR_UPSTREAMS="gptproto": expected <provider>=<url>',
    )
  })

  it('warn of an EMULATOR_ variable that is no setting', () => {
    expect(unknownEnvWarnings({ EMULATOR_TIMNG: 'instant', EMULATOR_SEED: 's' })).toEqual([
      'EMULATOR_TIMNG is not a setting, ignored (did you mean EMULATOR_TIMING?)',
    ])
  })

  it('give a busy port a hint, not a stack', () => {
    const busy = Object.assign(new Error('listen EADDRINUSE'), {
      code: 'EADDRINUSE',
      port: 4010,
      address: '127.0.0.1',
    })
    expect(describeStartupError(busy)).toEqual({
      lines: ['port 4010 on 127.0.0.1 is already in use'],
      hint: 'Choose another with --port (or PORT), or --port 0 for a free one.',
    })
  })
})
