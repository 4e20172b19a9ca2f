/** The five providers' ids: each is also a mount path, a spec and a contract suite. */
export const PROVIDER_IDS = ['skills-video', 'oceanbase', 'aivideoapi', 'crun', 'gptproto'] as const
export type ProviderId = (typeof PROVIDER_IDS)[number]

/** Real base URLs (DESIGN.md); OceanBase's is per account, so it has none. */
export const REAL_BASE_URLS: Partial<Record<ProviderId, string>> = {
  'skills-video': 'https://open.skills.video',
  aivideoapi: 'https://api.aivideoapi.ai',
  crun: 'https://api.crun.ai',
  gptproto: 'https://gptproto.com',
}
