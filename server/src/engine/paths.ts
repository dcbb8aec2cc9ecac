import {existsSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

let root: string | undefined

/**
 * The folder holding `terminology/` and `docs/`: found by walking up from this module, so it
 * is the same whether the engine runs from source (tests), from dist/ bundles or a .vsix.
 */
export function packageRoot(): string {
  if (root) return root
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(dir, 'terminology', 'schema.json'))) return (root = dir)
    const up = dirname(dir)
    if (up === dir) throw new Error('oncolint: cannot find its terminology/ folder')
    dir = up
  }
}
