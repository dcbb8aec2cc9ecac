import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {basename} from 'node:path'

/**
 * What a compiled file in dist/ was made from: each source file's name, size and a hash of its
 * content ("-" when it is missing). Not its modification time: npm packs every file with the
 * same date (1985-10-26), so a stamp of times made by the build never matched an installed
 * package, which then compiled its data again at every start.
 */
export function contentStamp(files: readonly string[]): string {
  return files
    .map((f) => {
      try {
        const data = readFileSync(f)
        return `${basename(f)}:${data.length}:${createHash('sha1').update(data).digest('base64url').slice(0, 12)}`
      } catch {
        return `${basename(f)}:-`
      }
    })
    .join('|')
}
