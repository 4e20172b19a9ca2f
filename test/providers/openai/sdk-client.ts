/**
 * The official openai SDK pointed at the emulator's /openai mount, with every response it
 * receives checked against specs/openai.openapi.yaml before the SDK sees it.
 */
import OpenAI from 'openai'
import type { SpecValidator } from '../../support/spec-validator.js'

export interface ClientOptions {
  apiKey?: string
  maxRetries?: number
  headers?: Record<string, string>
  /** Sees each request as the SDK sends it (multipart bodies arrive as FormData). */
  onRequest?: (init: RequestInit | undefined) => void
}

export function openaiClient(
  server: { readonly url: string },
  spec: SpecValidator,
  options: ClientOptions = {},
): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey ?? 'sk-sdk-test',
    baseURL: `${server.url}/openai/v1`,
    // No retries unless a test asks: a retried error would hide which response came back.
    maxRetries: options.maxRetries ?? 0,
    defaultHeaders: options.headers,
    fetch: async (url, init) => {
      options.onRequest?.(init)
      const response = await fetch(url, init)
      const path = new URL(url instanceof Request ? url.url : url).pathname
      // A clone, so a stream is checked whole while the SDK still reads the original.
      await spec.check(init?.method ?? 'GET', path, response.clone())
      return response
    },
  })
}

/** The bytes of a `b64_json` image. */
export const imageBytes = (b64: string | undefined): Buffer => Buffer.from(b64 ?? '', 'base64')
