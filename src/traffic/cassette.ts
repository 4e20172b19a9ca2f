/**
 * Cassettes: one HAR 1.2 file per provider (`<dir>/<provider>.har`), entries in the order they
 * happened, plus `_emulator` fields (HAR's custom-field convention) that replay needs.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { VERSION } from '../version.js'

export interface HarHeader {
  name: string
  value: string
}

/** A multipart field as HAR keeps it; `_file` names the blob holding a file's bytes. */
export interface HarParam {
  name: string
  value?: string
  fileName?: string
  contentType?: string
  _file?: string
}

export interface HarEntry {
  startedDateTime: string
  time: number
  request: {
    method: string
    url: string
    httpVersion: string
    headers: HarHeader[]
    queryString: HarHeader[]
    postData?: {
      mimeType: string
      text?: string
      params?: HarParam[]
    }
    headersSize: -1
    bodySize: number
  }
  response: {
    status: number
    statusText: string
    httpVersion: string
    headers: HarHeader[]
    content: { size: number; mimeType: string; text?: string; _file?: string }
    redirectURL: string
    headersSize: -1
    bodySize: number
  }
  cache: Record<string, never>
  timings: { send: number; wait: number; receive: number }
  _emulator: {
    provider: string
    /** `request`: the application's call; `callback`: what the provider POSTed back. */
    kind: 'request' | 'callback'
    /** Canonical request (see identity.ts) and its hash, for matching. */
    canonical?: string
    identity?: string
    /** For callbacks: the index of the request entry whose callback_url received it. */
    requestEntry?: number
    /**
     * For webhooks (sent to the URL set in the provider's dashboard, not per request): true. Replay
     * links them through `taskId` to the first recorded response that names that task.
     */
    webhook?: boolean
    taskId?: string
    /** Image URLs in the response, with the blob that holds what they pointed to. */
    images?: Record<string, string>
  }
}

interface Har {
  log: { version: '1.2'; creator: { name: string; version: string }; entries: HarEntry[] }
}

export interface Cassette {
  readonly provider: string
  readonly entries: HarEntry[]
  /** Adds an entry and writes the file; returns the entry's index. */
  append(entry: HarEntry): number
  /**
   * Holds a place for a request's entry in arrival order, so a slow recording (one whose images
   * are still downloading) never lands after the polls that came later.
   */
  reserve(): CassetteSlot
}

export interface CassetteSlot {
  /** Fills the place; resolves to the entry's index once every earlier place is settled. */
  fill(entry: HarEntry): Promise<number>
  /** Gives the place up (the recording failed), so later entries are not held back. */
  drop(): void
}

interface Place {
  entry?: HarEntry
  dropped?: boolean
  written?: (index: number) => void
}

export function cassettePath(dir: string, provider: string): string {
  return join(dir, `${provider}.har`)
}

export function openCassette(dir: string, provider: string): Cassette {
  const path = cassettePath(dir, provider)
  const har: Har = existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as Har)
    : {
        log: {
          version: '1.2',
          creator: { name: 'gpt-image-emulator', version: VERSION },
          entries: [],
        },
      }
  const places: Place[] = []

  const write = () => {
    mkdirSync(dir, { recursive: true })
    // Written whole and renamed into place, so a crash never leaves half a cassette.
    writeFileSync(`${path}.tmp`, JSON.stringify(har, null, 2) + '\n')
    renameSync(`${path}.tmp`, path)
  }

  /** Writes the settled places at the head of the line, in the order they were reserved. */
  const settle = () => {
    let wrote = false
    while (places[0]?.entry ?? places[0]?.dropped) {
      const place = places.shift()!
      if (!place.entry) continue
      place.written?.(har.log.entries.push(place.entry) - 1)
      wrote = true
    }
    if (wrote) write()
  }

  return {
    provider,
    entries: har.log.entries,
    append(entry) {
      const index = har.log.entries.push(entry) - 1
      write()
      return index
    },
    reserve() {
      const place: Place = {}
      places.push(place)
      return {
        fill(entry) {
          const written = new Promise<number>((resolve) => (place.written = resolve))
          place.entry = entry
          settle()
          return written
        },
        drop() {
          place.dropped = true
          settle()
        },
      }
    },
  }
}
