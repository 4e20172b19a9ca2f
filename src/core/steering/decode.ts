/**
 * `X-Emulator-*` request headers, decoded once into one typed `Steering` value, or refused with a
 * 400 naming the header; middleware.ts does this first on every route, before anything else runs
 * (no charge, no task, no upload kept). Handlers read the value, never the headers.
 */
import { EmulatorError } from '../errors/emulator-error.js'
import {
  TIMING_PROFILES,
  parseExplicitTiming,
  type Timing,
  type TimingProfile,
} from '../tasks/timing.js'
import {
  FAULT_TOKENS,
  FaultSyntaxError,
  parseFaultTokens,
  parseLatency,
  type FaultPlan,
} from '../faults/fault-actions.js'

export const DEFAULT_NAMESPACE = 'default'
const NAMESPACE = /^[A-Za-z0-9._-]{1,64}$/
const MAX_SEED_LENGTH = 200

export interface Steering {
  /** Isolates this request's tasks, credits, faults and deliveries from other namespaces. */
  namespace: string
  /**
   * Whether `X-Emulator-Namespace` named it: control routes that act on everything when no
   * namespace is named (reset) tell "none named" from "default named" by this.
   */
  namespaceNamed: boolean
  /** Seed for this request's random choices (image accents, revised prompts). */
  seed?: string
  /** Timing of the task this request creates: a profile to sample, or exact milliseconds. */
  timing?: TimingProfile | Timing
  /** One-shot faults: a catalogue error, latency, broken connections, task and callback faults. */
  faults: FaultPlan
}

/** What an undecodable request is logged and numbered under. */
export const UNSTEERED: Steering = {
  namespace: DEFAULT_NAMESPACE,
  namespaceNamed: false,
  faults: {},
}

type Refuse = (message: string, allowed?: readonly string[]) => never

/** Each header: its canonical name, and how its value is read into the steering. */
const HEADERS: Record<
  string,
  { name: string; read(value: string, refuse: Refuse, into: Steering): void }
> = {
  'x-emulator-namespace': {
    name: 'X-Emulator-Namespace',
    read(value, refuse, into) {
      if (!NAMESPACE.test(value)) {
        refuse('X-Emulator-Namespace must be 1-64 characters of A-Z, a-z, 0-9, ".", "_" or "-".')
      }
      into.namespace = value
      into.namespaceNamed = true
    },
  },
  'x-emulator-seed': {
    name: 'X-Emulator-Seed',
    read(value, refuse, into) {
      if (value.trim() === '' || value.length > MAX_SEED_LENGTH) {
        refuse(
          `X-Emulator-Seed must be a non-empty string of at most ${MAX_SEED_LENGTH} characters.`,
        )
      }
      into.seed = value
    },
  },
  'x-emulator-timing': {
    name: 'X-Emulator-Timing',
    read(raw, refuse, into) {
      const value = raw.trim()
      if ((TIMING_PROFILES as readonly string[]).includes(value)) {
        into.timing = value as TimingProfile
        return
      }
      into.timing =
        parseExplicitTiming(value) ??
        refuse(`Invalid X-Emulator-Timing '${value}'.`, [...TIMING_PROFILES, 'queue=<ms>;run=<ms>'])
    },
  },
  'x-emulator-error': {
    name: 'X-Emulator-Error',
    read(raw, refuse, into) {
      const value = raw.trim()
      if (value === '')
        refuse("X-Emulator-Error must name an entry of the provider's error catalogue.")
      into.faults.error = value
    },
  },
  'x-emulator-latency': {
    name: 'X-Emulator-Latency',
    read(value, refuse, into) {
      try {
        into.faults.latency = parseLatency(value)
      } catch (err) {
        refuse(`Invalid X-Emulator-Latency: ${(err as Error).message}.`)
      }
    },
  },
  'x-emulator-fault': {
    name: 'X-Emulator-Fault',
    read(value, refuse, into) {
      try {
        // Read after X-Emulator-Error and -Latency, so a token list never drops either.
        Object.assign(into.faults, parseFaultTokens(value))
      } catch (err) {
        if (!(err instanceof FaultSyntaxError)) throw err
        refuse(`Invalid X-Emulator-Fault: ${err.message}.`, FAULT_TOKENS)
      }
    },
  },
}

const KNOWN = Object.keys(HEADERS)

/** Every `X-Emulator-*` header as one value, or the 400 naming the first bad one. */
export function decodeSteering(headers: Headers): Steering {
  const steering: Steering = { namespace: DEFAULT_NAMESPACE, namespaceNamed: false, faults: {} }
  for (const name of headers.keys()) {
    if (name.startsWith('x-emulator-') && !(name in HEADERS)) {
      throw new EmulatorError(400, 'unknown_header', `Unknown emulator header '${name}'.`, {
        field: name,
        allowed: KNOWN,
      })
    }
  }
  // A fixed order, so the same headers always give the same value and the same first refusal.
  for (const [key, header] of Object.entries(HEADERS)) {
    const value = headers.get(key)
    if (value === null) continue
    const refuse: Refuse = (message, allowed) => {
      throw new EmulatorError(400, 'invalid_header', message, {
        field: header.name,
        ...(allowed && { allowed: [...allowed] }),
      })
    }
    header.read(value, refuse, steering)
  }
  return steering
}

/** Refuses an `X-Emulator-Error` that is not in the provider's catalogue. */
export function checkErrorName(steering: Steering, names: readonly string[]): void {
  const name = steering.faults.error
  if (name !== undefined && !names.includes(name)) {
    throw new EmulatorError(
      400,
      'invalid_header',
      `Invalid X-Emulator-Error '${name}' for this provider.`,
      {
        field: 'X-Emulator-Error',
        allowed: [...names],
      },
    )
  }
}
