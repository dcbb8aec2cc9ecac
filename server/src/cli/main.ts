import {readFileSync, renameSync, statSync, writeFileSync} from 'node:fs'
import {extname, join, resolve} from 'node:path'
import {DataFileError, RULES, applyFixes, lint, packageRoot, ruleDocUrl} from '../engine/index.js'
import {configFor} from '../config/load-config.js'
import {HELP, parseCli, type CliOptions} from './args.js'
import {UsageError, expandTargets} from './files.js'
import {formatJson, formatStylish, toReport, type FileReport} from './report.js'

const languageOf = (path: string): string => (extname(path).toLowerCase() === '.txt' ? 'plaintext' : 'markdown')

/** Runs the command line; returns the exit code (0 clean, 1 errors, 2 usage/config error). */
export async function runCli(argv: string[], io = {cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin}): Promise<number> {
  let options: CliOptions
  try {
    options = parseCli(argv)
    if (options.help) return io.stdout.write(HELP), 0
    if (options.version) return io.stdout.write(`${version()}\n`), 0
    if (options.listRules) return io.stdout.write(listRules()), 0
    if (options.printConfig) return io.stdout.write(JSON.stringify(configFor(options.printConfig, io.cwd).config, null, 2) + '\n'), 0
    if (options.targets.length === 0) throw new UsageError('No files given. Try: oncolint <files|dirs|globs...> (or --help)')
    const reports = await lintTargets(options, io)
    const shown = options.quiet ? reports.map((r) => ({...r, messages: r.messages.filter((m) => m.severity === 'error')})) : reports
    const text = options.format === 'json' ? formatJson(shown) : formatStylish(shown, io.cwd, options.color && !options.outputFile)
    if (options.outputFile) writeFileSync(resolve(io.cwd, options.outputFile), text)
    else io.stdout.write(text)
    const errors = reports.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'error').length, 0)
    const warnings = reports.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'warning').length, 0)
    if (errors > 0) return 1
    if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
      io.stderr.write(`oncolint found too many warnings (maximum: ${options.maxWarnings}).\n`)
      return 1
    }
    return 0
  } catch (e) {
    if (e instanceof UsageError || e instanceof DataFileError) {
      io.stderr.write(`oncolint: ${e.message}\n`)
      return 2
    }
    const err = e as NodeJS.ErrnoException
    io.stderr.write(`oncolint: ${err.code ? `${err.code}: ` : ''}${err.message}\n`)
    return 2
  }
}

async function lintTargets(options: CliOptions, io: {cwd: string; stdin: NodeJS.ReadableStream; stderr: NodeJS.WritableStream}): Promise<FileReport[]> {
  const reports: FileReport[] = []
  const stdin = options.targets.includes('-')
  const files = await expandTargets(options.targets.filter((t) => t !== '-'), io.cwd)
  if (stdin) {
    const text = await readAll(io.stdin)
    const name = options.stdinFilename ?? '<stdin>'
    const {config, terminology} = configFor(options.stdinFilename, io.cwd)
    const result = lint(text, {languageId: languageOf(name), config, terminology})
    reportRuleErrors(result.ruleErrors, name, io.stderr)
    reports.push(toReport(options.stdinFilename ? resolve(io.cwd, name) : name, text, result))
  }
  for (const file of files) {
    const text = readText(file)
    const {config, terminology} = configFor(file, io.cwd)
    let result = lint(text, {languageId: languageOf(file), config, terminology})
    let finalText = text
    if (options.fix) {
      const fixed = applyFixes(text, result.findings)
      if (fixed.applied.length) {
        writeIfUnchanged(file, text, fixed.text)
        finalText = fixed.text
        result = lint(finalText, {languageId: languageOf(file), config, terminology})
      }
    }
    reportRuleErrors(result.ruleErrors, file, io.stderr)
    reports.push(toReport(file, finalText, result))
  }
  return reports
}

function readText(file: string): string {
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
}

/** Writes through a temporary file and a rename, and never over a file that changed meanwhile. */
function writeIfUnchanged(file: string, expected: string, text: string): void {
  if (readText(file) !== expected) throw new UsageError(`${file} changed on disk while being linted; not fixed`)
  const tmp = `${file}.oncolint-${process.pid}.tmp`
  writeFileSync(tmp, text, {mode: statSync(file).mode})
  renameSync(tmp, file)
}

function reportRuleErrors(errors: Array<{ruleId: string; message: string}>, name: string, stderr: NodeJS.WritableStream): void {
  for (const e of errors) stderr.write(`oncolint: rule ${e.ruleId} failed on ${name}: ${e.message}\n`)
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '')
}

function listRules(): string {
  const width = Math.max(...RULES.map((r) => r.id.length))
  return RULES.map((r) => `${r.id.padEnd(width)}  ${r.family.padEnd(11)}  ${r.defaultSeverity.padEnd(7)}  ${r.description}  ${ruleDocUrl(r.id)}`).join('\n') + '\n'
}

function version(): string {
  return JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version
}
