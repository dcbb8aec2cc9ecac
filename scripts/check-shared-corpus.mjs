#!/usr/bin/env node
// Recall on the seed draft the reviewers keep outside the repository (../shared/corpus beside
// a clone, when it is there): at least 90% of its labelled problems must be found. .ci/run
// calls this only when that folder exists; the tests in the repository use the project's own
// labelled drafts (test/corpus) instead.
// usage: node scripts/check-shared-corpus.mjs [DIR]   (default ../shared/corpus beside the repo)
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {formatScore} from './score-expect.mjs'
import {recall} from './recall.mjs'

const MINIMUM = 0.9
const dir = process.argv[2] ?? fileURLToPath(new URL('../../shared/corpus', import.meta.url))
if (!existsSync(dir)) {
  console.error(`check-shared-corpus: no folder ${dir}`)
  process.exit(2)
}
const result = recall(dir)
process.stdout.write(formatScore(result))
const ok = result.total > 0 && result.found / result.total >= MINIMUM && result.problems.length === 0
console.log(ok ? `seed corpus: ${result.found}/${result.total} found (at least ${MINIMUM * 100}% needed): ok` : `seed corpus: FAILED: ${result.found}/${result.total} found, at least ${MINIMUM * 100}% needed${result.problems.length ? `, and ${result.problems.length} label(s) could not be scored` : ''}`)
process.exitCode = ok ? 0 : 1
