// A tiny hand-drawn 5x9 bitmap font for stamping labels onto generated placeholder images.
// Containers have no system fonts and output must be byte-for-byte deterministic, so we draw our
// own.

/** Width of every glyph in font pixels. */
export const GLYPH_WIDTH = 5

/** Font rows above the baseline: capitals and digits fill them, lowercase letters rows 2-6. */
export const GLYPH_BASELINE = 7

/** Height of every glyph cell in font pixels: two rows below the baseline hold descenders. */
export const GLYPH_HEIGHT = GLYPH_BASELINE + 2

/** Horizontal advance per character in font pixels: the glyph plus a one-pixel gap. */
const ADVANCE = GLYPH_WIDTH + 1

// Glyph sources, one per printable ASCII character (0x20-0x7E): rows of 5 columns, '#' = ink,
// '.' = blank. 7 rows sit on the baseline; the 9-row ones (g j p q y , ; _ |) reach below it.
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
  ',': ['.....', '.....', '.....', '.....', '.....', '.##..', '.##..', '..#..', '.#...'],
  '-': ['.....', '.....', '.....', '#####', '.....', '.....', '.....'],
  '.': ['.....', '.....', '.....', '.....', '.....', '.##..', '.##..'],
  '/': ['....#', '....#', '...#.', '..#..', '.#...', '#....', '#....'],
  '0': ['.###.', '#...#', '#..##', '#.#.#', '##..#', '#...#', '.###.'],
  '1': ['..#..', '.##..', '#.#..', '..#..', '..#..', '..#..', '#####'],
  '2': ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
  '3': ['#####', '...#.', '..#..', '...#.', '....#', '#...#', '.###.'],
  '4': ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
  '5': ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
  '6': ['..##.', '.#...', '#....', '####.', '#...#', '#...#', '.###.'],
  '7': ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
  '8': ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
  '9': ['.###.', '#...#', '#...#', '.####', '....#', '...#.', '.##..'],
  ':': ['.....', '.....', '.##..', '.##..', '.....', '.##..', '.##..'],
  ';': ['.....', '.....', '.##..', '.##..', '.....', '.##..', '.##..', '..#..', '.#...'],
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
  _: ['.....', '.....', '.....', '.....', '.....', '.....', '.....', '#####', '.....'],
  '`': ['.#...', '..#..', '.....', '.....', '.....', '.....', '.....'],
  a: ['.....', '.....', '.###.', '....#', '.####', '#...#', '.####'],
  b: ['#....', '#....', '####.', '#...#', '#...#', '#...#', '####.'],
  c: ['.....', '.....', '.####', '#....', '#....', '#....', '.####'],
  d: ['....#', '....#', '.####', '#...#', '#...#', '#...#', '.####'],
  e: ['.....', '.....', '.###.', '#...#', '#####', '#....', '.###.'],
  f: ['..##.', '.#..#', '.#...', '###..', '.#...', '.#...', '.#...'],
  g: ['.....', '.....', '.####', '#...#', '#...#', '#...#', '.####', '....#', '.###.'],
  h: ['#....', '#....', '#.##.', '##..#', '#...#', '#...#', '#...#'],
  i: ['..#..', '.....', '.##..', '..#..', '..#..', '..#..', '.###.'],
  j: ['...#.', '.....', '..##.', '...#.', '...#.', '...#.', '...#.', '#..#.', '.##..'],
  k: ['#....', '#....', '#..#.', '#.#..', '##...', '#.#..', '#..#.'],
  l: ['.##..', '..#..', '..#..', '..#..', '..#..', '..#..', '...##'],
  m: ['.....', '.....', '##.#.', '#.#.#', '#.#.#', '#...#', '#...#'],
  n: ['.....', '.....', '#.##.', '##..#', '#...#', '#...#', '#...#'],
  o: ['.....', '.....', '.###.', '#...#', '#...#', '#...#', '.###.'],
  p: ['.....', '.....', '####.', '#...#', '#...#', '#...#', '####.', '#....', '#....'],
  q: ['.....', '.....', '.####', '#...#', '#...#', '#...#', '.####', '....#', '....#'],
  r: ['.....', '.....', '#.##.', '##..#', '#....', '#....', '#....'],
  s: ['.....', '.....', '.####', '#....', '.###.', '....#', '####.'],
  t: ['.#...', '.#...', '####.', '.#...', '.#...', '.#..#', '..##.'],
  u: ['.....', '.....', '#...#', '#...#', '#...#', '#..##', '.##.#'],
  v: ['.....', '.....', '#...#', '#...#', '#...#', '.#.#.', '..#..'],
  w: ['.....', '.....', '#...#', '#...#', '#.#.#', '#.#.#', '.#.#.'],
  x: ['.....', '.....', '#...#', '.#.#.', '..#..', '.#.#.', '#...#'],
  y: ['.....', '.....', '#...#', '#...#', '#...#', '#...#', '.####', '....#', '.###.'],
  z: ['.....', '.....', '#####', '...#.', '..#..', '.#...', '#####'],
  '{': ['...##', '..#..', '..#..', '.#...', '..#..', '..#..', '...##'],
  '|': ['..#..', '..#..', '..#..', '..#..', '..#..', '..#..', '..#..', '..#..', '..#..'],
  '}': ['##...', '..#..', '..#..', '...#.', '..#..', '..#..', '##...'],
  '~': ['.....', '.....', '.#...', '#.#.#', '...#.', '.....', '.....'],
}

/** Drawn for any character the font does not cover: a hollow box on the baseline. */
const FALLBACK_SOURCE: readonly string[] = [
  '#####',
  '#...#',
  '#...#',
  '#...#',
  '#...#',
  '#...#',
  '#####',
]

