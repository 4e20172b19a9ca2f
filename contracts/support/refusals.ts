/**
 * Refusals of an OpenAI-shaped image request, as contract cases: each posts a JSON body and
 * expects a 400 naming the parameter (and, where the case gives one, the exact message).
 */
import { expect } from 'vitest'
import type { Contract } from './contract.js'

/** A case's name, the body sent, the parameter the 400 names, and optionally its message. */
export type RefusalCase = readonly [
  name: string,
  json: Record<string, unknown>,
  param: string,
  message?: string,
]

export function refusalCases(c: Contract, path: string, cases: readonly RefusalCase[]): void {
  for (const [name, json, param, message] of cases) {
    c.case(name, {}, async (call) => {
      const r = await call({ method: 'POST', path, json })
      expect(r.status).toBe(400)
      expect(r.json.error).toMatchObject({ param, ...(message !== undefined && { message }) })
    })
  }
}
