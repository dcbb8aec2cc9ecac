// Bundles the extension client, the language server and the CLI with esbuild: one file each,
// so the extension starts fast and the .vsix carries no node_modules.
import {build} from 'esbuild'

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

await Promise.all([
  build({...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode']}),
  build({...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js'}),
  build({...common, entryPoints: ['server/src/cli/index.ts'], outfile: 'dist/cli.js'}),
  build({...common, entryPoints: ['server/src/engine/terminology/precompile.ts'], outfile: 'dist/precompile.js', sourcemap: false}),
])

// Validate the terminology and store it as JSON (dist/terminology.json); bad data fails the build.
await import('../dist/precompile.js')
