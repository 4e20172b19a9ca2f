/**
 * Whether a request failed because the shared state store (Redis) is away: an error that is no
 * refusal of the emulator's own, thrown while the store does not answer. The provider routes then
 * answer the provider's 503 and the control plane its own, not a 500 that reads as a bug.
 */
import { EmulatorError } from './emulator-error.js'
import { Failure, Refusal } from './failure.js'

export function isStoreOutage(err: Error, storeAvailable: () => boolean): boolean {
  const refusal = err instanceof Failure || err instanceof Refusal || err instanceof EmulatorError
  return !refusal && !storeAvailable()
}
