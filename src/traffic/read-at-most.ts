/**
 * Reads a reply's body up to a size, so nothing fetched from elsewhere (an upstream's image URL)
 * can make the emulator buffer without bound. Larger bodies are cancelled and read as missing.
 */
export async function readAtMost(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length') ?? 0)
  if (declared > maxBytes || !response.body) {
    await response.body?.cancel().catch(() => undefined)
    return response.body ? null : new Uint8Array()
  }
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength
    // Breaking out of the loop cancels the stream.
    if (size > maxBytes) return null
    chunks.push(chunk)
  }
  return new Uint8Array(Buffer.concat(chunks))
}
