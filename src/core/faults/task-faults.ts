/** What a request's fault plan does to the task it creates. */
import type { TaskFailure, TaskOutcome } from '../tasks/task.js'
import type { FaultPlan } from './fault-actions.js'

/**
 * A failing outcome when the plan asks for one (with the provider's usual failure unless a code is
 * given).
 */
export function taskOutcomeFromFaults(
  plan: FaultPlan | undefined,
  usual: TaskFailure,
): TaskOutcome | undefined {
  if (!plan?.task) return undefined
  return {
    kind: 'fail',
    stage: plan.task.stage,
    failure: { code: plan.task.code ?? usual.code, message: usual.message },
  }
}
