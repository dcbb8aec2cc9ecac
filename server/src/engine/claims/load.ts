import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {contentStamp} from '../content-stamp.js'
import {DataFileError} from '../errors.js'
import {packageRoot} from '../paths.js'
import {ClaimModel, trainClaimModel, type ClaimExample, type ClaimModelData} from './claim-model.js'

/**
 * The families that have a model: each learns from terminology/training/<family>.tsv. Accuracy
 * has none: a model of the same kind, trained on the writers' accuracy sentences, reported
 * correct explanations of the same topics on trusted pages ("the areas of cancer in the bone are
 * made up of lung cancer cells"), which it cannot tell from the misconceptions by their words.
 */
export const MODEL_FAMILIES = ['promotion'] as const
export type ModelFamily = (typeof MODEL_FAMILIES)[number]

const trainingFile = (family: ModelFamily): string => join(packageRoot(), 'terminology', 'training', `${family}.tsv`)
const storedFile = (): string => join(packageRoot(), 'dist', 'claim-model.json')
/** Trusted prose teaches what is not a claim, but a labelled sentence says more. */
const TRUSTED_WEIGHT = 0.3

type StoredModels = {stamp: string} & Record<ModelFamily, ClaimModelData>

/** What the training files hold: stored models made from other versions are stale. */
const stamp = (): string => contentStamp(MODEL_FAMILIES.map(trainingFile))

/** The labelled sentences of a training file (label, kind, sentence). */
export function readClaimExamples(file: string): ClaimExample[] {
  const out: ClaimExample[] = []
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim() || line.startsWith('#')) return
      const [label, kind, text] = line.split('\t')
      if ((label !== 'flag' && label !== 'pass') || !kind || !text) throw new DataFileError(file, i + 1, 'a line must be "flag" or "pass", a kind and a sentence, separated by tabs')
      out.push({text, claim: label === 'flag', weight: kind === 'trusted' ? TRUSTED_WEIGHT : 1})
    })
  return out
}

/** Every family's model trained from the shipped sentences, with the stamp of the files they were made from. */
export function compileClaimModels(): StoredModels {
  const models = Object.fromEntries(MODEL_FAMILIES.map((f) => [f, trainClaimModel(readClaimExamples(trainingFile(f)))])) as Record<ModelFamily, ClaimModelData>
  return {...models, stamp: stamp()}
}

let models: Record<ModelFamily, ClaimModel> | undefined

/**
 * A family's model: from dist/claim-model.json when it was made from the current training files
 * (or when they are not installed, as in the extension), else trained now (about a second).
 */
export function claimModel(family: ModelFamily): ClaimModel {
  if (!models) {
    let data: StoredModels | undefined
    try {
      data = JSON.parse(readFileSync(storedFile(), 'utf8')) as StoredModels
    } catch {
      data = undefined
    }
    // The extension ships the models without their training files.
    const current = MODEL_FAMILIES.every((f) => existsSync(trainingFile(f))) ? stamp() : undefined
    const use = data && MODEL_FAMILIES.every((f) => data![f]) && (current === undefined || data.stamp === current) ? data : compileClaimModels()
    models = Object.fromEntries(MODEL_FAMILIES.map((f) => [f, new ClaimModel(use[f])])) as Record<ModelFamily, ClaimModel>
  }
  return models[family]
}
