import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {contentStamp} from '../content-stamp.js'
import {DataFileError} from '../errors.js'
import {packageRoot} from '../paths.js'
import type {Entry} from '../terminology/entry.js'
import {builtinTerminology} from '../terminology/load.js'
import {ClaimModel, trainClaimModel, type ClaimExample, type ClaimModelData} from './claim-model.js'

/** The families that have a model: each learns from terminology/training/<family>.tsv. */
export const MODEL_FAMILIES = ['promotion', 'accuracy'] as const
export type ModelFamily = (typeof MODEL_FAMILIES)[number]

/**
 * Whether a family's model also learns from the flag and pass examples of the family's
 * terminology entries. For accuracy they are the editors' near misses (true explanations in
 * the words of a misconception) that keep the model quiet on trusted pages; the promotion
 * model found fewer claims on held-out real pages with them, so it learns from its file alone.
 */
const LEARNS_FROM_ENTRIES: Record<ModelFamily, boolean> = {promotion: false, accuracy: true}

/**
 * How hard each family's training pulls its weights towards zero (claim-model.ts). The accuracy
 * model, held harder, reported fewer true near misses at the same recall; the promotion model,
 * held harder, found fewer claims on held-out real pages.
 */
const L2: Record<ModelFamily, number> = {promotion: 1e-4, accuracy: 1e-3}

const trainingFile = (family: ModelFamily): string => join(packageRoot(), 'terminology', 'training', `${family}.tsv`)
const storedFile = (): string => join(packageRoot(), 'dist', 'claim-model.json')
/**
 * How much a sentence of trusted prose counts beside a labelled one. For promotion it counts
 * less: trusted pages rarely sell, and a labelled near miss says more. For accuracy it counts in
 * full: trusted pages explain the very topics misconceptions are about, in the same words.
 */
const TRUSTED_WEIGHT: Record<ModelFamily, number> = {promotion: 0.3, accuracy: 1}

type StoredModels = {stamp: string} & Record<ModelFamily, ClaimModelData>

/** What the models are made from: the training files and the terminology's examples. */
const stamp = (terminologyVersion: string): string => `${contentStamp(MODEL_FAMILIES.map(trainingFile))}:${terminologyVersion}`

/** The labelled sentences of a training file (label, kind, sentence). */
export function readClaimExamples(file: string, trustedWeight = TRUSTED_WEIGHT.promotion): ClaimExample[] {
  const out: ClaimExample[] = []
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim() || line.startsWith('#')) return
      const [label, kind, text] = line.split('\t')
      if ((label !== 'flag' && label !== 'pass') || !kind || !text) throw new DataFileError(file, i + 1, 'a line must be "flag" or "pass", a kind and a sentence, separated by tabs')
      out.push({text, claim: label === 'flag', weight: kind === 'trusted' ? trustedWeight : 1})
    })
  return out
}

/** The flag and pass examples of a family's terminology entries, as labelled sentences. */
export function entryExamples(entries: readonly Entry[], family: ModelFamily): ClaimExample[] {
  return entries
    .filter((e) => e.rule.startsWith(`${family}/`))
    .flatMap((e) => [...e.examples.flag.map((text) => ({text, claim: true, weight: 1})), ...e.examples.pass.map((text) => ({text, claim: false, weight: 1}))])
}

/** Every family's model trained from the shipped sentences, with the stamp of what they were made from. */
export function compileClaimModels(entries: readonly Entry[], terminologyVersion: string): StoredModels {
  const models = Object.fromEntries(
    MODEL_FAMILIES.map((f) => [f, trainClaimModel([...readClaimExamples(trainingFile(f), TRUSTED_WEIGHT[f]), ...(LEARNS_FROM_ENTRIES[f] ? entryExamples(entries, f) : [])], L2[f])]),
  ) as Record<ModelFamily, ClaimModelData>
  return {...models, stamp: stamp(terminologyVersion)}
}

let models: Record<ModelFamily, ClaimModel> | undefined

/**
 * A family's model: from dist/claim-model.json when it was made from the current training files
 * and terminology (or when the files are not installed, as in the extension), else trained now
 * (about two seconds).
 */
export function claimModel(family: ModelFamily): ClaimModel {
  if (!models) {
    let data: StoredModels | undefined
    try {
      data = JSON.parse(readFileSync(storedFile(), 'utf8')) as StoredModels
    } catch {
      data = undefined
    }
    const terminology = builtinTerminology()
    // The extension ships the models without their training files.
    const current = MODEL_FAMILIES.every((f) => existsSync(trainingFile(f))) ? stamp(terminology.version) : undefined
    const use = data && MODEL_FAMILIES.every((f) => data![f]) && (current === undefined || data.stamp === current) ? data : compileClaimModels(terminology.entries, terminology.version)
    models = Object.fromEntries(MODEL_FAMILIES.map((f) => [f, new ClaimModel(use[f])])) as Record<ModelFamily, ClaimModel>
  }
  return models[family]
}
