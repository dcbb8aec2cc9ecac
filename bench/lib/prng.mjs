// A seeded PRNG, so the corpus is the same bytes on every run and every machine: Math.random
// would make each run lint a different text and the figures incomparable.

/** mulberry32: 32-bit state, fast, good enough for shuffling text (not for cryptography). */
export function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A 32-bit seed from a label (FNV-1a), so each draft has its own independent stream. */
export function seedOf(label) {
  let h = 0x811c9dc5
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193)
  return h >>> 0
}

export const pick = (rand, list) => list[Math.floor(rand() * list.length)]

/** Fisher–Yates on a copy. */
export function shuffled(rand, list) {
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}
