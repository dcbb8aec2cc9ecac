#!/usr/bin/env node
'use strict'
const {join} = require('node:path')
const {loadBundle} = require('./load-bundle.js')
if (!process.argv.slice(2).some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket='))) process.argv.push('--stdio')
loadBundle(join(__dirname, '..', 'dist', 'server.js'))
