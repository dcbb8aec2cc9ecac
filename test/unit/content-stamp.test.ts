import assert from 'node:assert/strict'
import {mkdtempSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {contentStamp} from '../../server/src/engine/content-stamp.js'

describe('contentStamp: what a compiled file in dist/ was made from', () => {
  it('keeps the same stamp when only a file\'s time changes (npm packs every file dated 1985-10-26), and a new one when its content does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncolint-stamp-'))
    const file = join(dir, 'data.yaml')
    writeFileSync(file, 'a: 1\n')
    const before = contentStamp([file])
    utimesSync(file, new Date('1985-10-26T08:15:00Z'), new Date('1985-10-26T08:15:00Z'))
    assert.equal(contentStamp([file]), before)
    writeFileSync(file, 'a: 2\n')
    assert.notEqual(contentStamp([file]), before)
    assert.match(before, /^data\.yaml:5:[\w-]{12}$/)
  })

  it('marks a missing file instead of failing', () => {
    assert.equal(contentStamp([join(tmpdir(), 'no-such-oncolint-file.yaml')]), 'no-such-oncolint-file.yaml:-')
  })
})
