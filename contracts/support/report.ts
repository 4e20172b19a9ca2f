/**
 * The drift report: per provider, each case's outcome, where its responses strayed from the spec,
 * and which fields or statuses differ from the last recording. Each suite writes its part; the
 * global teardown joins them into `.contract-reports/drift-<target>.md`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const REPORT_DIR = process.env.CONTRACT_REPORT_DIR ?? '.contract-reports'

export interface CaseResult {
  name: string
  outcome: 'passed' | 'failed' | 'skipped'
  /** Spec violations of the case's responses. */
  spec: string[]
  /** Differences from the recording of the same request; null when there is no recording. */
  recording: string[] | null
  note?: string
}

export function writePart(target: string, provider: string, cases: CaseResult[]): void {
  const dir = join(REPORT_DIR, target)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${provider}.json`), JSON.stringify(cases, null, 2))
}

export function writeReport(target: string): string {
  const dir = join(REPORT_DIR, target)
  let parts: string[]
  try {
    parts = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  } catch {
    return ''
  }
  const lines = [
    `# Contract drift report: ${target}`,
    '',
    `Generated ${new Date().toISOString()}.`,
    '',
  ]
  for (const part of parts) {
    const provider = part.replace(/\.json$/, '')
    const cases = JSON.parse(readFileSync(join(dir, part), 'utf8')) as CaseResult[]
    const counts = (o: CaseResult['outcome']) => cases.filter((c) => c.outcome === o).length
    lines.push(
      `## ${provider}`,
      '',
      `${counts('passed')} passed, ${counts('failed')} failed, ${counts('skipped')} skipped.`,
      '',
    )
    lines.push('| case | outcome | spec | vs last recording |', '|---|---|---|---|')
    for (const c of cases) {
      const spec = c.spec.length ? c.spec.map(cell).join('<br>') : 'ok'
      const recording =
        c.recording === null
          ? 'no recording'
          : c.recording.length
            ? c.recording.map(cell).join('<br>')
            : 'same'
      const note = c.note ? ` (${cell(c.note)})` : ''
      lines.push(`| ${cell(c.name)} | ${c.outcome}${note} | ${spec} | ${recording} |`)
    }
    lines.push('')
  }
  const path = join(REPORT_DIR, `drift-${target}.md`)
  writeFileSync(path, lines.join('\n'))
  return path
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ').slice(0, 300)
}
