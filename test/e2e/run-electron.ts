// Runs the end-to-end suite in desktop VS Code through @vscode/test-electron, which downloads
// VS Code (into .e2e/vscode-test/) on first use: for machines that can reach the VS Code
// download site. The same suite runs offline in code-server: scripts/e2e/run.mjs.
//
//   node scripts/e2e/run.mjs --electron       (builds, copies the fixture, prints the summary)
//   npx tsx test/e2e/run-electron.ts          (alone: after npm run build && node scripts/e2e/build.mjs)
//
// Environment (all optional; run.mjs sets them): ONCOLINT_E2E_VSIX (installed first, as a user
// installs it, with the extension under development then only a stub), ONCOLINT_E2E_EXTENSION, ONCOLINT_E2E_TESTS,
// ONCOLINT_E2E_WORKSPACE, ONCOLINT_E2E_USER_DATA, ONCOLINT_E2E_RESULTS, ONCOLINT_E2E_GREP,
// ONCOLINT_E2E_VSCODE_VERSION (default: stable), ONCOLINT_E2E_VSCODE_EXECUTABLE (a VS Code
// already installed, e.g. /usr/share/code/code: nothing is downloaded). On Linux without a display, run it under
// xvfb-run (run.mjs does when xvfb-run is installed).
import {spawnSync} from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests} from '@vscode/test-electron'

const repoRoot = path.resolve(import.meta.dirname, '..', '..')
const env = process.env

async function main(): Promise<number> {
  const extensionDevelopmentPath = env.ONCOLINT_E2E_EXTENSION ?? repoRoot
  const extensionTestsPath = env.ONCOLINT_E2E_TESTS ?? path.join(repoRoot, 'dist', 'e2e', 'index.js')
  const fixtureFolder = env.ONCOLINT_E2E_WORKSPACE ?? path.join(repoRoot, 'test', 'e2e', 'fixtures', 'workspace')
  if (!fs.existsSync(extensionTestsPath)) {
    throw new Error(`no ${extensionTestsPath}: run 'npm run build && node scripts/e2e/build.mjs' first`)
  }

  // A fresh profile with the same quiet settings as the code-server run.
  const userDataDir = env.ONCOLINT_E2E_USER_DATA ?? fs.mkdtempSync(path.join(os.tmpdir(), 'oncolint-e2e-vscode-'))
  fs.mkdirSync(path.join(userDataDir, 'User'), {recursive: true})
  fs.copyFileSync(path.join(import.meta.dirname, 'fixtures', 'user-settings.json'), path.join(userDataDir, 'User', 'settings.json'))

  const extensionTestsEnv: Record<string, string | undefined> = {}
  for (const name of ['ONCOLINT_E2E_RESULTS', 'ONCOLINT_E2E_GREP', 'ONCOLINT_E2E_LOG']) {
    if (env[name]) extensionTestsEnv[name] = env[name]
  }

  const cachePath = path.join(repoRoot, '.e2e', 'vscode-test')
  const vscodeExecutablePath = env.ONCOLINT_E2E_VSCODE_EXECUTABLE || (await downloadAndUnzipVSCode({version: env.ONCOLINT_E2E_VSCODE_VERSION ?? 'stable', cachePath}))
  const extensionsDir = path.join(userDataDir, 'extensions')
  if (env.ONCOLINT_E2E_VSIX) {
    // `code --install-extension`, as a user installs the .vsix (the CLI's own profile flags dropped for ours).
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath)
    const args = [...cliArgs.filter((a) => !/^--(extensions|user-data)-dir/.test(a)), `--extensions-dir=${extensionsDir}`, `--user-data-dir=${userDataDir}`, '--install-extension', env.ONCOLINT_E2E_VSIX]
    const r = spawnSync(cli, args, {stdio: 'inherit', shell: process.platform === 'win32'})
    if (r.status !== 0) throw new Error(`installing ${env.ONCOLINT_E2E_VSIX} failed (exit ${r.status})`)
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {publisher: string; name: string; version: string}
    extensionTestsEnv.ONCOLINT_E2E_INSTALLED = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`)
  }

  return runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath,
    extensionTestsPath,
    extensionTestsEnv,
    launchArgs: [
      fixtureFolder,
      `--user-data-dir=${userDataDir}`,
      `--extensions-dir=${extensionsDir}`,
      '--disable-gpu',
      '--disable-telemetry',
    ],
  })
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    // runTests rejects (TestRunFailedError) when VS Code exits non-zero, i.e. a test failed.
    const code = (err as {code?: number}).code
    console.error(`run-electron: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(typeof code === 'number' && code !== 0 ? code : 1)
  },
)
