import {parseArgs} from 'node:util'
import {UsageError} from './files.js'

export const FORMATS = ['stylish', 'json'] as const
export type Format = (typeof FORMATS)[number]

export interface CliOptions {
  targets: string[]
  format: Format
  outputFile?: string
  stdinFilename?: string
  maxWarnings: number
  quiet: boolean
  fix: boolean
  listRules: boolean
  printConfig?: string
  help: boolean
  version: boolean
  color: boolean
}

export const HELP = `Usage: oncolint [options] <files|dirs|globs...>   ('-' reads standard input)

Lints patient-education drafts about cancer metastasis.

Options:
  -f, --format <name>        stylish (default) | json
  -o, --output-file <path>   write the report to a file instead of standard output
      --stdin-filename <p>   name (and config lookup place) for text read from '-'
      --max-warnings <n>     exit 1 when there are more than n warnings
      --quiet                report errors only
      --fix                  apply safe fixes to the files in place
      --list-rules           list every rule with its family, default severity and doc link
      --print-config <file>  print the configuration that applies to <file>
      --no-color             plain output even on a terminal
      --stdio                run the language server over standard input/output
  -v, --version              print the version
  -h, --help                 print this help

Exit codes: 0 no errors, 1 error findings (or too many warnings), 2 usage or configuration error.
`

export function parseCli(argv: string[]): CliOptions {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: {type: 'string', short: 'f'},
        'output-file': {type: 'string', short: 'o'},
        'stdin-filename': {type: 'string'},
        'max-warnings': {type: 'string'},
        quiet: {type: 'boolean'},
        fix: {type: 'boolean'},
        'list-rules': {type: 'boolean'},
        'print-config': {type: 'string'},
        color: {type: 'boolean'},
        'no-color': {type: 'boolean'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'},
      },
    })
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0])
  }
  const v = parsed.values
  const format = (v.format ?? 'stylish') as Format
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${v.format}" (expected one of: ${FORMATS.join(', ')})`)
  let maxWarnings = -1
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings'])
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings needs a whole number, got "${v['max-warnings']}"`)
  }
  return {
    targets: parsed.positionals,
    format,
    outputFile: v['output-file'],
    stdinFilename: v['stdin-filename'],
    maxWarnings,
    quiet: v.quiet ?? false,
    fix: v.fix ?? false,
    listRules: v['list-rules'] ?? false,
    printConfig: v['print-config'],
    help: v.help ?? false,
    version: v.version ?? false,
    color: v['no-color'] ? false : (v.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR)),
  }
}
