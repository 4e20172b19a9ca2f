/** Wire shapes of the control plane, from the types generated from its spec. */
import type { components } from '../../src/generated/emulator.js'

export type Schemas = components['schemas']

export type JournalEntry = Schemas['JournalList']['entries'][number]
export type Task = Schemas['Task']
export type Delivery = Schemas['Delivery']
export type FaultRule = Schemas['FaultRule']
export type NewFaultRule = Schemas['NewFaultRule']
export type Key = Schemas['Key']

/** What `change` events name; each is one list the dashboard holds. */
export const TOPICS = ['journal', 'tasks', 'deliveries', 'faults', 'keys', 'namespaces'] as const
export type Topic = (typeof TOPICS)[number]

export interface TopicData {
  journal: JournalEntry[]
  tasks: Task[]
  deliveries: Delivery[]
  faults: FaultRule[]
  keys: Key[]
  namespaces: string[]
}
