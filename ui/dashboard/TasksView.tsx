/** Tasks of the namespace, newest first: state, timeline, images and failure. */
import { useState } from 'preact/hooks'
import { between, duration, number, sameOrigin, truncate } from './format.js'
import { Empty, LoadState, Select, StateBadge, Time, providerChoices } from './parts.js'
import type { Loaded } from './store.js'
import type { Task } from './types.js'

const STATES = ['queued', 'running', 'succeeded', 'failed', 'canceled'] as const
const STATE_CHOICES = [
  { value: '', label: 'any state' },
  ...STATES.map((s) => ({ value: s, label: s })),
]
const PROMPT_CHARS = 160
const THUMB_WIDTH = 96

export function TasksView({
  loaded,
  namespace,
  providers,
}: {
  loaded: Loaded<Task[]>
  namespace: string
  providers: readonly string[]
}) {
  const [provider, setProvider] = useState('')
  const [state, setState] = useState('')
  return (
    <LoadState loaded={loaded} what="tasks">
      {(tasks) => {
        if (tasks.length === 0)
          return (
            <Empty>
              <p>
                No tasks yet in namespace <strong>{namespace}</strong>.
              </p>
              <p>
                Tasks appear when an application starts an asynchronous generation, for example a{' '}
                <code>POST {location.origin}/aivideoapi/v1/images/generations</code>.
              </p>
            </Empty>
          )
        const shown = tasks
          .filter((t) => (!provider || t.provider === provider) && (!state || t.state === state))
          .reverse()
        return (
          <>
            <div class="filters" role="group" aria-label="Task filters">
              <Select
                label="Provider"
                value={provider}
                choices={providerChoices(providers)}
                onChange={setProvider}
              />
              <Select label="State" value={state} choices={STATE_CHOICES} onChange={setState} />
              <span class="count" aria-live="polite">
                {shown.length} of {tasks.length}
              </span>
            </div>
            {shown.length === 0 ? (
              <Empty>No task matches these filters.</Empty>
            ) : (
              <ul class="cards">
                {shown.map((task) => (
                  <TaskCard key={task.id} task={task} />
                ))}
              </ul>
            )}
          </>
        )
      }}
    </LoadState>
  )
}

function TaskCard({ task }: { task: Task }) {
  const queued = between(task.created_at, task.started_at)
  const ran = between(task.started_at ?? task.created_at, task.completed_at)
  const total = between(task.created_at, task.completed_at)
  const ended = task.state === 'succeeded' ? 'Finished' : capitalize(task.state)
  return (
    <li class="card" data-testid="task-row">
      <div class="card-head">
        <h3>
          <code>{task.id}</code>
        </h3>
        <span class="muted">{task.provider}</span>
        <StateBadge state={task.state} />
      </div>
      <p class="prompt" title={task.prompt}>
        {truncate(task.prompt, PROMPT_CHARS)}
      </p>
      <dl class="facts">
        <div>
          <dt>Size</dt>
          <dd>{task.size}</dd>
        </div>
        <div>
          <dt>Charge</dt>
          <dd>{number(task.charge)}</dd>
        </div>
        {task.callback_url && (
          <div>
            <dt>Callback</dt>
            <dd>
              <code>{task.callback_url}</code>
            </dd>
          </div>
        )}
      </dl>
      <ol class="timeline" aria-label="Timeline">
        <li>
          <span class="step">Created</span> <Time iso={task.created_at} />
        </li>
        <li class={task.started_at ? '' : 'pending'}>
          <span class="step">Started</span> <Time iso={task.started_at} />
          {queued !== undefined && <span class="muted"> after {duration(queued)} queued</span>}
        </li>
        <li class={task.completed_at ? '' : 'pending'}>
          <span class="step">{task.completed_at ? ended : 'Finished'}</span>{' '}
          <Time iso={task.completed_at} />
          {ran !== undefined && <span class="muted"> after {duration(ran)} running</span>}
          {total !== undefined && <span class="muted"> ({duration(total)} in all)</span>}
        </li>
      </ol>
      {task.failure && (
        <p class="failure">
          <strong>Failure:</strong> <code>{task.failure.code}</code> {task.failure.message}
        </p>
      )}
      {task.images.length > 0 && (
        <div class="thumbs">
          {task.images.map((image, i) => (
            <a
              key={image.url}
              href={sameOrigin(image.url)}
              target="_blank"
              rel="noopener noreferrer"
            >
              <img
                data-testid="task-thumbnail"
                src={sameOrigin(image.url)}
                width={THUMB_WIDTH}
                height={Math.round((THUMB_WIDTH * image.height) / Math.max(1, image.width))}
                alt={`Image ${i + 1} of task ${task.id}: ${image.width}×${image.height} ${image.format} for "${truncate(task.prompt, 80)}"`}
              />
            </a>
          ))}
        </div>
      )}
    </li>
  )
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
