#!/usr/bin/env node
// Recall of labelled problems. For each DRAFT.md or DRAFT.txt in DIR with a DRAFT.expect
// beside it, every line of the .expect file is one problem the draft holds on purpose:
//
//   family<TAB>exact phrase        found when a finding of that family (ruleId "family/...")
//                                  overlaps the phrase's first occurrence in the draft
//   family/rule<TAB>exact phrase   found only by a finding of exactly that rule
//   …<TAB>exact phrase<TAB>note    a third column is a note (test/corpus/real: the kind of problem)
//
// usage: oncolint --format json DIR/*.md DIR/*.txt > report.json
//        node scripts/score-expect.mjs report.json DIR
// Prints each missed problem, recall per family and per rule, and last `recall: FOUND/TOTAL`.
// A label line that cannot be scored (no tab, a phrase not in the draft) is printed as
// `problem ...` and makes the exit code 1; otherwise it is 0 whatever the recall.
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {basename, join} from 'node:path'
import {pathToFileURL} from 'node:url'

const DRAFT = /\.(md|txt)$/
const LABEL = /^[a-z][a-z-]*(\/[a-z][a-z0-9-]*)?$/

/**
 * Reads DIR's labels: [{draft, label, phrase, start, end}] for the scoreable ones and a line
 * per label that is not.
 */
export function readLabels(dir) {
  const labels = []
  const problems = []
  for (const draft of readdirSync(dir).filter((n) => DRAFT.test(n)).sort()) {
    const expectFile = join(dir, draft.replace(DRAFT, '.expect'))
    if (!existsSync(expectFile)) continue
    const text = readFileSync(join(dir, draft), 'utf8')
    readFileSync(expectFile, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return
        const tab = line.indexOf('\t')
        const label = tab < 0 ? '' : line.slice(0, tab)
        // A third column, if any, is a note (the kind of problem): not part of the phrase.
        const phrase = tab < 0 ? '' : line.slice(tab + 1).replace(/\r$/, '').split('\t')[0]
        if (!LABEL.test(label) || !phrase) return void problems.push(`${basename(expectFile)}:${i + 1}: not "family<TAB>phrase" nor "family/rule<TAB>phrase": ${line}`)
        const start = text.indexOf(phrase)
        if (start < 0) return void problems.push(`${basename(expectFile)}:${i + 1}: phrase not in ${draft}: ${phrase}`)
        labels.push({draft, label, phrase, start, end: start + phrase.length})
      })
  }
  return {labels, problems}
}

/** Whether a finding (ruleId) answers a label: its family for a family label, the very rule for a rule label. */
export const answers = (label, ruleId) => (label.includes('/') ? ruleId === label : ruleId.split('/')[0] === label)

/**
 * Scores an oncolint JSON report (array of {filePath, messages}) against DIR's labels. Files
 * are matched by name, as the report may have been made from another folder.
 */
export function score(report, dir) {
  const byDraft = new Map(report.map((file) => [basename(file.filePath), file.messages]))
  const {labels, problems} = readLabels(dir)
  const families = new Map()
  const rules = new Map()
  const missed = []
  const tally = (map, key, hit) => {
    const t = map.get(key) ?? {found: 0, total: 0}
    t.total++
    if (hit) t.found++
    map.set(key, t)
  }
  for (const {draft, label, phrase, start, end} of labels) {
    const messages = byDraft.get(draft) ?? []
    const hit = messages.some((m) => answers(label, m.ruleId) && m.offset < end && m.endOffset > start)
    tally(families, label.split('/')[0], hit)
    if (label.includes('/')) tally(rules, label, hit)
    if (!hit) missed.push(`${draft}: [${label}] ${phrase}`)
  }
  const found = labels.length - missed.length
  return {found, total: labels.length, families, rules, missed, problems}
}

/** The printed form of a score: problems, misses, recall per family, per rule, then in all. */
export function formatScore({found, total, families, rules, missed, problems}) {
  const lines = [...problems.map((p) => `problem ${p}`), ...missed.map((m) => `missed ${m}`)]
  for (const [family, t] of [...families].sort(([a], [b]) => a.localeCompare(b))) lines.push(`recall ${family}: ${t.found}/${t.total}`)
  for (const [rule, t] of [...rules].sort(([a], [b]) => a.localeCompare(b))) lines.push(`recall ${rule}: ${t.found}/${t.total}`)
  lines.push(`recall: ${found}/${total}`)
  return lines.join('\n') + '\n'
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [reportPath, dir] = process.argv.slice(2)
  if (!reportPath || !dir) {
    process.stderr.write('usage: node scripts/score-expect.mjs REPORT.json DIR\n')
    process.exit(2)
  }
  let report
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8'))
    if (!Array.isArray(report)) throw new Error('not an oncolint JSON report (an array of files)')
  } catch (e) {
    process.stderr.write(`score-expect: ${reportPath}: ${e.message}\n`)
    process.exit(2)
  }
  const result = score(report, dir)
  process.stdout.write(formatScore(result))
  process.exitCode = result.problems.length ? 1 : 0
}
