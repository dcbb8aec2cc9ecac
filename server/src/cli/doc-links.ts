import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot} from '../engine/index.js'

/**
 * Where the rule pages are published when package.json names no GitHub repository. Reports
 * that leave the machine (an HTML page sent to a reviewer, SARIF uploaded to code scanning)
 * link here: a file:// link to the install would be dead elsewhere and would show the CI
 * machine's paths.
 */
export const PUBLIC_DOCS_BASE = 'https://github.com/oncolint/oncolint/blob/main/docs/rules/'

let base: string | undefined

/** The public page of a rule's documentation (https). */
export function publicRuleDocUrl(ruleId: string): string {
  base ??= docsBase()
  return `${base}${ruleId.split('/').map(encodeURIComponent).join('/')}.md`
}

/** docs/rules/ of the GitHub repository package.json names, or PUBLIC_DOCS_BASE. */
function docsBase(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {repository?: string | {url?: string}}
    const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url
    const repo = url && /^(?:github:|(?:git\+)?https:\/\/github\.com\/)([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(url)?.[1]
    if (repo) return `https://github.com/${repo}/blob/main/docs/rules/`
  } catch {
    // no readable package.json: the default
  }
  return PUBLIC_DOCS_BASE
}
