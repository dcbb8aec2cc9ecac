/**
 * A second opinion for a family (promotion, accuracy): a logistic regression over the words and
 * word pairs of a sentence, trained on terminology/training/<family>.tsv (sentences by writers
 * who never saw the rules, trusted government text) and, for accuracy, the entries' own examples
 * (load.ts). The rules name kinds one by one, and on sentences in new wording they miss many;
 * measured on sets of new wording kept out of the training, a model found more of them at a like
 * rate of false alarms (docs/rules/promotion/likely-claim.md, docs/rules/accuracy/likely-misconception.md).
 * Features are hashed (FNV-1a) into a fixed space, so a model is a list of weights.
 */

/** Words after which the rest of a sentence is read as denied ("no", "never", "myth"). */
const NEGATORS = new Set(
  "not no never cannot can't won't isn't aren't doesn't don't didn't wasn't weren't nothing none neither nor without myth myths false untrue wrong".split(' '),
)
const WORD = /[a-z0-9']+/g
const BITS = 18
const MASK = (1 << BITS) - 1

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** FNV-1a state after the string's UTF-16 code units, from `h`: the same index for a feature in training and in use. */
function fold(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME)
  return h
}

/** The state after the mark of a denied word ("N_"). */
const DENIED = fold(FNV_OFFSET, 'N_')

/**
 * The distinct hashed features of a sentence: its words and pairs of words, marked after a
 * negator, sorted. A pair's hash continues its first word's state through a space (FNV-1a is
 * sequential), so no pair is built as a string: this runs on every sentence of a draft.
 */
export function claimFeatures(sentence: string): Int32Array {
  const words = sentence.toLowerCase().replace(/’/g, "'").match(WORD) ?? []
  const out = new Int32Array(Math.max(0, 2 * words.length - 1))
  let n = 0
  let denied = false
  let previous = 0
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    const negator = NEGATORS.has(w)
    if (negator) denied = true
    const marked = denied && !negator
    const state = fold(marked ? DENIED : FNV_OFFSET, w)
    out[n++] = state & MASK
    if (i > 0) {
      const pair = Math.imul(previous ^ 0x20, FNV_PRIME)
      out[n++] = fold(marked ? fold(pair, 'N_') : pair, w) & MASK
    }
    previous = state
  }
  // A typed array sorts numbers without a comparator call per pair.
  out.sort()
  let k = 0
  for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[i - 1]) out[k++] = out[i]
  return out.subarray(0, k)
}

export interface ClaimExample {
  text: string
  claim: boolean
  /** How much the example counts (trusted prose counts less than a labelled sentence). */
  weight: number
}

export interface ClaimModelData {
  /** In thousandths. */
  bias: number
  /** The features that have a weight, each as its distance from the one before (small numbers: the model ships in the extension). */
  features: number[]
  /** Their weights, in thousandths. */
  weights: number[]
}

const EPOCHS = 30
/** Trainings in other orders whose weights are averaged. */
const RUNS = 4
const RATE = 0.5

/** Stochastic gradient descent on the logistic loss, in an order fixed by the sentences themselves: the same data gives the same model. */
/**
 * `l2` is how hard the weights are pulled towards zero at each step: more makes the scores less
 * extreme, so fewer true sentences that share a misconception's words score near 1.
 */
