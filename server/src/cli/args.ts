import {availableParallelism} from 'node:os'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import {UsageError} from './errors.js'
import {FORMATS, type Format} from './formats/index.js'
import {parseShard, type Shard} from './shard.js'

export const SEVERITIES = ['info', 'warning', 'error'] as const
export type MinSeverity = (typeof SEVERITIES)[number]

export interface CliOptions {
  targets: string[]
  format: Format
  outputFile?: string
  stdinFilename?: string
  maxWarnings: number
  minSeverity: MinSeverity
  quiet: boolean
  fix: boolean
  fixDryRun: boolean
  cache: boolean
  cacheLocation: string
  /** Extensions searched for in directories, without dots. */
  extensions: string[]
  ignore: boolean
  ignorePatterns: string[]
  /** --shard K/N: lint only the files that fall in this shard (shard.ts). */
  shard?: Shard
  /** Threads that lint (the main thread included); 'auto' decides from the number of files. */
  concurrency: number | 'auto'
  listRules: boolean
  printConfig?: string
  /** Timing, cache and thread figures on stderr. */
  debug: boolean
  help: boolean
  version: boolean
  color: boolean
}

export const DEFAULT_EXTENSIONS = ['md', 'markdown', 'txt']
export const DEFAULT_CACHE_LOCATION = '.oncolintcache'

export const HELP = `Usage: oncolint [options] <files|dirs|globs...>   ('-' reads standard input)

Lints patient-education drafts about cancer metastasis.

Output:
  -f, --format <name>          ${FORMATS.join(' | ')} (default: stylish)
  -o, --output-file <path>     write the report to a file instead of standard output
      --no-color               plain output even on a terminal (also NO_COLOR=1)
Gates:
      --max-warnings <n>       exit 1 when there are more than n warnings
      --min-severity <level>   drop findings below info | warning | error (default: info)
      --quiet                  report errors only (warnings still count for --max-warnings)
Fixing:
      --fix                    apply safe fixes to the files in place
      --fix-dry-run            print the safe fixes as a unified diff; change no file
Selection:
      --ext <list>             extensions searched for in directories (default: md,markdown,txt)
      --no-ignore              do not read .oncolintignore nor --ignore-pattern
      --ignore-pattern <pat>   ignore files like a .oncolintignore line (repeatable)
      --stdin-filename <path>  name (and config lookup place) for text read from '-'
      --shard <k/n>            lint only the k-th of n shares of the files, picked by path
                               (one CI job per shard)
Caching:
      --cache                  only lint files that changed since the last run
      --cache-location <path>  the cache file (default: ${DEFAULT_CACHE_LOCATION})
Other:
      --concurrency <n>        threads that lint: a number, auto (default) or off
      --debug                  print files, cache hits, threads and time on stderr
      --list-rules             list every rule with its family, default severity and doc link
      --print-config <file>    print the configuration that applies to <file>
      --stdio                  run the language server over standard input/output
  -v, --version                print the version
  -h, --help                   print this help

Exit codes: 0 no errors, 1 error findings (or too many warnings), 2 usage or configuration error.
`

const OPTIONS = {
  format: {type: 'string', short: 'f'},
  'output-file': {type: 'string', short: 'o'},
  'stdin-filename': {type: 'string'},
  'max-warnings': {type: 'string'},
  'min-severity': {type: 'string'},
  quiet: {type: 'boolean'},
  fix: {type: 'boolean'},
  'fix-dry-run': {type: 'boolean'},
  cache: {type: 'boolean'},
  'cache-location': {type: 'string'},
  ext: {type: 'string', multiple: true},
  ignore: {type: 'boolean'},
  'no-ignore': {type: 'boolean'},
  'ignore-pattern': {type: 'string', multiple: true},
  shard: {type: 'string'},
  concurrency: {type: 'string'},
  debug: {type: 'boolean'},
  'list-rules': {type: 'boolean'},
  'print-config': {type: 'string'},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'},
} satisfies ParseArgsConfig['options']

