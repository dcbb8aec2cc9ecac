import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {DataFileError} from '../errors.js'
import {packageRoot} from '../paths.js'
import {ClaimModel, trainClaimModel, type ClaimExample, type ClaimModelData} from './claim-model.js'

const trainingFile = (): string => join(packageRoot(), 'terminology', 'training', 'promotion.tsv')
const storedFile = (): string => join(packageRoot(), 'dist', 'claim-model.json')
/** Trusted prose teaches what is not a claim, but a labelled sentence says more. */
const TRUSTED_WEIGHT = 0.3

/** Size and mtime of the training file: a stored model made from another version is stale. */
function stamp(): string {
  const st = statSync(trainingFile())
  return `${st.size}:${Math.trunc(st.mtimeMs)}`
}

/** The labelled sentences of terminology/training/promotion.tsv (label, kind, sentence). */
export function readClaimExamples(file = trainingFile()): ClaimExample[] {
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

/** The model trained from the shipped sentences, with the stamp of the file it was made from. */
export function compileClaimModel(): ClaimModelData & {stamp: string} {
  return {...trainClaimModel(readClaimExamples()), stamp: stamp()}
}

let model: ClaimModel | undefined

/** The model: from dist/claim-model.json when it was made from the current training file, else trained now (under a second). */
export function claimModel(): ClaimModel {
  if (!model) {
    let data: (ClaimModelData & {stamp?: string}) | undefined
    try {
      data = JSON.parse(readFileSync(storedFile(), 'utf8')) as ClaimModelData & {stamp?: string}
    } catch {
      data = undefined
    }
    let current: string | undefined
    try {
      current = stamp()
    } catch {
      current = undefined
    }
    model = new ClaimModel(data && (current === undefined || data.stamp === current) ? data : compileClaimModel())
  }
  return model
}
