// Preloaded with `node --require` when GNU time is missing: writes the process's peak RSS (KiB)
// and CPU time (µs), worker threads included (they share the process), to $BENCH_RSS_FILE
// when it exits.
'use strict'
const {writeFileSync} = require('node:fs')
const file = process.env.BENCH_RSS_FILE
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage()
    writeFileSync(file, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}`)
  })
}
