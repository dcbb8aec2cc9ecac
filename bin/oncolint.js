#!/usr/bin/env node
'use strict'
// `oncolint --stdio` (or --node-ipc / --socket=N) is the language server, for Neovim, Helix,
// Emacs and other LSP editors; anything else is the command line.
const serverFlag = process.argv.slice(2).some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket='))
require(serverFlag ? '../dist/server.js' : '../dist/cli.js')
