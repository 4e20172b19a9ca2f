/**
 * What a failed start says: one line per problem, each naming what the user wrote (the option,
 * the environment variable, or the setting's path), then at most one hint line. Never a stack.
 */
import { ConfigError, describeProblem, pathText, type ConfigProblem } from '../config-errors.js'
import { ENV_NAMES } from '../env.js'

/** A start-up failure whose message is the line to show; `hint` is the line after it. */
export class StartupError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message)
    this.name = 'StartupError'
  }
}

export interface SettingSources {
  /** Config paths (`credits.defaultBalance`) set on the command line, with what set each. */
  options?: Readonly<Record<string, string>>
  env?: NodeJS.ProcessEnv
}

export interface StartupMessage {
  lines: string[]
  hint?: string
}

export function describeStartupError(err: unknown, sources: SettingSources = {}): StartupMessage {
  if (err instanceof ConfigError)
    return { lines: err.problems.map((problem) => attribute(problem, sources)) }
  // StartupError, or any error carrying a hint (record and replay's own refusals do).
  const { hint } = err as { hint?: unknown }
  if (err instanceof Error && typeof hint === 'string') return { lines: [err.message], hint }
  const { code, port, address } = err as { code?: unknown; port?: unknown; address?: unknown }
  if (code === 'EADDRINUSE')
    return {
      lines: [`port ${String(port)} on ${String(address)} is already in use`],
      hint: 'Choose another with --port (or PORT), or --port 0 for a free one.',
    }
  if (code === 'EADDRNOTAVAIL' || code === 'EACCES')
    return { lines: [`cannot listen on ${String(address)}:${String(port)} (${code})`] }
  const message = err instanceof Error ? err.message : String(err)
  return { lines: message.split('\n').filter(Boolean) }
}

/**
 * `--credits: expected...`, `EMULATOR_CREDITS: expected...`, or `credits.defaultBalance: ...`:
 * the command line wins over the environment, as it does when settings merge.
 */
function attribute({ path, problem }: ConfigProblem, sources: SettingSources): string {
  for (let n = path.length; n > 0; n--) {
    const key = pathText(path.slice(0, n))
    // List positions (`providers.1`) say nothing the problem does not.
    const rest = path
      .slice(n)
      .filter((k) => typeof k === 'string')
      .join('.')
    const name = sources.options?.[key] ?? envName(key, sources.env)
    if (name) return `${rest ? `${name} ${rest}` : name}: ${problem}`
  }
  return describeProblem({ path, problem })
}

function envName(key: string, env: NodeJS.ProcessEnv | undefined): string | undefined {
  const name = ENV_NAMES[key]
  return name && env?.[name] ? name : undefined
}
