/** Every provider the emulator mounts, each at `/<id>`. */
import type { Provider } from './provider.js'
import { gptproto } from './gptproto/index.js'
import { oceanbase } from './oceanbase/index.js'
import { aivideoapi } from './aivideoapi/index.js'
import { crun } from './crun/index.js'
import { skillsVideo } from './skills-video/index.js'

export const providers: readonly Provider[] = [skillsVideo, oceanbase, aivideoapi, crun, gptproto]
