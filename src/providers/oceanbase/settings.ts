/** OceanBase has nothing to set yet: the `oceanbase` section of the config is empty. */
import { z } from 'zod'

export const OceanbaseSettings = z.object({})
export type OceanbaseSettings = z.output<typeof OceanbaseSettings>
