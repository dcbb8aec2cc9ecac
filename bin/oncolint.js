#!/usr/bin/env node
'use strict'
// `oncolint --stdio` (or --node-ipc / --socket=N) is the language server, for Neovim, Helix,
// Emacs and other LSP editors; anything else is the command line.
const {join} = require('node:path')
const {loadBundle} = require('./load-bundle.js')
const serverFlag = process.argv.slice(2).some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket='))
loadBundle(join(__dirname, '..', 'dist', serverFlag ? 'server.js' : 'cli.js'))