export function trainClaimModel(examples: readonly ClaimExample[], l2 = 1e-4): ClaimModelData {
  const featuresOf = examples.map((e) => claimFeatures(e.text))
  // Each example's place in an epoch comes from its own text, the epoch and the run, not from a
  // shuffle of the whole list: a shuffle of a list one sentence longer is another order
  // altogether, so adding an entry's example moved every score a little and some across the
  // threshold. Sorted by such keys, the sentences already there keep their order and an added one
  // only joins it. The runs' weights are averaged, so no one order decides a score.
  const textKeys = examples.map((e) => fold(FNV_OFFSET, e.text))
  const order = examples.map((_, i) => i)
  const keys = new Float64Array(examples.length)
  const w = new Float64Array(1 << BITS)
  const total = new Float64Array(1 << BITS)
  let totalBias = 0
  for (let run = 0; run < RUNS; run++) {
    w.fill(0)
    let bias = 0
    // The weights are averaged over the epochs of the second half: the last step of stochastic
    // descent depends on the order of the last few examples, and the average does not.
    const sum = new Float64Array(1 << BITS)
    let sumBias = 0
    let summed = 0
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      const salt = Math.imul(run * EPOCHS + epoch + 1, 0x9e3779b1)
      for (let i = 0; i < keys.length; i++) keys[i] = mix(textKeys[i] ^ salt)
      order.sort((a, b) => keys[a] - keys[b] || a - b)
      for (const k of order) {
        const f = featuresOf[k]
        let z = bias
        for (const x of f) z += w[x]
        const g = (1 / (1 + Math.exp(-z)) - (examples[k].claim ? 1 : 0)) * examples[k].weight
        for (const x of f) w[x] -= RATE * (g + l2 * w[x])
        bias -= RATE * g
      }
      if (epoch >= EPOCHS / 2) {
        for (let x = 0; x < w.length; x++) if (w[x] !== 0) sum[x] += w[x]
        sumBias += bias
        summed++
      }
    }
    for (let x = 0; x < w.length; x++) if (sum[x] !== 0) total[x] += sum[x] / summed / RUNS
    totalBias += sumBias / summed / RUNS
  }
  const bias = totalBias
  w.set(total)
  const weights: number[] = []
  // Weights too small to move a score are left out: the model ships in the extension.
  const features: number[] = []
  let last = 0
  for (let x = 0; x < w.length; x++) {
    if (Math.abs(w[x]) < 0.01) continue
    features.push(x - last)
    weights.push(Math.round(w[x] * 1000))
    last = x
  }
  return {bias: Math.round(bias * 1000), features, weights}
}

/** A well-mixed unsigned number from a 32-bit one (the finaliser of MurmurHash3). */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** A trained model, ready to score sentences. */
export class ClaimModel {
  // The weights in an open-addressing table of typed arrays: a Map of 30,000 boxed doubles per
  // model cost the language server about a megabyte more, and it keeps both models for its life.
  private readonly keys: Int32Array
  private readonly values: Float32Array
  private readonly shift: number
  private readonly bias: number

  constructor(data: ClaimModelData) {
    let bits = 4
    while (1 << bits < data.features.length * 2) bits++
    this.keys = new Int32Array(1 << bits).fill(-1)
    this.values = new Float32Array(1 << bits)
    this.shift = 32 - bits
    let x = 0
    data.features.forEach((delta, i) => {
      x += delta
      let slot = this.slotOf(x)
      while (this.keys[slot] !== -1) slot = (slot + 1) & (this.keys.length - 1)
      this.keys[slot] = x
      this.values[slot] = data.weights[i] / 1000
    })
    this.bias = data.bias / 1000
  }

  private slotOf(feature: number): number {
    return Math.imul(feature, 0x9e3779b1) >>> this.shift
  }

  private weight(feature: number): number {
    const mask = this.keys.length - 1
    for (let slot = this.slotOf(feature); ; slot = (slot + 1) & mask) {
      const key = this.keys[slot]
      if (key === feature) return this.values[slot]
      if (key === -1) return 0
    }
  }

  /** The probability the model gives that the sentence makes a claim of its family. */
  score(sentence: string): number {
    return this.scoreFeatures(claimFeatures(sentence))
  }

  /** The same, from the sentence's features (claimFeatures), which every family's model shares. */
  scoreFeatures(features: ArrayLike<number>): number {
    let z = this.bias
    for (let i = 0; i < features.length; i++) z += this.weight(features[i])
    return 1 / (1 + Math.exp(-z))
  }
}
