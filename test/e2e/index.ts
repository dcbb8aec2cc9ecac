// Entry point of the end-to-end suite. VS Code loads the bundle of this file (dist/e2e/index.js)
// in the extension host, both in code-server (scripts/e2e/run.mjs) and in desktop VS Code
// (@vscode/test-electron, test/e2e/run-electron.ts), and calls run(). Every
// dist/e2e/suite/*.test.js (bundled from test/e2e/suite/*.test.ts) is loaded: adding a test
// file is enough to add tests.
//
// Output goes to the extension host's console and, when ONCOLINT_E2E_LOG is set, is appended
// to that file too (code-server keeps the extension host's console to itself: run.mjs tails
// the file). When ONCOLINT_E2E_RESULTS is set, a JSON summary is written there at the end.
import * as fs from 'node:fs'
import * as path from 'node:path'
import {format} from 'node:util'
import Mocha from 'mocha'

export interface E2eResults {
  passed: number
  failed: number
  pending: number
  failures: {title: string; error: string}[]
}

const logFile = process.env.ONCOLINT_E2E_LOG
const resultsFile = process.env.ONCOLINT_E2E_RESULTS

function log(...args: unknown[]): void {
  const line = format(...args)
  console.log(line)
  if (logFile) fs.appendFileSync(logFile, line + '\n')
}

export function run(): Promise<void> {
  const mocha = new Mocha({ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec'})
  // The reporters print through Base.consoleLog: send it to the log file as well.
  Mocha.reporters.Base.consoleLog = log

  const suiteDir = path.join(__dirname, 'suite')
  const files = fs
    .readdirSync(suiteDir)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
  for (const f of files) mocha.addFile(path.join(suiteDir, f))
  const grep = process.env.ONCOLINT_E2E_GREP
  if (grep) mocha.grep(grep)

  const results: E2eResults = {passed: 0, failed: 0, pending: 0, failures: []}
  const finish = (): void => {
    if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2))
    log(`${results.passed} passed, ${results.failed} failed${results.pending ? `, ${results.pending} skipped` : ''}`)
  }

  return new Promise<void>((resolve, reject) => {
    if (files.length === 0) {
      results.failed = 1
      results.failures.push({title: 'load suite', error: `no *.test.js in ${suiteDir}`})
      finish()
      reject(new Error(`no e2e test files in ${suiteDir}`))
      return
    }
    try {
      const runner = mocha.run(() => {
        finish()
        if (results.failed > 0) reject(new Error(`${results.failed} e2e test(s) failed`))
        else if (results.passed === 0) reject(new Error('no e2e test ran'))
        else resolve()
      })
      runner.on('pass', () => results.passed++)
      runner.on('pending', () => results.pending++)
      // 'fail' also fires for hooks: each counts as one failure, as mocha's own summary does.
      runner.on('fail', (test, err: Error) => {
        results.failed++
        results.failures.push({title: test.fullTitle(), error: String(err?.stack ?? err)})
      })
    } catch (err) {
      log(`error loading the e2e suite: ${String((err as Error)?.stack ?? err)}`)
      results.failed++
      results.failures.push({title: 'load suite', error: String((err as Error)?.stack ?? err)})
      finish()
      reject(err)
    }
  })
}
