import {runCli} from './main.js'

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e) => {
    process.stderr.write(`oncolint: ${e instanceof Error ? e.message : e}\n`)
    process.exitCode = 2
  },
)
