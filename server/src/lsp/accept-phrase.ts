import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {applyEdits, findNodeAtLocation, modify, parseTree, type ParseError} from 'jsonc-parser/lib/esm/main.js'
import {isSeq, parseDocument} from 'yaml'
import {findConfigFile} from '../config/load-config.js'
import {MAX_CONFIG_BYTES, readDataFile} from '../engine/data-file.js'
import {realTargetInside, writeAtomically} from './workspace-file.js'

/**
 * The file "Accept '<phrase>' in this workspace" writes to: the .oncolintrc that applies to the
 * document (the nearest one walking up, as the CLI finds it), else a new .oncolintrc.yaml at
 * the workspace folder's root. Undefined when there is neither.
 */
export function acceptTarget(startDir: string | undefined, folder: string | undefined): string | undefined {
  const found = startDir ? findConfigFile(startDir) : folder ? findConfigFile(folder) : undefined
  return found ?? (folder ? join(folder, '.oncolintrc.yaml') : undefined)
}

/**
 * Adds the phrase to `accept` in the file (created if missing); false when it was already there.
 * Only inside the workspace folders `roots`, never through a symlink that leads out of them
 * (WriteRefused), and atomically (writeAtomically).
 */
export function acceptPhraseInFile(file: string, phrase: string, roots: readonly string[]): boolean {
  const real = realTargetInside(file, roots)
  const text = existsSync(real) ? readDataFile(real, 'config file', MAX_CONFIG_BYTES) : ''
  const updated = file.endsWith('.json') ? acceptInJson(text, phrase) : acceptInYaml(text, phrase)
  if (updated === undefined) return false
  writeAtomically(real, updated)
  return true
}

const already = (list: unknown, phrase: string): boolean =>
  Array.isArray(list) && list.some((p) => typeof p === 'string' && p.trim().toLowerCase() === phrase.trim().toLowerCase())

/**
 * YAML through the `yaml` Document API, which keeps comments and the style of each collection
 * (a flow list stays a flow list). Undefined when the phrase is already accepted.
 */
export function acceptInYaml(text: string, phrase: string): string | undefined {
  const doc = parseDocument(text)
  if (doc.errors.length) throw new Error(`cannot edit: ${doc.errors[0].message.split('\n')[0]}`)
  if (already(doc.toJS()?.accept, phrase)) return undefined
  const list = doc.get('accept', true)
  if (isSeq(list)) list.add(doc.createNode(phrase))
  else doc.set('accept', doc.createNode([phrase]))
  // No padding inside [ ]: the README and most hand-written files write [a, b].
  return doc.toString({flowCollectionPadding: false})
}

/**
 * JSON by a minimal text edit: the new string goes after the last item, on the same line or on
 * its own line with the same indentation, so the rest of the file keeps its bytes.
 */
export function acceptInJson(text: string, phrase: string): string | undefined {
  if (text.trim() === '') return `${JSON.stringify({accept: [phrase]}, null, 2)}\n`
  const errors: ParseError[] = []
  const root = parseTree(text, errors, {allowTrailingComma: true})
  if (!root || errors.length || root.type !== 'object') throw new Error('cannot edit: not a valid JSON object')
  const list = findNodeAtLocation(root, ['accept'])
  const value = JSON.stringify(phrase)
  if (list?.type === 'array') {
    const items = list.children ?? []
    if (already(items.map((n) => n.value), phrase)) return undefined
    const last = items.at(-1)
    if (!last) return text.slice(0, list.offset) + `[${value}]` + text.slice(list.offset + list.length)
    const lastEnd = last.offset + last.length
    const multiLine = text.slice(list.offset, last.offset).includes('\n')
    // From the start of the run of blanks only (the lookbehind): tried at every blank, it would be quadratic.
    const indent = /(?<![ \t])[ \t]*$/.exec(text.slice(0, last.offset))![0]
    const eol = text.includes('\r\n') ? '\r\n' : '\n'
    return text.slice(0, lastEnd) + (multiLine ? `,${eol}${indent}${value}` : `, ${value}`) + text.slice(lastEnd)
  }
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  '
  const edits = modify(text, ['accept'], [phrase], {formattingOptions: {insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length}})
  return applyEdits(text, edits)
}
