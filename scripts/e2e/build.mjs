// Bundles the end-to-end suite (test/e2e/) for the extension host with esbuild:
//   test/e2e/index.ts              -> dist/e2e/index.js          (mocha bundled in)
//   test/e2e/suite/NAME.test.ts    -> dist/e2e/suite/NAME.test.js
// CommonJS for Node, `vscode` left to the extension host. Usable alone
// (`node scripts/e2e/build.mjs`) or imported (buildSuite()).
import {build} from 'esbuild'
import {readdirSync, rmSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const outDir = join(repoRoot, 'dist', 'e2e')
export const testsEntry = join(outDir, 'index.js')

export async function buildSuite({quiet = false} = {}) {
  const srcDir = join(repoRoot, 'test', 'e2e')
  const suites = readdirSync(join(srcDir, 'suite'))
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => join(srcDir, 'suite', f))
  if (suites.length === 0) throw new Error('no test/e2e/suite/*.test.ts')
  rmSync(outDir, {recursive: true, force: true}) // no stale suite files from deleted tests
  await build({
    entryPoints: [join(srcDir, 'index.ts'), ...suites],
    outdir: outDir,
    outbase: srcDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true, // dist/e2e/**/*.js.map, for a debugger
    external: ['vscode'],
    logLevel: quiet ? 'error' : 'warning',
    // mocha's parallel mode (never used here) resolves worker files at run time.
    logOverride: {'require-resolve-not-external': 'silent'},
    // Bundled ESM code (parts of mocha) reads import.meta.url: give the CJS output one.
    define: {'import.meta.url': '__e2eImportMetaUrl'},
    banner: {js: "const __e2eImportMetaUrl = require('url').pathToFileURL(__filename).href;"},
  })
  return {testsEntry, suites}
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const {suites} = await buildSuite()
  console.log(`e2e: bundled ${suites.length} suite file(s) into ${outDir}`)
}
