/**
 * A stand-in for a model's prompt rewriting: the prompt plus a style phrase chosen by the seed,
 * so `revised_prompt` is plausible, never empty, and the same for the same seed and prompt.
 */
import { hash32 } from './random.js'

const STYLE_PHRASES = [
  'rendered with soft natural light',
  'in sharp focus with a balanced composition',
  'with rich detail and true-to-life colour',
  'framed as a clean, centred shot',
  'with gentle depth of field',
  'in crisp, high-resolution detail',
]

export function revisePrompt(prompt: string, seed: string, index = 0): string {
  const phrase = STYLE_PHRASES[hash32('revise', seed, prompt, index) % STYLE_PHRASES.length]!
  return `${prompt.trim().replace(/[.\s]+$/, '')}, ${phrase}`
}
