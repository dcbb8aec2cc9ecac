// Bundles the extension client, the language server and the CLI with esbuild: one file each,
// so the extension starts fast and the .vsix carries no node_modules. Then writes the V8 code
// caches the CLI and the server start with (scripts/code-cache.mjs, bin/load-bundle.js).
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'
import {removeCodeCaches, writeCodeCaches} from './code-cache.mjs'
import {lazyPackages} from './lazy-packages.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // Smaller bundles load faster: the server and CLI start in a fraction of the time.
  minify: true,
  logLevel: 'warning',
  // The engine finds terminology/ from its own location: give CJS bundles an import.meta.url.
  define: {'import.meta.url': 'importMetaUrl'},
  banner: {js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;"},
}
// The server and the CLI set these up when first used (most runs never do): see lazy-packages.mjs.
const lazy = {...common, plugins: [lazyPackages(['ajv', 'yaml'], ROOT)]}

// A cache is made for one bundle: gone before the bundles change, so a failed build leaves none.
removeCodeCaches(ROOT)
await Promise.all([
  build({...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode']}),
  build({...lazy, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js'}),
  build({...lazy, entryPoints: ['server/src/cli/index.ts'], outfile: 'dist/cli.js'}),
  build({...common, entryPoints: ['scripts/precompile.ts'], outfile: 'dist/precompile.js', sourcemap: false}),
])

// Validate the terminology and store it as JSON (dist/terminology.json); bad data fails the
// build with the data error's one line (file:line: problem), not a stack through the bundle.
try {
  await import('../dist/precompile.js')
} catch (e) {
  if (typeof e?.file !== 'string' || typeof e?.line !== 'number') throw e
  console.error(`npm run build: ${e.message}`)
  process.exit(1)
}

// Without the caches everything works, only starts slower: a failure here is a warning, so a
// half-edited engine that crashes on the sample draft still builds.
try {
  await writeCodeCaches(ROOT)
} catch (e) {
  console.warn(`warning: no code cache written, the CLI and the server will start slower: ${e.message}`)
}
