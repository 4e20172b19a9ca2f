/** `GET /api/v1/client/job/TaskInfo?task_id=`: one task of the caller's, in CRUN's envelope. */
import type { Handler } from 'hono'
import type { Runtime } from '../../runtime.js'
import type { EmulatorEnv } from '../../core/http/env.js'
import type { Task } from '../../core/tasks/task.js'
import { requestNamespace } from '../../core/http/emulator-headers.js'
import { parseRequest } from '../../core/validation.js'
import { TaskInfoQuery } from './schemas.js'
import type { CrunErrors } from './errors.js'
import { toTaskInfo, type CrunDetails } from './wire.js'

export function taskInfoHandler(runtime: Runtime, errors: CrunErrors): Handler<EmulatorEnv> {
  return function taskInfo(c) {
    const { task_id: id } = parseRequest(TaskInfoQuery, c.req.query())
    const task = runtime.tasks.get(id)
    // Another key's or another namespace's task does not exist for this caller.
    if (
      !task ||
      task.provider !== 'crun' ||
      task.apiKey !== c.get('apiKey') ||
      task.namespace !== requestNamespace(c)
    ) {
      throw errors.task_not_found()
    }
    return c.json(toTaskInfo(task as Task<CrunDetails>))
  }
}