/** The arguments as node:util parseArgs reads them; a usage error for any it does not take. */
function readArgs(argv: string[]) {
  try {
    return parseArgs({args: argv, allowPositionals: true, strict: true, options: OPTIONS})
  } catch (e) {
    throw new UsageError(argumentProblem(e as Error & {code?: string}))
  }
}

export function parseCli(argv: string[]): CliOptions {
  const parsed = readArgs(argv)
  const v = parsed.values
  const format = (v.format ?? 'stylish') as Format
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${v.format}" (expected one of: ${FORMATS.join(', ')})`)
  let maxWarnings = -1
  if (v['max-warnings'] !== undefined) {
    maxWarnings = /^\d+$/.test(v['max-warnings'].trim()) ? Number(v['max-warnings']) : NaN
    if (!Number.isSafeInteger(maxWarnings)) throw new UsageError(`--max-warnings needs a whole number, got "${v['max-warnings']}"`)
  }
  const minSeverity = (v['min-severity'] ?? 'info') as MinSeverity
  if (!SEVERITIES.includes(minSeverity)) throw new UsageError(`--min-severity needs one of ${SEVERITIES.join(', ')}, got "${v['min-severity']}"`)
  if (v.fix && v['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together')
  const extensions = v.ext ? v.ext.flatMap((e) => e.split(',')).map((e) => e.trim().replace(/^\./, '')) : DEFAULT_EXTENSIONS
  if (extensions.length === 0 || extensions.some((e) => !/^[\w.-]+$/.test(e))) throw new UsageError(`--ext needs a comma-separated list of extensions such as md,txt, got "${v.ext?.join(',')}"`)
  const shard = v.shard === undefined ? undefined : parseShard(v.shard)
  if (shard && parsed.positionals.includes('-')) throw new UsageError('--shard picks among files; it cannot take standard input (-)')
  return {
    targets: parsed.positionals,
    format,
    outputFile: v['output-file'],
    stdinFilename: v['stdin-filename'],
    maxWarnings,
    minSeverity,
    quiet: v.quiet ?? false,
    fix: v.fix ?? false,
    fixDryRun: v['fix-dry-run'] ?? false,
    cache: v.cache ?? false,
    cacheLocation: v['cache-location'] ?? DEFAULT_CACHE_LOCATION,
    extensions: [...new Set(extensions)],
    ignore: v['no-ignore'] ? false : (v.ignore ?? true),
    ignorePatterns: v['ignore-pattern'] ?? [],
    shard,
    concurrency: parseConcurrency(v.concurrency),
    debug: v.debug ?? false,
    listRules: v['list-rules'] ?? false,
    printConfig: v['print-config'],
    help: v.help ?? false,
    version: v.version ?? false,
    color: v['no-color'] ? false : (v.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR)),
  }
}

function parseConcurrency(value: string | undefined): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto'
  if (value === 'off') return 1
  const n = /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--concurrency needs a whole number above 0, auto or off, got "${value}"`)
  return Math.min(n, Math.max(availableParallelism(), 1) * 4)
}

/** node:util's messages are long and name its own API: say what went wrong, and what was meant. */
function argumentProblem(e: Error & {code?: string}): string {
  const first = e.message.split('\n')[0]
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const given = /'([^']+)'/.exec(first)?.[1] ?? first
    const name = given.replace(/^-+/, '').split('=')[0]
    const near = closest(name, Object.keys(OPTIONS))
    return `Unknown option "${given}"${near ? ` (did you mean --${near}?)` : ''}; see oncolint --help`
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /--([\w-]+)/.exec(first)?.[1]
    if (name && OPTIONS[name as keyof typeof OPTIONS]?.type === 'string') return `Option --${name} needs a value; see oncolint --help`
    if (name) return `Option --${name} takes no value; see oncolint --help`
  }
  return first
}

/** The known option nearest to a misspelt one, if it is near enough to be a typo. */
function closest(name: string, names: string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1
  for (const candidate of names) {
    const d = editDistance(name, candidate)
    if (d < bestDistance) [best, bestDistance] = [candidate, d]
  }
  return best
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = row
  }
  return prev[b.length]
}
