import assert from 'node:assert/strict'
import {existsSync, readFileSync} from 'node:fs'
import {builtinModules} from 'node:module'
import {join} from 'node:path'
import {ROOT} from '../helpers.js'
import {changelogVersions, pngSize} from '../release.js'

interface Step {
  id: string
  description: string
  media: {markdown?: string}
  completionEvents: string[]
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8')

describe('release metadata', () => {
  it('LICENSE is the MIT licence of the oncolint contributors, as package.json says', () => {
    assert.equal(pkg.license, 'MIT')
    assert.match(read('LICENSE'), /^MIT License\n\nCopyright \(c\) \d{4} oncolint contributors\n/)
  })

  it('CHANGELOG.md keeps a changelog whose latest release is the version in package.json', () => {
    const text = read('CHANGELOG.md')
    assert.match(text, /^# Changelog\n/)
    assert.match(text, /keepachangelog\.com/)
    assert.match(text, /^## \[Unreleased\]$/m)
    const versions = changelogVersions(text)
    assert.equal(versions[0], pkg.version)
    for (const v of versions) assert.match(text, new RegExp(`^\\[${v.replace(/\./g, '\\.')}\\]: https://`, 'm'), `a link for ${v}`)
    assert.match(text, /^\[Unreleased\]: https:\/\/github\.com\/oncolint\/oncolint\/compare\/v[\d.]+\.\.\.HEAD$/m)
  })

  it('package.json has what vsce and the marketplace need', () => {
    assert.equal(pkg.private, undefined, 'publishable to npm')
    assert.equal(pkg.name, 'oncolint')
    assert.deepEqual(pkg.repository, {type: 'git', url: 'https://github.com/oncolint/oncolint.git'})
    assert.equal(pkg.homepage, 'https://github.com/oncolint/oncolint#readme')
    assert.equal(pkg.bugs.url, 'https://github.com/oncolint/oncolint/issues')
    assert.ok(pkg.keywords.length >= 5 && pkg.keywords.length <= 30)
    assert.ok(pkg.categories.includes('Linters'))
    assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i)
    assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme))
    assert.deepEqual(pngSize(readFileSync(join(ROOT, pkg.icon))), {width: 128, height: 128})
  })

  it('the npm package lists its files, which the build makes, and depends on nothing', () => {
    assert.ok(Array.isArray(pkg.files))
    for (const f of pkg.files as string[]) assert.ok(existsSync(join(ROOT, f)), `${f} (npm run build makes dist/)`)
    for (const bin of Object.values(pkg.bin) as string[]) assert.ok((pkg.files as string[]).some((f) => bin.startsWith(f)), `${bin} is packed`)
    assert.equal(pkg.dependencies, undefined, 'the bundles carry everything they run')
  })

  it('the bundles require only Node built-ins (and the client, vscode): no package is needed at run time', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)])
    for (const [bundle, allowed] of [['dist/cli.js', []], ['dist/server.js', []], ['dist/client.js', ['vscode']]] as const) {
      // A require() written in a string (ajv's code generator keeps some) is not a call.
      const required = [...read(bundle).matchAll(/(?<!['"`])\brequire\("([^"]+)"\)/g)].map((m) => m[1])
      assert.ok(required.length > 0)
      assert.deepEqual([...new Set(required.filter((r) => !builtins.has(r) && !(allowed as readonly string[]).includes(r)))], [], bundle)
    }
  })

  describe('walkthrough', () => {
    const [walkthrough] = pkg.contributes.walkthroughs as Array<{id: string; steps: Step[]}>
    const commands = new Set((pkg.contributes.commands as Array<{command: string}>).map((c) => c.command))
    const registered = new Set([...read('client/src/extension.ts').matchAll(/registerCommand\('([\w.]+)'/g)].map((m) => m[1]))

    it('takes a writer from a draft to a project configuration in five steps', () => {
      assert.equal(walkthrough.id, 'gettingStarted')
      assert.deepEqual(walkthrough.steps.map((s) => s.id), ['openDraft', 'readFinding', 'applyFix', 'readabilityReport', 'configure'])
    })

    for (const step of walkthrough.steps) {
      it(`step ${step.id}: one command button, completed by that command, and its page`, () => {
        const links = [...step.description.matchAll(/\[([^\]]+)\]\(command:([\w.]+)\)/g)]
        assert.equal(links.length, 1)
        const command = links[0][2]
        assert.ok(command.startsWith('workbench.') || (commands.has(command) && registered.has(command)), `${command} is contributed and registered`)
        assert.deepEqual(step.completionEvents, [`onCommand:${command}`])
        assert.ok(step.media.markdown && existsSync(join(ROOT, step.media.markdown)), `${step.media.markdown}`)
      })
    }

    it('every contributed command is registered by the extension', () => {
      assert.deepEqual([...commands].filter((c) => !registered.has(c)), [])
    })
  })
})
