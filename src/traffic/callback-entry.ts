/** A callback or webhook the upstream POSTed, as a cassette entry (capture.ts, webhook-capture.ts). */
import type { BlobStore } from './blobs.js'
import type { HarEntry } from './cassette.js'
import { redactHeaders } from './redact.js'
import { textOf } from './record.js'
import { downloadImages } from './images.js'

export interface ReceivedCallback {
  provider: string
  started: number
  /** Where it was going, redacted: the application's callback URL, or the capture route. */
  url: string
  headers: Headers
  bytes: Buffer
  blobs: BlobStore
  secrets: string[]
  /** The status the upstream got back. */
  status: number
  /** The `_emulator` fields that link it to the request it belongs to. */
  link: Pick<HarEntry['_emulator'], 'requestEntry' | 'webhook' | 'taskId'>
}

export async function callbackEntry(received: ReceivedCallback): Promise<HarEntry> {
  const { started, bytes, blobs } = received
  const mimeType = received.headers.get('content-type') ?? 'application/json'
  return {
    startedDateTime: new Date(started).toISOString(),
    time: Date.now() - started,
    request: {
      method: 'POST',
      url: received.url,
      httpVersion: 'HTTP/1.1',
      headers: redactHeaders(received.headers),
      queryString: [],
      postData: { mimeType, text: textOf(bytes, mimeType, blobs, received.secrets) },
      headersSize: -1,
      bodySize: bytes.length,
    },
    response: {
      status: received.status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: [],
      content: { size: 0, mimeType: '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 0,
    },
    cache: {},
    timings: { send: 0, wait: Date.now() - started, receive: 0 },
    _emulator: {
      provider: received.provider,
      kind: 'callback',
      ...received.link,
      images: await downloadImages(bytes, mimeType, blobs),
    },
  }
}
