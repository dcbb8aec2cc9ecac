import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as vscode from 'vscode'
import {EXTENSION_ID} from '../helpers.js'

// scripts/e2e/run.mjs installs oncolint.vsix with `code-server --install-extension` and names
// the folder it went to in ONCOLINT_E2E_INSTALLED; with --dev it loads the development folder
// and this test is skipped.
describe('the extension under test', () => {
  it('is oncolint as installed from the .vsix, not the development folder', function () {
    const installed = process.env.ONCOLINT_E2E_INSTALLED
    if (!installed) return this.skip()
    const ext = vscode.extensions.getExtension(EXTENSION_ID)
    assert.ok(ext, `${EXTENSION_ID} is installed`)
    assert.equal(fs.realpathSync(ext.extensionPath), fs.realpathSync(installed))
    assert.equal(ext.extensionKind, vscode.ExtensionKind.Workspace)
    const pkg = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'))
    assert.equal(ext.packageJSON.version, pkg.version)
    // What the package holds, as a user gets it: bundles, no sources or dependencies.
    assert.ok(fs.existsSync(path.join(installed, 'dist', 'client.js')))
    assert.ok(fs.existsSync(path.join(installed, 'dist', 'server.js')))
    for (const absent of ['client', 'test', 'node_modules', 'server/src']) assert.ok(!fs.existsSync(path.join(installed, absent)), `no ${absent}/ in the installed extension`)
  })
})
