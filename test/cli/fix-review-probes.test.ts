import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {cli, project} from './helpers.js'

// The sentences on which "fix all" used to change medical meaning (terminology review of
// December 2026, section 2): run through the command line, --fix leaves every one as written.
const PROBES = [
  'Survival statistics describe groups, not individuals.',
  'Many cancers arise from chance factors, such as random errors when cells copy DNA.',
  'Cancer cells make essential growth factors that feed the tumor.',
  'The principal growth period for children is puberty.',
  'Activities with higher METs burn more energy, so start slowly.',
  'Your oxygen equipment can be rented from a healthcare supplier.',
  'Smoking leads to cancer-causing cell changes in the lungs.',
  'Survival improved with respect to chemotherapy alone.',
  'Chemotherapy is given in an attempt to shrink the tumor before surgery.',
]

describe('CLI --fix on the terminology review probes', () => {
  it('changes none of them, and --fix-dry-run prints no diff', async () => {
    const text = PROBES.join('\n\n') + '\n'
    const dir = project({'probes.md': text}, '')
    const dry = await cli(['--fix-dry-run', 'probes.md'], {cwd: dir})
    assert.doesNotMatch(dry.stdout, /^(---|\+\+\+) [ab]\//m)
    // The same run does print a diff when a safe fix exists: the check above can fail.
    const fixable = project({'probes.md': `${text}\nDoctors utilize scans.\n`}, '')
    assert.match((await cli(['--fix-dry-run', 'probes.md'], {cwd: fixable})).stdout, /^\+Doctors use scans\.$/m)
    await cli(['--fix', 'probes.md'], {cwd: dir})
    assert.equal(readFileSync(join(dir, 'probes.md'), 'utf8'), text)
  })
})
