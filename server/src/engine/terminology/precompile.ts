import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot} from '../paths.js'
import {compileFromWordNet} from '../spun/load.js'
import {compileBuiltinWithMatcher} from './load.js'

// Run by `npm run build`: validates the shipped terminology and stores it as JSON, so the
// language server and the CLI start without parsing YAML. Fails the build on bad data.
const compiled = compileBuiltinWithMatcher()
writeFileSync(join(packageRoot(), 'dist', 'terminology.json'), JSON.stringify(compiled))
console.log(`terminology: ${compiled.entries.length} entries (version ${compiled.version})`)
const spun = compileFromWordNet()
writeFileSync(join(packageRoot(), 'dist', 'spun-index.json'), JSON.stringify(spun))
console.log(`spun-term index: ${spun.terms.length} standard terms`)
