import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {Readable, Writable} from 'node:stream'
import {runCli} from '../../server/src/cli/main.js'
import {ROOT, TEST_TERMS} from '../helpers.js'

export const BIN = join(ROOT, 'bin', 'oncolint.js')

export interface Ran {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the built command line (bin/oncolint.js -> dist/cli.js) as a child process. */
export function run(args: string[], opts: {cwd?: string; input?: string; env?: NodeJS.ProcessEnv} = {}): Ran {
  const r = spawnSync(process.execPath, [BIN, ...args], {cwd: opts.cwd ?? ROOT, input: opts.input ?? '', encoding: 'utf8', env: {...process.env, NO_COLOR: '1', ...opts.env}})
  return {code: r.status, stdout: r.stdout, stderr: r.stderr}
}

/**
 * Runs the command line in this process, from source: the same code as the bundle, without
 * the ~0.5 s a child process spends compiling the terminology. Colour is off.
 */
export async function cli(args: string[], opts: {cwd: string; input?: string}): Promise<Ran & {code: number}> {
  let stdout = ''
  let stderr = ''
  const sink = (add: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        add(String(chunk))
        done()
      },
    })
  const code = await runCli(['--no-color', ...args], {
    cwd: opts.cwd,
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    stdin: Readable.from([Buffer.from(opts.input ?? '')]),
  })
  return {code, stdout, stderr}
}

export const TEST_RC = `terminology: [${JSON.stringify(TEST_TERMS)}]\n`

/** A folder with the test terminology wired in through .oncolintrc.yaml, and the given files. */
export function project(files: Record<string, string>, rc = TEST_RC): string {
  const dir = mkdtempSync(join(tmpdir(), 'oncolint-cli-'))
  if (rc) writeFileSync(join(dir, '.oncolintrc.yaml'), rc)
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), {recursive: true})
    writeFileSync(join(dir, name), text)
  }
  return dir
}

/** The small project every format is shown on: one file with an error and a fixable warning, one clean, one whose name needs escaping. */
export const FIXTURE = {
  'a.md': '# Title\n\nA zorblat tumor grew. Quux spreads cancer.\n',
  'clean.txt': 'The cat sat on the mat.\n',
  'notes, v2.md': 'The blorpest hospital is here.\n',
}
