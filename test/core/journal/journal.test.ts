import { describe, expect, it } from 'vitest'
import { createJournal, summarizeJson, type KeptBody } from '../../../src/core/journal/journal.js'
import { maskSecret } from '../../../src/core/redact.js'
import { journalEntry } from '../../support/store-fixtures.js'

const entry = (id: string, namespace?: string, body?: KeptBody | null) =>
  journalEntry(id, namespace, body)

describe('journal', () => {
  it('keeps the newest entries, dropping the oldest first, in order', () => {
    const journal = createJournal(3)
    for (const id of ['a', 'b', 'c', 'd', 'e']) journal.record(entry(id))
    expect(journal.list().map((e) => e.id)).toEqual(['c', 'd', 'e'])
  })

  it('resets one namespace and keeps the others in order', () => {
    const journal = createJournal(5)
    journal.record(entry('a', 'x'))
    journal.record(entry('b', 'y'))
    journal.record(entry('c', 'x'))
    journal.reset('x')
    expect(journal.list().map((e) => e.id)).toEqual(['b'])
    journal.record(entry('d', 'y'))
    expect(journal.list({ namespace: 'y' }).map((e) => e.id)).toEqual(['b', 'd'])
  })

  it("keeps a quiet namespace's entries however busy another one is", () => {
    const journal = createJournal(2)
    journal.record(entry('quiet-1', 'quiet'))
    for (const id of ['a', 'b', 'c', 'd']) journal.record(entry(id, 'busy'))
    expect(journal.list({ namespace: 'quiet' }).map((e) => e.id)).toEqual(['quiet-1'])
    expect(journal.list({ namespace: 'busy' }).map((e) => e.id)).toEqual(['c', 'd'])
    expect(journal.list().map((e) => e.id)).toEqual(['quiet-1', 'c', 'd'])
  })

  it('forgets the least recently used namespace past the cap on namespaces', () => {
    const journal = createJournal(5, 2)
    journal.record(entry('a', 'x'))
    journal.record(entry('b', 'y'))
    journal.list({ namespace: 'x' }) // reading x uses it: y is now the oldest used
    journal.record(entry('c', 'z'))
    expect(journal.list().map((e) => e.id)).toEqual(['a', 'c'])
    expect(journal.list({ namespace: 'y' })).toEqual([])
  })

  it('records nothing when sized 0', () => {
    const journal = createJournal(0)
    journal.record(entry('a'))
    expect(journal.list()).toEqual([])
  })

  it('keeps a JSON body as text and summarizes it when read: secrets redacted, strings cut', () => {
    const journal = createJournal(5)
    const text = JSON.stringify({ prompt: 'p'.repeat(300), api_key: 'sk-secret-value', n: 2 })
    journal.record(entry('a', 'default', { json: text }))
    expect(journal.list()[0]!.body).toEqual({
      prompt: `${'p'.repeat(200)}… (300 chars)`,
      api_key: expect.not.stringContaining('sk-secret-value') as unknown,
      n: 2,
    })
  })

  it('reads malformed text as a cut string and a summary as it was kept', () => {
    const journal = createJournal(5)
    journal.record(entry('a', 'default', { json: '{"not json' }))
    journal.record(entry('b', 'default', { text: 'x'.repeat(201) }))
    journal.record(entry('c', 'default', { summary: { omitted: 'body over the limit' } }))
    expect(journal.list().map((e) => e.body)).toEqual([
      '{"not json',
      `${'x'.repeat(200)}… (201 chars)`,
      { omitted: 'body over the limit' },
    ])
  })

  it('masks keys to a short prefix and cuts long strings', () => {
    expect(maskSecret('Bearer sk-1234567890')).toBe('Bearer sk-123…')
    expect(maskSecret('abc')).toBe('***')
    expect(summarizeJson({ prompt: 'x'.repeat(250), n: 1 })).toEqual({
      prompt: `${'x'.repeat(200)}… (250 chars)`,
      n: 1,
    })
  })
})
