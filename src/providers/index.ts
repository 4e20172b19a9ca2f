/**
 * Every provider the emulator knows, each mounted at `/<id>`: the one list. Ids, config sections,
 * specs served, control-plane validation and the contract harness all derive from it.
 */
import { skillsVideo } from './skills-video/index.js'
import { oceanbase } from './oceanbase/index.js'
import { aivideoapi } from './aivideoapi/index.js'
import { crun } from './crun/index.js'
import { gptproto } from './gptproto/index.js'
import { openai } from './openai/index.js'

export const providers = [skillsVideo, oceanbase, aivideoapi, crun, gptproto, openai] as const

export type ProviderId = (typeof providers)[number]['id']

export const PROVIDER_IDS = providers.map((p) => p.id) as [ProviderId, ...ProviderId[]]

/** Real base URLs of the providers that have one (OceanBase's is per account). */
export const REAL_BASE_URLS: Partial<Record<ProviderId, string>> = Object.fromEntries(
  providers.flatMap((p) => (p.realBaseUrl ? [[p.id, p.realBaseUrl]] : [])),
)

/** The descriptor of `id`, when it is a provider's. */
export function providerById(id: string): (typeof providers)[number] | undefined {
  return providers.find((p) => p.id === id)
}
