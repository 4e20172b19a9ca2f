import { describe, expect, it } from 'vitest'
import {
  autoSizeFor,
  checkGptImage2Size,
  checkLegacyGptImageSize,
} from '../../../src/core/images/gpt-image-sizes.js'

describe('checkGptImage2Size', () => {
  it.each([
    'auto',
    '1024x1024',
    '1536x1024',
    '2048x2048',
    '2048x1152',
    '3840x2160',
    '2160x3840',
    '1280x512',
    '3840x1280',
  ])('accepts %s', (size) => expect(checkGptImage2Size(size).ok).toBe(true))

  it.each([
    ['1024', 'format'],
    ['1024X1024', 'format'],
    [' 1024x1024', 'format'],
    ['0x1024', 'format'],
    ['1025x1024', 'multiple_of_16'],
    ['3856x1024', 'max_edge'],
    ['3840x1264', 'aspect_ratio'],
    ['1008x640', 'total_pixels'],
    ['3840x2176', 'total_pixels'],
  ])('refuses %s under the %s rule', (size, rule) => {
    const check = checkGptImage2Size(size)
    expect(check).toMatchObject({ ok: false, rule })
  })

  it('holds both pixel bounds inclusive', () => {
    // 1280x512 is exactly 655,360 pixels; 3840x2160 exactly 8,294,400.
    expect(checkGptImage2Size('1280x512').ok).toBe(true)
    expect(checkGptImage2Size('3840x2160').ok).toBe(true)
    expect(checkGptImage2Size('1264x512')).toMatchObject({ ok: false, rule: 'total_pixels' })
  })

  it("uses OpenAI's wording for the divisibility rule", () => {
    expect(checkGptImage2Size('1666x2514')).toEqual({
      ok: false,
      rule: 'multiple_of_16',
      message: "Invalid size '1666x2514'. Width and height must both be divisible by 16.",
    })
  })
})

describe('checkLegacyGptImageSize', () => {
  it('accepts only auto and the three standard sizes', () => {
    expect(
      ['auto', '1024x1024', '1536x1024', '1024x1536'].every((s) => checkLegacyGptImageSize(s).ok),
    ).toBe(true)
    expect(checkLegacyGptImageSize('2048x2048')).toMatchObject({ ok: false, rule: 'not_supported' })
  })
})

describe('autoSizeFor', () => {
  it('picks the standard size closest to the input shape', () => {
    expect(autoSizeFor({ width: 1200, height: 800 })).toEqual({ width: 1536, height: 1024 })
    expect(autoSizeFor({ width: 800, height: 1200 })).toEqual({ width: 1024, height: 1536 })
    expect(autoSizeFor({ width: 500, height: 500 })).toEqual({ width: 1024, height: 1024 })
    expect(autoSizeFor(undefined)).toEqual({ width: 1024, height: 1024 })
  })
})
