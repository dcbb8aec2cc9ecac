// Lints the labelled drafts of a folder with this repository's CLI (bin/oncolint.js, so run
// `npm run build` first) and scores the findings with score-expect.mjs.
import {execFileSync} from 'node:child_process'
import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {score} from './score-expect.mjs'

const BIN = fileURLToPath(new URL('../bin/oncolint.js', import.meta.url))

/** The score (see score-expect.mjs) of oncolint's findings on the drafts in `dir`. */
export function recall(dir) {
  const drafts = readdirSync(dir)
    .filter((n) => /\.(md|txt)$/.test(n))
    .sort()
    .map((n) => join(dir, n))
  let report
  try {
    report = execFileSync(process.execPath, [BIN, '--format', 'json', ...drafts], {encoding: 'utf8', maxBuffer: 64 << 20})
  } catch (e) {
    // Exit 1 only means error findings: the report is complete. Anything else is a failure.
    if (e.status !== 1 || !e.stdout) throw e
    report = e.stdout
  }
  return score(JSON.parse(report), dir)
}