/**
 * Converts '#'/'.' strings into GLYPH_HEIGHT row bitmasks (bit 4 = leftmost column); a glyph
 * drawn without descender rows gets blank ones.
 */
function compile(char: string, rows: readonly string[]): readonly number[] {
  if (rows.length !== GLYPH_BASELINE && rows.length !== GLYPH_HEIGHT) {
    throw new Error(
      `pixel-font: glyph ${JSON.stringify(char)} has ${rows.length} rows, expected ${GLYPH_BASELINE} or ${GLYPH_HEIGHT}`,
    )
  }
  const cell = [...rows, ...Array<string>(GLYPH_HEIGHT - rows.length).fill('.....')]
  return Object.freeze(
    cell.map((row) => {
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
/** GLYPHS by UTF-16 code, for drawing without a string per character. */
const GLYPHS_BY_CODE: readonly (readonly number[] | undefined)[] = Array.from(
  { length: 128 },
  (_, code) => GLYPHS.get(String.fromCharCode(code)),
)

/** For each 5-bit glyph row, its ink as [start, end) column pairs: adjacent columns joined. */
const COLUMN_RUNS: readonly (readonly number[])[] = Array.from(
  { length: 1 << GLYPH_WIDTH },
  (_, bits) => {
    const runs: number[] = []
    for (let col = 0; col < GLYPH_WIDTH; col++) {
      if ((bits & (1 << (GLYPH_WIDTH - 1 - col))) === 0) continue
      if (runs.length > 0 && runs[runs.length - 1] === col) runs[runs.length - 1] = col + 1
      else runs.push(col, col + 1)
    }
    return runs
  },
)

/**
 * Normalises a scale to a whole number of pixels; anything below 1 (or not finite) draws nothing.
 */
function pixelScale(scale: number): number {
  return Number.isFinite(scale) && scale >= 1 ? Math.floor(scale) : 0
}

/**
 * The GLYPH_HEIGHT row bitmasks for one character (bit 4 = leftmost column).
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

  const spans = textInkSpans(text, { x: x0, scale, width })
  spans.forEach((rowSpans, row) => {
    const top = Math.max(0, y0 + row * scale)
    const bottom = Math.min(height, y0 + (row + 1) * scale)
    for (let py = top; py < bottom; py++) {
      for (let i = 0; i < rowSpans.length; i += 2)
        pixels.fill(options.ink, py * width + rowSpans[i]!, py * width + rowSpans[i + 1]!)
    }
  })
}

/**
 * Where `text` puts ink on a line of `width` pixels with the pen starting at `x`: for each of the
 * GLYPH_HEIGHT font rows, [start, end) pixel pairs in increasing order, clipped to the line.
 * Every font row stands for `scale` identical pixel rows, so callers that encode rows as runs
 * need only these spans, never a painted buffer.
 */
export function textInkSpans(
  text: string,
  options: { x: number; scale: number; width: number },
): number[][] {
  const scale = pixelScale(options.scale)
  const { width } = options
  const spans: number[][] = []
  for (let row = 0; row < GLYPH_HEIGHT; row++) spans.push([]) // Array.from costs more than this
  let penX = Math.floor(options.x)
  if (scale === 0 || !Number.isFinite(penX)) return spans
  // Indexes, not a string iterator: no string per character (captions are drawn per request).
  for (let i = 0; i < text.length; i++) {
    if (penX >= width) break
    const code = text.charCodeAt(i)
    const pair = isSurrogatePairAt(text, i)
    if (pair) i++
    if (penX + GLYPH_WIDTH * scale > 0) {
      const rows = pair ? FALLBACK : (GLYPHS_BY_CODE[code] ?? FALLBACK)
      for (let row = 0; row < GLYPH_HEIGHT; row++) {
        const runs = COLUMN_RUNS[rows[row] ?? 0]!
        for (let i = 0; i < runs.length; i += 2) {
          const left = Math.max(0, penX + runs[i]! * scale)
          const right = Math.min(width, penX + runs[i + 1]! * scale)
          if (left < right) spans[row]!.push(left, right)
        }
      }
    }
    penX += ADVANCE * scale
  }
  return spans
}

/**
 * Width in pixels that drawText covers for `text`: no trailing gap after the last character, 0 when
 * empty.
 */
export function textWidth(text: string, scale: number): number {
  return widthOf(codePointCount(text), pixelScale(scale))
}

function widthOf(chars: number, scale: number): number {
  return chars === 0 ? 0 : chars * ADVANCE * scale - scale
}

/**
 * Returns `text` if it fits in `maxWidth` pixels, else the longest prefix that fits with '...'
 * appended, or '' when not even '...' fits.
 */
export function fitText(text: string, maxWidth: number, scale: number): string {
  const s = pixelScale(scale)
  if (widthOf(codePointCount(text), s) <= maxWidth) return text
  // Whole characters that fit: n * ADVANCE * s - s <= maxWidth.
  const fits = Math.floor((maxWidth + s) / (ADVANCE * s))
  if (!(fits >= 3)) return ''
  // The first fits - 3 code points, found by index rather than by splitting the whole text.
  let end = 0
  for (let kept = 0; kept < fits - 3; kept++) end += isSurrogatePairAt(text, end) ? 2 : 1
  return text.slice(0, end) + '...'
}

/** Code points of `text` as a string iterator counts them (a lone surrogate is one), unsplit. */
function codePointCount(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++, count++) {
    if (isSurrogatePairAt(text, i)) i++
  }
  return count
}

function isSurrogatePairAt(text: string, i: number): boolean {
  const high = text.charCodeAt(i)
  if (high < 0xd800 || high > 0xdbff) return false
  const low = text.charCodeAt(i + 1) // NaN past the end
  return low >= 0xdc00 && low <= 0xdfff
}
