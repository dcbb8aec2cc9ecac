/** Written back faithfully or not at all; see server/src/cli/write.ts and server/src/config/load-config.ts. */
import assert from 'node:assert/strict'
import {join} from 'node:path'
import {cli, project} from '../cli/helpers.js'


describe('config: an unknown key is named at its own line', () => {
  it('a misspelt top-level key on line 3', async () => {
    const dir = project({'a.md': 'Text.\n'}, 'accept: [a]\ntargetGrade: 8\nmaxSentenceWord: 20\n')
    const r = await cli(['a.md'], {cwd: dir})
    assert.deepEqual([r.code, r.stderr], [2, `oncolint: ${join(dir, '.oncolintrc.yaml')}:3: config must NOT have additional properties: "maxSentenceWord"\n`])
  })
})
