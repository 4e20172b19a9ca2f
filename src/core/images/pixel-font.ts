// A tiny hand-drawn 5x7 bitmap font for stamping labels onto generated placeholder images.
// Containers have no system fonts and output must be byte-for-byte deterministic, so we draw our
// own.

/** Width of every glyph in font pixels. */
export const GLYPH_WIDTH = 5

/** Height of every glyph in font pixels. */
export const GLYPH_HEIGHT = 7

/** Horizontal advance per character in font pixels: the glyph plus a one-pixel gap. */
const ADVANCE = GLYPH_WIDTH + 1

// Glyph sources, one per printable ASCII character (0x20-0x7E): 7 rows of 5 columns,
// '#' = ink, '.' = blank. Lowercase letters sit on rows 2-6; descenders are squeezed
// into the same rows (one-row tails on p and q, short bowls with hooks on g, j and y).
const SOURCE: Record<string, readonly string[]> = {
  ' ': ['.....', '.....', '.....', '.....', '.....', '.....', '.....'],
  '!': ['..#..', '..#..', '..#..', '..#..', '..#..', '.....', '..#..'],
  '"': ['.#.#.', '.#.#.', '.#.#.', '.....', '.....', '.....', '.....'],
  '#': ['.#.#.', '.#.#.', '#####', '.#.#.', '#####', '.#.#.', '.#.#.'],
  $: ['..#..', '.####', '#.#..', '.###.', '..#.#', '####.', '..#..'],
  '%': ['##...', '##..#', '...#.', '..#..', '.#...', '#..##', '...##'],
  '&': ['.##..', '#..#.', '#.#..', '.#...', '#.#.#', '#..#.', '.##.#'],
  "'": ['..#..', '..#..', '..#..', '.....', '.....', '.....', '.....'],
  '(': ['...#.', '..#..', '.#...', '.#...', '.#...', '..#..', '...#.'],
  ')': ['.#...', '..#..', '...#.', '...#.', '...#.', '..#..', '.#...'],
  '*': ['.....', '..#..', '#.#.#', '.###.', '#.#.#', '..#..', '.....'],
  '+': ['.....', '..#..', '..#..', '#####', '..#..', '..#..', '.....'],
  ',': ['.....', '.....', '.....', '.....', '.##..', '..#..', '.#...'],
  '-': ['.....', '.....', '.....', '#####', '.....', '.....', '.....'],
  '.': ['.....', '.....', '.....', '.....', '.....', '.##..', '.##..'],
  '/': ['....#', '....#', '...#.', '..#..', '.#...', '#....', '#....'],
  '0': ['.###.', '#...#', '#..##', '#.#.#', '##..#', '#...#', '.###.'],
  '1': ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  '2': ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
  '3': ['#####', '...#.', '..#..', '...#.', '....#', '#...#', '.###.'],
  '4': ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
  '5': ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
  '6': ['..##.', '.#...', '#....', '####.', '#...#', '#...#', '.###.'],
  '7': ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
  '8': ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
  '9': ['.###.', '#...#', '#...#', '.####', '....#', '...#.', '.##..'],
  ':': ['.....', '.##..', '.##..', '.....', '.##..', '.##..', '.....'],
  ';': ['.....', '.##..', '.##..', '.....', '.##..', '..#..', '.#...'],
  '<': ['...#.', '..#..', '.#...', '#....', '.#...', '..#..', '...#.'],
  '=': ['.....', '.....', '#####', '.....', '#####', '.....', '.....'],
  '>': ['.#...', '..#..', '...#.', '....#', '...#.', '..#..', '.#...'],
  '?': ['.###.', '#...#', '....#', '...#.', '..#..', '.....', '..#..'],
  '@': ['.###.', '#...#', '....#', '.##.#', '#.#.#', '#.#.#', '.###.'],
  A: ['.###.', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  B: ['####.', '#...#', '#...#', '####.', '#...#', '#...#', '####.'],
  C: ['.###.', '#...#', '#....', '#....', '#....', '#...#', '.###.'],
  D: ['###..', '#..#.', '#...#', '#...#', '#...#', '#..#.', '###..'],
  E: ['#####', '#....', '#....', '####.', '#....', '#....', '#####'],
  F: ['#####', '#....', '#....', '####.', '#....', '#....', '#....'],
  G: ['.###.', '#...#', '#....', '#.###', '#...#', '#...#', '.####'],
  H: ['#...#', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  I: ['.###.', '..#..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  J: ['..###', '...#.', '...#.', '...#.', '...#.', '#..#.', '.##..'],
  K: ['#...#', '#..#.', '#.#..', '##...', '#.#..', '#..#.', '#...#'],
  L: ['#....', '#....', '#....', '#....', '#....', '#....', '#####'],
  M: ['#...#', '##.##', '#.#.#', '#.#.#', '#...#', '#...#', '#...#'],
  N: ['#...#', '#...#', '##..#', '#.#.#', '#..##', '#...#', '#...#'],
  O: ['.###.', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
  P: ['####.', '#...#', '#...#', '####.', '#....', '#....', '#....'],
  Q: ['.###.', '#...#', '#...#', '#...#', '#.#.#', '#..#.', '.##.#'],
  R: ['####.', '#...#', '#...#', '####.', '#.#..', '#..#.', '#...#'],
  S: ['.####', '#....', '#....', '.###.', '....#', '....#', '####.'],
  T: ['#####', '..#..', '..#..', '..#..', '..#..', '..#..', '..#..'],
  U: ['#...#', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
  V: ['#...#', '#...#', '#...#', '#...#', '#...#', '.#.#.', '..#..'],
  W: ['#...#', '#...#', '#...#', '#.#.#', '#.#.#', '#.#.#', '.#.#.'],
  X: ['#...#', '#...#', '.#.#.', '..#..', '.#.#.', '#...#', '#...#'],
  Y: ['#...#', '#...#', '.#.#.', '..#..', '..#..', '..#..', '..#..'],
  Z: ['#####', '....#', '...#.', '..#..', '.#...', '#....', '#####'],
  '[': ['.###.', '.#...', '.#...', '.#...', '.#...', '.#...', '.###.'],
  '\\': ['#....', '#....', '.#...', '..#..', '...#.', '....#', '....#'],
  ']': ['.###.', '...#.', '...#.', '...#.', '...#.', '...#.', '.###.'],
  '^': ['..#..', '.#.#.', '#...#', '.....', '.....', '.....', '.....'],
  _: ['.....', '.....', '.....', '.....', '.....', '.....', '#####'],
  '`': ['.#...', '..#..', '.....', '.....', '.....', '.....', '.....'],
  a: ['.....', '.....', '.###.', '....#', '.####', '#...#', '.####'],
  b: ['#....', '#....', '####.', '#...#', '#...#', '#...#', '####.'],
  c: ['.....', '.....', '.###.', '#....', '#....', '#...#', '.###.'],
  d: ['....#', '....#', '.####', '#...#', '#...#', '#...#', '.####'],
  e: ['.....', '.....', '.###.', '#...#', '#####', '#....', '.###.'],
  f: ['..##.', '.#..#', '.#...', '###..', '.#...', '.#...', '.#...'],
  g: ['.....', '.....', '.####', '#...#', '.####', '....#', '.###.'],
  h: ['#....', '#....', '#.##.', '##..#', '#...#', '#...#', '#...#'],
  i: ['..#..', '.....', '.##..', '..#..', '..#..', '..#..', '.###.'],
  j: ['...#.', '.....', '..##.', '...#.', '...#.', '#..#.', '.##..'],
  k: ['#....', '#....', '#..#.', '#.#..', '##...', '#.#..', '#..#.'],
  l: ['.##..', '..#..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  m: ['.....', '.....', '##.#.', '#.#.#', '#.#.#', '#...#', '#...#'],
  n: ['.....', '.....', '#.##.', '##..#', '#...#', '#...#', '#...#'],
  o: ['.....', '.....', '.###.', '#...#', '#...#', '#...#', '.###.'],
  p: ['.....', '.....', '####.', '#...#', '#...#', '####.', '#....'],
  q: ['.....', '.....', '.####', '#...#', '#...#', '.####', '....#'],
  r: ['.....', '.....', '#.##.', '##..#', '#....', '#....', '#....'],
  s: ['.....', '.....', '.####', '#....', '.###.', '....#', '####.'],
  t: ['.#...', '.#...', '####.', '.#...', '.#...', '.#..#', '..##.'],
  u: ['.....', '.....', '#...#', '#...#', '#...#', '#..##', '.##.#'],
  v: ['.....', '.....', '#...#', '#...#', '#...#', '.#.#.', '..#..'],
  w: ['.....', '.....', '#...#', '#...#', '#.#.#', '#.#.#', '.#.#.'],
  x: ['.....', '.....', '#...#', '.#.#.', '..#..', '.#.#.', '#...#'],
  y: ['.....', '.....', '#...#', '#...#', '.####', '....#', '.###.'],
  z: ['.....', '.....', '#####', '...#.', '..#..', '.#...', '#####'],
  '{': ['...##', '..#..', '..#..', '.#...', '..#..', '..#..', '...##'],
  '|': ['..#..', '..#..', '..#..', '..#..', '..#..', '..#..', '..#..'],
  '}': ['##...', '..#..', '..#..', '...#.', '..#..', '..#..', '##...'],
  '~': ['.....', '.....', '.#...', '#.#.#', '...#.', '.....', '.....'],
}

/** Drawn for any character the font does not cover: a hollow box. */
const FALLBACK_SOURCE: readonly string[] = [
  '#####',
  '#...#',
  '#...#',
  '#...#',
  '#...#',
  '#...#',
  '#####',
]

/** Converts 7 '#'/'.' strings into 7 row bitmasks (bit 4 = leftmost column). */
function compile(char: string, rows: readonly string[]): readonly number[] {
  if (rows.length !== GLYPH_HEIGHT) {
    throw new Error(
      `pixel-font: glyph ${JSON.stringify(char)} has ${rows.length} rows, expected ${GLYPH_HEIGHT}`,
    )
  }
  return Object.freeze(
    rows.map((row) => {
      if (!/^[#.]{5}$/.test(row)) {
        throw new Error(
          `pixel-font: glyph ${JSON.stringify(char)} has a malformed row ${JSON.stringify(row)}`,
        )
      }
      let bits = 0
      for (const cell of row) bits = (bits << 1) | (cell === '#' ? 1 : 0)
      return bits
    }),
  )
}

const GLYPHS: ReadonlyMap<string, readonly number[]> = new Map(
  Object.entries(SOURCE).map(([char, rows]) => [char, compile(char, rows)]),
)
const FALLBACK = compile('fallback', FALLBACK_SOURCE)

/**
 * Normalises a scale to a whole number of pixels; anything below 1 (or not finite) draws nothing.
 */
function pixelScale(scale: number): number {
  return Number.isFinite(scale) && scale >= 1 ? Math.floor(scale) : 0
}

/**
 * The 7 row bitmasks for one character (bit 4 = leftmost column).
 * Anything the font does not cover, including non-ASCII, gets the fallback box.
 */
export function glyphRows(char: string): readonly number[] {
  return GLYPHS.get(char) ?? FALLBACK
}

/**
 * Draws `text` into an 8-bit indexed buffer with its top-left corner at (x, y).
 * Each font pixel becomes a scale x scale square of `ink`; blank pixels are left untouched,
 * and anything outside the buffer is silently clipped. Characters are code points, so an
 * astral character (e.g. an emoji) draws one fallback box.
 */
export function drawText(
  target: { pixels: Uint8Array; width: number; height: number },
  text: string,
  options: { x: number; y: number; scale: number; ink: number },
): void {
  const { pixels } = target
  const scale = pixelScale(options.scale)
  const width = Math.max(0, Math.floor(target.width))
  // Never trust width * height to match the buffer: clip to the rows that really exist.
  const height =
    width === 0
      ? 0
      : Math.max(0, Math.min(Math.floor(target.height), Math.floor(pixels.length / width)))
  const x0 = Math.floor(options.x)
  const y0 = Math.floor(options.y)
  if (scale === 0 || height === 0 || !Number.isFinite(x0) || !Number.isFinite(y0)) return

  let penX = x0
  for (const char of text) {
    if (penX >= width) break
    if (penX + GLYPH_WIDTH * scale > 0) {
      const rows = glyphRows(char)
      for (let row = 0; row < GLYPH_HEIGHT; row++) {
        const bits = rows[row]
        if (bits === undefined || bits === 0) continue
        const top = Math.max(0, y0 + row * scale)
        const bottom = Math.min(height, y0 + (row + 1) * scale)
        if (top >= bottom) continue
        for (let col = 0; col < GLYPH_WIDTH; col++) {
          if ((bits & (1 << (GLYPH_WIDTH - 1 - col))) === 0) continue
          const left = Math.max(0, penX + col * scale)
          const right = Math.min(width, penX + (col + 1) * scale)
          if (left >= right) continue
          for (let py = top; py < bottom; py++)
            pixels.fill(options.ink, py * width + left, py * width + right)
        }
      }
    }
    penX += ADVANCE * scale
  }
}

/**
 * Width in pixels that drawText covers for `text`: no trailing gap after the last character, 0 when
 * empty.
 */
export function textWidth(text: string, scale: number): number {
  return widthOf(Array.from(text).length, pixelScale(scale))
}

function widthOf(chars: number, scale: number): number {
  return chars === 0 ? 0 : chars * ADVANCE * scale - scale
}

/**
 * Returns `text` if it fits in `maxWidth` pixels, else the longest prefix that fits with '...'
 * appended, or '' when not even '...' fits.
 */
export function fitText(text: string, maxWidth: number, scale: number): string {
  const chars = Array.from(text)
  const s = pixelScale(scale)
  if (widthOf(chars.length, s) <= maxWidth) return text
  // Whole characters that fit: n * ADVANCE * s - s <= maxWidth.
  const fits = Math.floor((maxWidth + s) / (ADVANCE * s))
  if (!(fits >= 3)) return ''
  return chars.slice(0, fits - 3).join('') + '...'
}
