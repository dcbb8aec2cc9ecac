#!/usr/bin/env node
// Packs the VS Code extension into oncolint.vsix (after `npm run build`).
//
// package.json's "files" is the npm package's list (bin/, the CLI bundle, its code caches);
// the .vsix takes what .vscodeignore lets through (the client bundle, the walkthrough). vsce
// refuses a package.json with "files" beside a .vscodeignore, so the .vsix is packed from a
// staging folder holding exactly the files .vscodeignore selects and a package.json without
// "files". README links are made absolute from package.json's repository, so the
// marketplace page renders them.
//   node scripts/package-vsix.mjs [OUT]     (default: oncolint.vsix in the repository)
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {createVSIX, listFiles} from '@vscode/vsce'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const out = resolve(process.argv[2] ?? join(ROOT, 'oncolint.vsix'))

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
delete manifest.files
const files = await listFiles({cwd: ROOT, manifest, ignoreFile: join(ROOT, '.vscodeignore'), packageManager: 'none'})
if (!files.includes('dist/client.js')) throw new Error('package-vsix: no dist/client.js: run npm run build first')

const staging = mkdtempSync(join(tmpdir(), 'oncolint-vsix-'))
try {
  for (const file of files) {
    if (file === 'package.json') continue
    mkdirSync(dirname(join(staging, file)), {recursive: true})
    copyFileSync(join(ROOT, file), join(staging, file))
  }
  writeFileSync(join(staging, 'package.json'), JSON.stringify(manifest, null, 2) + '\n')
  copyFileSync(join(ROOT, '.vscodeignore'), join(staging, '.vscodeignore'))
  await createVSIX({cwd: staging, packagePath: out, dependencies: false})
} finally {
  rmSync(staging, {recursive: true, force: true})
}
