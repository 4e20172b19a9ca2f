/** The hono environment every route shares: what middleware leaves on the context. */
export interface EmulatorEnv {
  Variables: {
    /** The `x-request-id` sent back with this request's response. */
    requestId: string
    /** The caller's key, set by `requireApiKey` on provider routes. */
    apiKey: string
  }
}
