/**
 * "Add rule": the common fault rules (a provider error, latency, a broken connection, a task
 * failure, failing callbacks) and, for the rest, the X-Emulator-Fault tokens as text. The
 * server validates; its refusal is shown as it says it, with the values it accepts.
 */
import { useEffect, useState } from 'preact/hooks'
import { ApiError, addFault, fetchErrorCatalogue } from './api.js'
import { Select, TextInput, providerChoices } from './parts.js'
import type { NewFaultRule } from './types.js'

const ACTIONS = [
  { value: 'error', label: 'Answer with a provider error' },
  { value: 'latency', label: 'Add latency' },
  { value: 'connection', label: 'Break the connection' },
  { value: 'task', label: 'Fail the task' },
  { value: 'callback', label: 'Fail callbacks' },
  { value: 'tokens', label: 'Other (X-Emulator-Fault tokens)' },
] as const
type Action = (typeof ACTIONS)[number]['value']

const METHODS = ['', 'GET', 'POST', 'PUT', 'DELETE'].map((m) => ({
  value: m,
  label: m || 'any method',
}))
const CONNECTIONS = ['reset', 'empty', 'truncate', 'malformed'].map((c) => ({ value: c, label: c }))
const STAGES = ['queued', 'running'].map((s) => ({ value: s, label: `while ${s}` }))

interface Draft {
  provider: string
  method: string
  path: string
  prompt: string
  action: Action
  error: string
  latencyMin: string
  latencyMax: string
  connection: string
  stage: string
  code: string
  callbackFails: string
  tokens: string
  probability: string
  times: string
}

const INITIAL: Draft = {
  provider: '',
  method: '',
  path: '',
  prompt: '',
  action: 'error',
  error: '',
  latencyMin: '1000',
  latencyMax: '',
  connection: 'reset',
  stage: 'running',
  code: '',
  callbackFails: '1',
  tokens: '',
  probability: '1',
  times: '',
}

export function FaultForm({
  namespace,
  providers,
  onAdded,
}: {
  namespace: string
  providers: readonly string[]
  onAdded: () => void
}) {
  const [draft, setDraft] = useState<Draft>(INITIAL)
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<{ message: string; allowed: readonly string[] }>()
  const [added, setAdded] = useState<string>()
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }))
  const [catalogue, setCatalogue] = useState<Record<string, string[]>>({})
  useEffect(() => {
    // Without it the error name is typed, and a wrong one shows the server's list.
    fetchErrorCatalogue().then(setCatalogue, () => undefined)
  }, [])

  const submit = (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setRefusal(undefined)
    setAdded(undefined)
    addFault(namespace, toRule(draft)).then(
      (rule) => {
        setBusy(false)
        setAdded(`Added rule ${rule.id}.`)
        onAdded()
      },
      (err: unknown) => {
        setBusy(false)
        setRefusal(
          err instanceof ApiError
            ? { message: err.message, allowed: err.allowed }
            : { message: String(err), allowed: [] },
        )
      },
    )
  }

  return (
    <form class="fault-form" onSubmit={submit} aria-labelledby="add-rule-title">
      <h3 id="add-rule-title">Add rule</h3>
      <fieldset>
        <legend>Which requests</legend>
        <Select
          label="Provider"
          value={draft.provider}
          choices={providerChoices(providers)}
          onChange={set('provider')}
        />
        <Select label="Method" value={draft.method} choices={METHODS} onChange={set('method')} />
        <TextInput
          label="Path contains"
          value={draft.path}
          onChange={set('path')}
          placeholder="/v1/images/generations"
        />
        <TextInput
          label="Prompt contains"
          value={draft.prompt}
          onChange={set('prompt')}
          placeholder="fox"
        />
      </fieldset>
      <fieldset>
        <legend>What happens</legend>
        <Select
          label="Action"
          value={draft.action}
          choices={ACTIONS}
          onChange={(value) => setDraft((d) => ({ ...d, action: value as Action }))}
        />
        <ActionFields draft={draft} set={set} errorNames={catalogue[draft.provider]} />
      </fieldset>
      <fieldset>
        <legend>How often</legend>
        <TextInput
          label="Probability (0 to 1)"
          type="number"
          min={0}
          max={1}
          step="any"
          value={draft.probability}
          onChange={set('probability')}
        />
        <TextInput
          label="Only the first N times"
          type="number"
          min={1}
          step={1}
          value={draft.times}
          onChange={set('times')}
          placeholder="every time"
        />
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add rule'}
        </button>
        <span role="status" class="note">
          {added}
        </span>
      </div>
      {refusal && (
        <div class="error" role="alert">
          <p>The emulator refused the rule: {refusal.message}</p>
          {refusal.allowed.length > 0 && (
            <p>
              Allowed: <code>{refusal.allowed.join(', ')}</code>
            </p>
          )}
        </div>
      )}
    </form>
  )
}

