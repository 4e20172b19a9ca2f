import { describe, expect, it } from 'vitest'
import { jsonWithBase64 } from '../../src/core/http/json-with-base64.js'

describe('jsonWithBase64', () => {
  it('gives exactly what JSON.stringify gives', () => {
    const value = {
      created: 1,
      data: [
        { b64_json: 'iVBORw0KGgo+/=' },
        { b64_json: 'data:image/png;base64,AAAA' },
        { url: 'http://x/"quoted"' },
      ],
      note: 'line\nbreak \u0000 and "quotes", café, 画像 and 🖼',
      nested: { b64_json: 'QUJD', list: [1, null, true] },
    }
    expect(jsonWithBase64(value).toString()).toBe(JSON.stringify(value))
  })

  it('leaves a string that looks like its placeholder alone', () => {
    const value = { text: '\u0000raw-000000000000:0', b64_json: 'QQ==' }
    expect(jsonWithBase64(value).toString()).toBe(JSON.stringify(value))
  })
})
