import {runCli} from './main.js'
import {isLintWorker, runLintWorker} from './threads.js'

// The bundle is also the worker script of its lint threads (see threads.ts).
if (isLintWorker()) runLintWorker()
else {
  // A reader that stops early (`oncolint … | head`) is not a crash: the run still ends with its own exit code.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e
  })
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (e) => {
      process.stderr.write(`oncolint: ${e instanceof Error ? e.message : e}\n`)
      process.exitCode = 2
    },
  )
}
