import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot} from '../server/src/engine/paths.js'
import {compileClaimModels, MODEL_FAMILIES} from '../server/src/engine/claims/load.js'
import {compileFromWordNet} from '../server/src/engine/spun/load.js'
import {compileBuiltinWithMatcher} from '../server/src/engine/terminology/load.js'

// Run by `npm run build` (scripts/build.mjs bundles it to dist/precompile.js, so packageRoot
// finds the package from dist/): validates the shipped terminology and stores it as JSON, so
// the language server and the CLI start without parsing YAML. Fails the build on bad data.
const compiled = compileBuiltinWithMatcher()
writeFileSync(join(packageRoot(), 'dist', 'terminology.json'), JSON.stringify(compiled))
console.log(`terminology: ${compiled.entries.length} entries (version ${compiled.version})`)
const spun = compileFromWordNet()
writeFileSync(join(packageRoot(), 'dist', 'spun-index.json'), JSON.stringify(spun))
console.log(`spun-term index: ${spun.terms.length} standard terms`)
const claims = compileClaimModels(compiled.entries, compiled.version)
writeFileSync(join(packageRoot(), 'dist', 'claim-model.json'), JSON.stringify(claims))
console.log(`claim models: ${MODEL_FAMILIES.map((f) => `${claims[f].weights.length} ${f} weights`).join(', ')}`)
