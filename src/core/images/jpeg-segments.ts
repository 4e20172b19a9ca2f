/**
 * Splits a baseline JPEG into the parts needed to splice several JPEGs of the same width into one
 * with restart markers: the table segments before the scan, the scan header and the entropy-coded
 * data. Only the single-scan files sharp writes (no restart markers of their own) are accepted.
 */

const SOI = 0xd8
const EOI = 0xd9
const SOS = 0xda
const SOF0 = 0xc0
const DRI = 0xdd
/** Offset of the image height inside an SOF0 segment (marker, length, precision). */
const SOF_HEIGHT_OFFSET = 5

export interface JpegParts {
  /** Every segment between SOI and SOS (quantisation tables, frame header, Huffman tables). */
  tables: Buffer
  /** Where the SOF0 segment starts inside `tables`. */
  frameOffset: number
  /** The SOS segment. */
  scanHeader: Buffer
  /** The entropy-coded data of the one scan, up to (not including) EOI. */
  scanData: Buffer
}

/** The parts of a baseline single-scan JPEG, or undefined for anything else. */
export function splitJpeg(file: Buffer): JpegParts | undefined {
  if (file.length < 4 || file[0] !== 0xff || file[1] !== SOI) return undefined
  let offset = 2
  let frameOffset = -1
  while (offset + 4 <= file.length) {
    if (file[offset] !== 0xff) return undefined
    const marker = file[offset + 1]!
    const length = file.readUInt16BE(offset + 2)
    const end = offset + 2 + length
    if (end > file.length) return undefined
    if (marker === SOF0) frameOffset = offset - 2
    else if (marker === DRI || (marker >= 0xc1 && marker <= 0xcf && marker !== 0xc4)) {
      return undefined // restarts or a non-baseline frame: not something we can splice
    }
    if (marker === SOS) {
      const last = file.length - 2
      if (frameOffset < 0 || file[last] !== 0xff || file[last + 1] !== EOI) return undefined
      return {
        tables: file.subarray(2, offset),
        frameOffset,
        scanHeader: file.subarray(offset, end),
        scanData: file.subarray(end, last),
      }
    }
    offset = end
  }
  return undefined
}

/** The table segments with the frame height blanked, to compare the coding of two strips. */
export function codingLayout(parts: JpegParts): Buffer {
  const layout = Buffer.from(parts.tables)
  layout.writeUInt16BE(0, parts.frameOffset + SOF_HEIGHT_OFFSET)
  return layout
}

/** SOI, the tables with the frame height set to `height`, a DRI segment and the scan header. */
export function splicedHeader(parts: JpegParts, height: number, restartInterval: number): Buffer {
  const tables = Buffer.from(parts.tables)
  tables.writeUInt16BE(height, parts.frameOffset + SOF_HEIGHT_OFFSET)
  const dri = Buffer.from([0xff, DRI, 0, 4, restartInterval >> 8, restartInterval & 0xff])
  return Buffer.concat([Buffer.from([0xff, SOI]), tables, dri, parts.scanHeader])
}

/** The marker ending restart interval `index` (RST0 to RST7, cycling). */
export function restartMarker(index: number): Buffer {
  return Buffer.from([0xff, 0xd0 + (index % 8)])
}

export const END_OF_IMAGE = Buffer.from([0xff, EOI])