function ActionFields({
  draft,
  set,
  errorNames,
}: {
  draft: Draft
  set: (key: keyof Draft) => (value: string) => void
  /** The chosen provider's catalogue, once loaded. */
  errorNames: readonly string[] | undefined
}) {
  switch (draft.action) {
    case 'error':
      if (errorNames)
        return (
          <Select
            label="Error"
            value={draft.error}
            choices={[
              { value: '', label: 'choose an error' },
              ...errorNames.map((name) => ({ value: name, label: name })),
            ]}
            onChange={set('error')}
          />
        )
      return (
        <TextInput
          label="Error name (needs a provider)"
          value={draft.error}
          onChange={set('error')}
          placeholder="rate_limit_exceeded"
        />
      )
    case 'latency':
      return (
        <>
          <TextInput
            label="Latency, ms"
            type="number"
            min={0}
            max={60000}
            value={draft.latencyMin}
            onChange={set('latencyMin')}
          />
          <TextInput
            label="Up to, ms (optional)"
            type="number"
            min={0}
            max={60000}
            value={draft.latencyMax}
            onChange={set('latencyMax')}
          />
        </>
      )
    case 'connection':
      return (
        <Select
          label="Connection"
          value={draft.connection}
          choices={CONNECTIONS}
          onChange={set('connection')}
        />
      )
    case 'task':
      return (
        <>
          <Select label="Stage" value={draft.stage} choices={STAGES} onChange={set('stage')} />
          <TextInput
            label="Failure code (optional)"
            value={draft.code}
            onChange={set('code')}
            placeholder="the provider's usual"
          />
        </>
      )
    case 'callback':
      return (
        <TextInput
          label="Failed attempts first"
          type="number"
          min={1}
          value={draft.callbackFails}
          onChange={set('callbackFails')}
        />
      )
    case 'tokens':
      return (
        <TextInput
          label="Fault tokens"
          value={draft.tokens}
          onChange={set('tokens')}
          placeholder="stream-cut:2, callback-duplicate"
        />
      )
  }
}

/** The request body; empty fields are left out, so the server's defaults apply. */
function toRule(d: Draft): NewFaultRule {
  const match: NonNullable<NewFaultRule['match']> = {}
  if (d.provider) match.provider = d.provider
  if (d.method) match.method = d.method as NonNullable<typeof match.method>
  if (d.path.trim()) match.path = d.path.trim()
  if (d.prompt.trim()) match.prompt_contains = d.prompt.trim()
  const rule: NewFaultRule = { match, probability: Number(d.probability || '1') }
  if (d.times.trim()) rule.times = Number(d.times)
  switch (d.action) {
    case 'error':
      rule.error = d.error.trim()
      break
    case 'latency': {
      const min = Number(d.latencyMin || '0')
      rule.latency_ms = d.latencyMax.trim() ? [min, Number(d.latencyMax)] : min
      break
    }
    case 'connection':
      rule.fault = d.connection
      break
    case 'task':
      rule.fault = `task-fail:${d.stage}${d.code.trim() ? `:${d.code.trim()}` : ''}`
      break
    case 'callback':
      rule.fault = `callback-fail:${d.callbackFails || '1'}`
      break
    case 'tokens':
      rule.fault = d.tokens.trim()
      break
  }
  return rule
}
