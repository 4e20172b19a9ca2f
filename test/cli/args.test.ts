// The command line: unknown options get the nearest known one, --upstream says its form, and
// every value set remembers the option that set it, for errors.
import { describe, expect, it } from 'vitest'
import { parseCommandLine } from '../../src/cli/args.js'
import { StartupError } from '../../src/cli/startup-error.js'
import { closest, editDistance } from '../../src/core/did-you-mean.js'

const refusal = (argv: string[]) => {
  try {
    parseCommandLine(argv)
  } catch (err) {
    expect(err).toBeInstanceOf(StartupError)
    return { message: (err as StartupError).message, hint: (err as StartupError).hint }
  }
  throw new Error(`${argv.join(' ')} was accepted`)
}

describe('did you mean', () => {
  it('measures edits and only suggests what is near', () => {
    expect(editDistance('portt', 'port')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(closest('--portt', ['--port', '--host'])).toBe('--port')
    expect(closest('refusalstatus', ['refusalStatus', 'prices'])).toBe('refusalStatus')
    expect(closest('x', ['seed', 'port'])).toBeUndefined()
  })
})

describe('parseCommandLine', () => {
  it('names the nearest option for an unknown one, with the --help hint', () => {
    expect(refusal(['--portt', '5'])).toEqual({
      message: 'unknown option --portt (did you mean --port?)',
      hint: 'Run gpt-image-emulator --help to see every option.',
    })
    expect(refusal(['--timng=instant']).message).toBe(
      'unknown option --timng (did you mean --timing?)',
    )
    expect(refusal(['--zzzzzzzz']).message).toBe('unknown option --zzzzzzzz')
  })

  it('says the form --upstream takes when =url is missing', () => {
    expect(refusal(['--upstream', 'gptproto']).message).toBe(
      '--upstream gptproto: expected --upstream <provider>=<url>, ' +
        'e.g. --upstream gptproto=https://gptproto.com',
    )
    expect(refusal(['--upstream', 'oceanbase=']).message).toContain(
      'e.g. --upstream oceanbase=https://<your-endpoint>',
    )
  })

  it('says what is wrong with a missing value or a stray argument', () => {
    expect(refusal(['--port']).message).toBe('--port needs a value')
    expect(refusal(['record']).message).toBe(
      'unexpected argument "record": every setting is an option (--name value)',
    )
  })

  it('keeps a non-number as written and records which option set each setting', () => {
    const args = parseCommandLine(['--credits', 'abc', '--upstream', 'crun=http://h', '-p', '0'])
    expect(args.input).toMatchObject({
      credits: { defaultBalance: 'abc' },
      port: 0,
      upstreams: { crun: 'http://h' },
    })
    expect(args.sources).toMatchObject({
      'credits.defaultBalance': '--credits',
      port: '--port',
      upstreams: '--upstream',
      'upstreams.crun': '--upstream crun',
    })
  })
})
