import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot} from '../paths.js'

let words: string[] | undefined

/** Health words patients know that the Dale–Chall list lacks (terminology/health-words.txt). */
export function healthWords(): string[] {
  if (!words) {
    let text = ''
    try {
      text = readFileSync(join(packageRoot(), 'terminology', 'health-words.txt'), 'utf8')
    } catch {
      // The list is optional data; without it Dale–Chall simply counts more hard words.
    }
    words = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
  }
  return words
}
