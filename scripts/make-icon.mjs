#!/usr/bin/env node
// Draws the extension's icon, images/icon.png (128x128 RGBA): a page of text lines on the
// gallery banner's blue, one line underlined with a wavy amber squiggle, as an editor marks a
// finding. Drawn from shapes (no third-party art), each pixel sampled 4x4 times for smooth
// edges, and written as a PNG with node:zlib. Run it again after changing the drawing:
//   node scripts/make-icon.mjs [OUT]
import {writeFileSync} from 'node:fs'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {crc32, deflateSync} from 'node:zlib'

const SIZE = 128
const SAMPLES = 4
const BANNER = [0x1f, 0x3b, 0x57] // package.json galleryBanner.color
const PAGE = [0xf7, 0xf4, 0xee]
const INK = [0x5b, 0x6b, 0x7b]
const SQUIGGLE = [0xf2, 0xa5, 0x1a]

/** Signed distance from (x, y) to a rounded rectangle (negative inside). */
function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = (left + right) / 2
  const cy = (top + bottom) / 2
  const qx = Math.abs(x - cx) - ((right - left) / 2 - radius)
  const qy = Math.abs(y - cy) - ((bottom - top) / 2 - radius)
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius
}

/** Distance from (x, y) to a sine wave under a text line, between x0 and x1. */
function squiggle(x, y, x0, x1, baseline) {
  const wave = (t) => baseline + 2.6 * Math.sin((t - x0) / 2.4)
  if (x < x0 || x > x1) return Infinity
  let best = Infinity
  for (let t = Math.max(x0, x - 4); t <= Math.min(x1, x + 4); t += 0.25) best = Math.min(best, Math.hypot(x - t, y - wave(t)))
  return best
}

// Text lines on the page: [left, right, y]; the third is the one with a finding.
const LINES = [
  [34, 94, 36],
  [34, 86, 52],
  [34, 92, 68],
  [34, 74, 84],
]
const FLAGGED = 2

/** The colour at a point, as [r, g, b, alpha 0..1]. */
function colourAt(x, y) {
  if (roundedRect(x, y, 0, 0, SIZE, SIZE, 22) > 0) return [0, 0, 0, 0]
  if (roundedRect(x, y, 22, 18, 106, 110, 8) > 0) return [...BANNER, 1]
  const [left, right, baseline] = LINES[FLAGGED]
  if (squiggle(x, y, left, right, baseline + 9) < 1.9) return [...SQUIGGLE, 1]
  for (const [l, r, cy] of LINES) if (roundedRect(x, y, l, cy - 3.5, r, cy + 3.5, 3.5) <= 0) return [...INK, 1]
  return [...PAGE, 1]
}

/** The icon's pixels, RGBA rows. */
export function drawIcon() {
  const pixels = Buffer.alloc(SIZE * SIZE * 4)
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0, 0]
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [r, g, b, a] = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)
          sum[0] += r * a
          sum[1] += g * a
          sum[2] += b * a
          sum[3] += a
        }
      }
      const n = SAMPLES * SAMPLES
      const i = (py * SIZE + px) * 4
      // Colour averaged over the covered samples only, so edges do not darken towards black.
      for (let c = 0; c < 3; c++) pixels[i + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0
      pixels[i + 3] = Math.round((255 * sum[3]) / n)
    }
  }
  return pixels
}

/** A PNG file (8-bit RGBA, no interlace) of `pixels`, `width` x `height`. */
export function encodePng(pixels, width, height) {
  const chunk = (type, data) => {
    const head = Buffer.alloc(8)
    head.writeUInt32BE(data.length, 0)
    head.write(type, 4, 'latin1')
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
    return Buffer.concat([head, data, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 6, 0, 0, 0], 8) // bit depth 8, colour type RGBA, deflate, filter set 0, no interlace
  const rows = Buffer.alloc(height * (1 + width * 4))
  for (let y = 0; y < height; y++) pixels.copy(rows, y * (1 + width * 4) + 1, y * width * 4, (y + 1) * width * 4) // filter byte 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, {level: 9})),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = process.argv[2] ?? fileURLToPath(new URL('../images/icon.png', import.meta.url))
  writeFileSync(out, encodePng(drawIcon(), SIZE, SIZE))
  console.log(`wrote ${out}`)
}
