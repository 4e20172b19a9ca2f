/** `GET /api/v1/client/job/TaskInfo?task_id=`: one task of the caller's, in CRUN's envelope. */
import type { Handler } from 'hono'
import type { EmulatorEnv } from '../../core/http/env.js'
import type { TaskStep } from '../../core/tasks/queue-task.js'
import { parseRequest } from '../../core/validation.js'
import { TaskInfoQuery } from './schemas.js'
import { toTaskInfo, type CrunDetails } from './wire.js'

export function taskInfoHandler(taskStep: TaskStep): Handler<EmulatorEnv> {
  return async function taskInfo(c) {
    const { task_id: id } = parseRequest(TaskInfoQuery, c.req.query())
    return c.json(toTaskInfo(await taskStep.findOwn<CrunDetails>(c, id)))
  }
}
