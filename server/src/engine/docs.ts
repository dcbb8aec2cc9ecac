import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {packageRoot} from './paths.js'

/**
 * Where a rule's documentation page is: docs/rules/<family>/<name>.md shipped with oncolint
 * (in the .vsix and the npm package), so the link works offline and matches the version.
 */
export function ruleDocUrl(ruleId: string): string {
  return pathToFileURL(join(packageRoot(), 'docs', 'rules', `${ruleId}.md`)).href
}
